import type { FastifyInstance } from 'fastify';
import './stamps.review.ts';
import stampRoutes from './stamps.routes.ts';
import suspicionRoutes from './suspicions.routes.ts';

export default async function stamps(app: FastifyInstance) {
  await app.register(stampRoutes);
  await app.register(suspicionRoutes);
}
