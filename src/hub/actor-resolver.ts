import type { ActorResolver } from '../platform/index.ts';

/**
 * A delivery carries a node's key, not an account's: the program's resolver would refuse it as an unknown API
 * key, so it leaves that one route alone and the route finds the node itself (deliveries.routes.ts).
 */
export function leavingNodeKeysAlone(resolve: ActorResolver): ActorResolver {
  return async (request) => (request.url.startsWith('/api/hub/deliveries') ? null : resolve(request));
}
