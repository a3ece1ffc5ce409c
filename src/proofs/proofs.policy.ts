import { type Actor, type Role, registerPermissions } from '../platform/index.ts';

/** Reading checkpoints and proofs is public; signing one on demand is the department administrator's. */
export type ProofsPermission = 'create:checkpoint';

const grants: Partial<Record<Role, ProofsPermission[]>> = { dost_admin: ['create:checkpoint'] };

export const proofsPermissions = (actor: Pick<Actor, 'kind' | 'role'>): ProofsPermission[] =>
  actor.kind === 'user' ? (grants[actor.role] ?? []) : [];

registerPermissions('proofs', (actor) => proofsPermissions(actor));

export const canMakeCheckpoint = (actor: Actor) => proofsPermissions(actor).includes('create:checkpoint');
