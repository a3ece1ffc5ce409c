/** Run-time view of the generated AI table: lookups by AI and by the two-digit prefix that fixes an AI's length. */
import { AI_DEFINITIONS } from './ai-table.generated.ts';
import type { AiDefinition } from './ai-types.ts';

const BY_AI = new Map<string, AiDefinition>(AI_DEFINITIONS.map((d) => [d.ai, d]));

/** GS1 assigns AI lengths by their first two digits; the dictionary tells us which prefixes are in use. */
const LENGTH_BY_PREFIX = new Map<string, number>(AI_DEFINITIONS.map((d) => [d.ai.slice(0, 2), d.ai.length]));

export function aiDefinition(ai: string): AiDefinition | undefined {
  return BY_AI.get(ai);
}

export function aiLengthForPrefix(prefix: string): number | undefined {
  return LENGTH_BY_PREFIX.get(prefix);
}

/** What an AI missing from the dictionary is taken to be when unknown AIs are permitted. */
export function unknownAiDefinition(ai: string): AiDefinition {
  return {
    ai,
    title: '',
    fnc1: true,
    dlDataAttribute: false,
    components: [{ cset: 'X', min: 1, max: 90, optional: false, linters: [] }],
    req: [],
    ex: [],
    dlPrimaryKey: false,
    dlQualifiers: [],
  };
}

/** The exact length of a predefined-length AI's value, or null when its length varies. */
export function predefinedLength(def: AiDefinition): number | null {
  if (def.fnc1) return null;
  let total = 0;
  for (const c of def.components) total += c.max;
  return total;
}

export function maxLength(def: AiDefinition): number {
  let total = 0;
  for (const c of def.components) total += c.max;
  return total;
}

/** True when `ai` matches a dictionary pattern such as `310n` (n = any digit). */
export function matchesPattern(pattern: string, ai: string): boolean {
  if (pattern.length !== ai.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== 'n' && pattern[i] !== ai[i]) return false;
  }
  return true;
}

export const AI_CODE = /^\d{2,4}$/;
