import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { apiKeyRoutes } from './api-keys.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { passwordResetRoutes } from './password-reset.routes.ts';
import { registrationRoutes } from './registration.routes.ts';
import { resolveActor } from './resolve-actor.ts';
import { userRoutes } from './users.routes.ts';
import './audit-subjects.ts';

export { runCreateAdmin } from './accounts.cli.ts';
export type { PersonRole } from './accounts.policy.ts';
export { insertApiKey } from './api-keys.repo.ts';
export { demoPassword } from './password-policy.ts';
export { actorOfUser } from './resolve-actor.ts';
export { randomToken, sha256 } from './secrets.ts';
export { activePeopleWithRoles, findUserByEmail, findUserById } from './users.repo.ts';
export { createUser } from './users.service.ts';

/** Accounts: who is calling (sessions, API keys) and who may manage whom. */
export default {
  resolveActor,
  routes: async (app: FastifyInstance) => {
    // only the routes that ask for a limit get one (sign-in, registration)
    await app.register(rateLimit, { global: false });
    await app.register(authRoutes);
    await app.register(passwordResetRoutes);
    await app.register(registrationRoutes);
    await app.register(userRoutes);
    await app.register(apiKeyRoutes);
  },
};
