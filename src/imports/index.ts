import type { FastifyInstance } from 'fastify';
import { importRoutes } from './imports.routes.ts';

export default async function routes(app: FastifyInstance) {
  await app.register(importRoutes);
}
