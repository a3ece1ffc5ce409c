import type { Actor } from '../platform/index.ts';

/** The hub's administrator (a `dost_admin` account of the hub) registers province nodes and reads the dashboard. */
export const mayRunHub = (actor: Actor) => actor.role === 'dost_admin';
