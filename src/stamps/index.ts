import './stamps.review.ts';
import stampRoutes from './stamps.routes.ts';

export default stampRoutes;
