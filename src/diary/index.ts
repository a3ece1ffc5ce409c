import type { FastifyInstance } from 'fastify';
import { diaryRoutes } from './diary.routes.ts';

export default async function routes(app: FastifyInstance) {
  await app.register(diaryRoutes);
}
