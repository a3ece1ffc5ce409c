import type { FastifyInstance } from 'fastify';

/** The hub's public face: national search at `/`, and any province's Digital Link. */
export async function hubPages(_app: FastifyInstance) {}
