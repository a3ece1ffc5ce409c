import type { FastifyInstance } from 'fastify';
import type { ActorResolver } from '../platform/auth.ts';

const resolveActor: ActorResolver = async () => null;

export default {
  resolveActor,
  routes: async (_app: FastifyInstance) => {},
};
