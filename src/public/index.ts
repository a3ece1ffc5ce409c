import publicRoutes from './public.routes.ts';

export default publicRoutes;
