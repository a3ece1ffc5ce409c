import resolverRoutes from './resolver.routes.ts';

export default resolverRoutes;
