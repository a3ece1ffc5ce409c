import { Problem } from '../platform/index.ts';

/**
 * Imports running at once, per organisation and in all. An import holds its file, the unpacked sheet and a
 * transaction until it ends, so four at once of the largest files is what the server is sized for; one
 * organisation may not take them all (a second tab, a script retrying).
 */
export const importSlots = { perOrganisation: 2, total: 4, retryAfterSeconds: 10 };

const running = new Map<string, number>();
let total = 0;

/** Takes a slot for the organisation's import, or throws 429 with Retry-After; call the result to give it back. */
export function takeImportSlot(organisationId: string, limits = importSlots): () => void {
  const mine = running.get(organisationId) ?? 0;
  if (mine >= limits.perOrganisation || total >= limits.total) {
    const seconds = limits.retryAfterSeconds;
    throw new Problem(429, 'imports-busy', {
      params: { seconds },
      headers: { 'retry-after': String(seconds) },
    });
  }
  running.set(organisationId, mine + 1);
  total++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    total--;
    const left = (running.get(organisationId) ?? 1) - 1;
    if (left > 0) running.set(organisationId, left);
    else running.delete(organisationId);
  };
}
