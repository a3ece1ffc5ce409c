import resolverRoutes from './resolver.routes.ts';

export { cached } from './resolver.cache.ts';
export type { ResolverRequest } from './resolver.dl.ts';
export { parseResolverUrl } from './resolver.dl.ts';
export { pagePath } from './resolver.links.ts';
export { resolverRateLimit } from './resolver.routes.ts';
export type { Subject } from './resolver.subject.ts';
export { findSubject } from './resolver.subject.ts';

export default resolverRoutes;
