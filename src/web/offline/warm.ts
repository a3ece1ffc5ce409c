import { withQuery } from '../early.ts';

/**
 * What the diary and the stage forms read before anything is typed, asked once the app runs online so the service
 * worker keeps a copy for offline use (decision 061) even when the person has not opened those pages today: the
 * organisation's places (the diary's plot and the stage's place), its products (a harvest's product, a line's
 * product) and its stock (the lots a form ships, sells or uses). The addresses are exactly those the pages ask
 * (components/EntitySelect.tsx: `{ q, pageSize: 50, ...query }`; pages/stages/LotQuantities.tsx: `{ q, pageSize: 50,
 * organisationId }`), or the kept copies would never be found.
 */
export function offlineReads(me: { role: string; organisationIds: string[] }): string[] {
  // only people who record for one organisation use these forms as such (the department does not record)
  if (!me.role.startsWith('org_') || me.organisationIds.length !== 1) return [];
  const organisationId = me.organisationIds[0];
  return [
    withQuery('/api/locations', { q: undefined, pageSize: 50, organisationId }),
    withQuery('/api/products', { q: undefined, pageSize: 50 }),
    withQuery('/api/stock', { q: undefined, pageSize: 50, organisationId }),
  ];
}

/** Asks them through the service worker, one after another, with the app's headers; answers are not read. */
export async function warmOfflineData(me: { role: string; organisationIds: string[] }) {
  const headers = { accept: 'application/json', 'accept-language': document.documentElement.lang || 'vi' };
  for (const url of offlineReads(me)) {
    await fetch(url, { headers, credentials: 'same-origin' }).catch(() => undefined);
  }
}
