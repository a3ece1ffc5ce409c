import resolverRoutes from './resolver.routes.ts';

export { cached, clearResolverCache, configureResolverCache } from './resolver.cache.ts';
export type { ResolverRequest } from './resolver.dl.ts';
export { parseResolverUrl } from './resolver.dl.ts';
export { pagePath } from './resolver.links.ts';
export type { Subject } from './resolver.subject.ts';
export { findSubject } from './resolver.subject.ts';

export default resolverRoutes;
