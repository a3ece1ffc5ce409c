import type { Config } from '../platform/index.ts';
import type { Check } from './check.ts';
import { cloneStamps } from './clone-stamps.ts';
import { expiredCredentials } from './expired-credentials.ts';
import { massBalance } from './mass-balance.ts';
import { outOfProvince } from './out-of-province.ts';
import { type MandatoryProducts, silentMandatory } from './silent-mandatory.ts';
import { timeline } from './timeline.ts';

let mandatorySource: MandatoryProducts | undefined;
/** The catalogues module hands its mandatory-list membership here (a subquery of product ids). */
export function connectMandatoryProducts(source: MandatoryProducts): void {
  mandatorySource = source;
}

/** Every automatic check of issue 12 §3, configured. */
export function allChecks(config: Pick<Config, 'checks' | 'scan'>): Check[] {
  return [
    cloneStamps,
    massBalance,
    timeline,
    expiredCredentials,
    silentMandatory({ days: config.checks.silentDays, products: mandatorySource }),
    outOfProvince({ box: config.checks.provinceBox, nearKm: config.scan.nearKm, windowHours: 24 }),
  ];
}
