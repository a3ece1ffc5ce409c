import { AI_DEFINITIONS } from './ai-table.generated.ts';
import { CONVENIENCE_ALPHAS } from './convenience-alphas.ts';

const keys = AI_DEFINITIONS.filter((d) => d.dlPrimaryKey).map((d) => d.ai);

/**
 * The path segments a Digital Link may start with: every primary-key AI of the dictionary and its convenience
 * alpha (`01`, `gtin`, `414`, `gln`, …). A resolver registers one route per segment.
 */
export const primaryKeySegments: readonly string[] = [
  ...keys,
  ...[...CONVENIENCE_ALPHAS].filter(([, ai]) => keys.includes(ai)).map(([alpha]) => alpha),
];
