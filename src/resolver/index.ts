import resolverRoutes from './resolver.routes.ts';

export {
  cached,
  cachedLive,
  clearResolverCache,
  configureResolverCache,
  readsFrom,
  resolverCacheListening,
} from './resolver.cache.ts';
export type { ResolverRequest } from './resolver.dl.ts';
export { parseResolverUrl } from './resolver.dl.ts';
export { type ResolverListener, startResolverListener } from './resolver.invalidation.ts';
export { pagePath } from './resolver.links.ts';
export type { Subject } from './resolver.subject.ts';
export { findSubject } from './resolver.subject.ts';

export default resolverRoutes;
