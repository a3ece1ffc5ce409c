import type { DbOrTx } from '../platform/index.ts';

/**
 * A rule another record sets on harvesting at a place on a day: it throws a problem naming `field` when the
 * harvest may not be recorded. The diary registers one (no harvest inside a withdrawal interval); the chain
 * knows only that such rules exist, so the diary may build on the chain's forms without the chain importing it.
 */
export type HarvestRule = (tx: DbOrTx, locationId: string, date: string, field: string) => Promise<void>;

const rules = new Set<HarvestRule>();

export function registerHarvestRule(rule: HarvestRule): void {
  rules.add(rule);
}

/** Every registered rule, in the order registered; the first to refuse throws. */
export async function checkHarvestRules(tx: DbOrTx, locationId: string, date: string, field: string) {
  for (const rule of rules) await rule(tx, locationId, date, field);
}
