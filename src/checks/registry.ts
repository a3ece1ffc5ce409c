import type { Config } from '../platform/index.ts';
import type { Check } from './check.ts';
import { cloneStamps } from './clone-stamps.ts';
import { expiredCredentials } from './expired-credentials.ts';
import { massBalance } from './mass-balance.ts';
import { outOfProvince } from './out-of-province.ts';
import { silentMandatory } from './silent-mandatory.ts';
import { timeline } from './timeline.ts';

/** Every automatic check of issue 12 §3, configured. */
export function allChecks(config: Pick<Config, 'checks' | 'scan'>): Check[] {
  return [
    cloneStamps,
    massBalance,
    timeline,
    expiredCredentials,
    silentMandatory({ days: config.checks.silentDays }),
    outOfProvince({ box: config.checks.provinceBox, nearKm: config.scan.nearKm, windowHours: 24 }),
  ];
}
