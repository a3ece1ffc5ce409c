import type { Actor } from './auth.ts';

/** The permission strings a module grants an actor (`verb:object:scope`); empty when it grants none. */
export type PermissionSource = (actor: Actor) => readonly string[];

const sources = new Map<string, PermissionSource>();

/**
 * Each module's `*.policy.ts` registers its permissions as it loads, under the module's name (registering again
 * replaces). Nothing here knows the modules: the list is whatever the program loaded.
 */
export function registerPermissions(module: string, source: PermissionSource): void {
  sources.set(module, source);
}

/** The permission strings of an actor, for the back office to show or hide what the API would refuse anyway. */
export function permissionsOf(actor: Actor): string[] {
  const all = [...sources.values()].flatMap((source) => source(actor));
  return [...new Set(all)].sort();
}
