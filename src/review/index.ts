import type { FastifyInstance } from 'fastify';
import './registry/index.ts';
import { reviewRoutes } from './review.routes.ts';

export type {
  Decision,
  DecisionOptions,
  PreCheck,
  ReviewHandler,
  ReviewItem,
  ReviewRecord,
  ReviewSubject,
} from './review.handlers.ts';
export { contributePreChecks, registerReviewHandler, reviewHandler } from './review.handlers.ts';
export { decide, submitEntity, submitForReview } from './review.service.ts';

export default async function routes(app: FastifyInstance) {
  await app.register(reviewRoutes);
}
