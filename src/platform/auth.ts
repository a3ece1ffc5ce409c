import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Problem, unauthorized } from './problem.ts';
import type { Sector } from './vocabulary.ts';

/** Roles of TXNG (docs/requirements.md §1). Permissions live in each module's `*.policy.ts`. */
export const roles = [
  'dost_admin',
  'dost_reviewer',
  'sector_officer',
  'commune_officer',
  'inspector',
  'org_owner',
  'org_staff',
  'api_client',
] as const;
export type Role = (typeof roles)[number];

/** Who is making a request: a signed-in person or an API key, with the scope it acts in. */
export interface Actor {
  kind: 'user' | 'apiKey';
  id: string;
  name: string;
  role: Role;
  /** Organisations the actor acts for (owner/staff: their own; a solution provider's key: its customers). */
  organisationIds: string[];
  /** Sector of a sector officer (`officerSectors` of platform/vocabulary.ts). */
  sector: Sector | null;
  /** Commune codes of a commune officer. */
  communes: string[];
}

export type ActorResolver = (request: FastifyRequest) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The route answers anonymous callers; without it every route under /api/ and /epcis/ needs an actor. */
    public?: boolean;
  }
}

/** Paths whose routes are closed to anonymous callers unless they say `config: { public: true }`. */
const guardedPrefixes = ['/api/', '/epcis/'];

export const isGuardedPath = (url: string) =>
  guardedPrefixes.some((prefix) => url.startsWith(prefix) || `${url}/` === prefix);

/**
 * Sets `request.actor` on every request from the resolver the app was built with, and closes every route under
 * /api/ and /epcis/ to anonymous callers unless it is declared public. The check runs before the body is parsed
 * and validated, so an anonymous caller gets 401 whatever it sends and learns nothing about the expected input;
 * route-level gates (403 for a role) run after it. Publicness is read at request time, so a plugin's own onRoute
 * hook may still mark the routes it adds (the documentation UI does).
 */
export function registerAuth(app: FastifyInstance, resolveActor: ActorResolver) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = await resolveActor(request);
  });
  app.addHook('onRoute', (route) => {
    if (!isGuardedPath(route.url)) return;
    const existing = route.preParsing ? [route.preParsing].flat() : [];
    route.preParsing = [requireActorUnlessPublic, ...existing];
  });
}

async function requireActorUnlessPublic(request: FastifyRequest) {
  if (request.routeOptions.config.public !== true) requireActor(request);
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

export const isStaff = (actor: Actor) => !['org_owner', 'org_staff', 'api_client'].includes(actor.role);

/** Throws 403 unless the actor may act for the organisation (staff of the department may act for any). */
export function requireOrganisation(actor: Actor, organisationId: string) {
  if (actor.role === 'dost_admin') return;
  if (!actor.organisationIds.includes(organisationId)) throw new Problem(403, 'forbidden');
}
