import type { FastifyRequest } from 'fastify';
import { type Actor, requireActor } from './auth.ts';
import { forbidden } from './problem.ts';

/**
 * A route hook (preValidation) that answers 401 to the anonymous and 403 to a role without the permission before
 * the body is even validated, so a denied caller learns nothing about the input the route expects.
 */
export function allow(check: (actor: Actor) => boolean) {
  return async (request: FastifyRequest) => {
    const actor = requireActor(request);
    if (!check(actor)) throw forbidden();
  };
}

export const signedIn = allow(() => true);

/** Things only a signed-in person does (their own password, their own sessions), never an API key. */
export const personOnly = allow((actor) => actor.kind === 'user');
