/** Checks AI values against their dictionary format and linters, and a set of AIs against the pairing rules. */
import { aiDefinition, matchesPattern, unknownAiDefinition } from './ai-table.ts';
import type { AiDefinition, Cset } from './ai-types.ts';
import { Gs1Error } from './errors.ts';
import { LINTERS, type LintFailure } from './linters.ts';
import type { ResolvedOptions } from './options.ts';

export interface AiValue {
  ai: string;
  value: string;
}

const CSET_LINTER: Record<Cset, string> = { N: 'csetnumeric', X: 'cset82', Y: 'cset39', Z: 'cset64' };

const DATE_ERRORS = /^(ILLEGAL_(MONTH|DAY|HOUR|MINUTE|SECOND)|DATE_TOO_|HOUR_|MINUTE_|SECOND_)/;

function lintError(ai: string, failure: LintFailure, offset: number): Gs1Error {
  const { error } = failure;
  const params = { ai, lintError: error, position: offset + failure.pos + 1 };
  if (error.includes('CHECK_DIGIT')) return new Gs1Error('gs1.checkDigit', params);
  if (error.includes('CHECK_PAIR')) return new Gs1Error('gs1.checkPair', params);
  if (error === 'NON_DIGIT_CHARACTER' || error.startsWith('INVALID_CSET')) {
    return new Gs1Error('gs1.invalidCharacter', params);
  }
  if (DATE_ERRORS.test(error)) return new Gs1Error('gs1.invalidDate', params);
  return new Gs1Error('gs1.invalidValue', params);
}

export function definitionFor(ai: string, options: ResolvedOptions): AiDefinition {
  const def = aiDefinition(ai);
  if (def) return def;
  if (options.permitUnknownAis) return unknownAiDefinition(ai);
  throw new Gs1Error('gs1.unknownAi', { ai });
}

/** Throws a Gs1Error when `value` does not fit the AI's components (length, character set, linters). */
export function validateAiValue(def: AiDefinition, value: string, lint: boolean): void {
  const { ai } = def;
  if (value.length === 0) throw new Gs1Error('gs1.emptyValue', { ai });
  let pos = 0;
  for (const c of def.components) {
    const remaining = value.length - pos;
    if (remaining === 0 && c.optional) break;
    const take = c.min === c.max ? c.max : Math.min(remaining, c.max);
    if (remaining < take || take < c.min) throw new Gs1Error('gs1.valueTooShort', { ai });
    const part = value.slice(pos, pos + take);
    const csetFailure = LINTERS.get(CSET_LINTER[c.cset])!(part);
    if (csetFailure) throw lintError(ai, csetFailure, pos);
    if (lint) {
      for (const name of c.linters) {
        const linter = LINTERS.get(name);
        if (!linter) throw new Error(`linter "${name}" named by the AI table is missing`);
        const failure = linter(part);
        if (failure) throw lintError(ai, failure, pos);
      }
    }
    pos += take;
  }
  if (pos < value.length) throw new Gs1Error('gs1.valueTooLong', { ai });
}

const NONE: ReadonlySet<string> = new Set();

/** Serial components make these keys "serialised" for the digital-signature rule. */
const SERIALISED_BEYOND: Record<string, number> = { '253': 13, '255': 13, '8003': 14 };

/**
 * The pairing rules of the dictionary over all AIs read from one item. `placedByKey`: Digital Link key
 * qualifiers, whose pairing the key's qualifier sequence already settles (the dictionary lets an ITIP take
 * a CPV qualifier although CPV's own `req=` names only the GTIN).
 */
export function validateAssociations(ais: readonly AiValue[], placedByKey: ReadonlySet<string> = NONE): void {
  const values = new Map<string, string>();
  for (const { ai, value } of ais) {
    const seen = values.get(ai);
    if (seen !== undefined && seen !== value) throw new Gs1Error('gs1.repeatedAi', { ai });
    values.set(ai, value);
  }
  const present = [...values.keys()];
  // Most patterns are plain AIs: a set lookup; only `310n`-style ones need a scan.
  const isPresent = (pattern: string) =>
    pattern.includes('n') ? present.some((o) => matchesPattern(pattern, o)) : values.has(pattern);
  const defs = present.flatMap((ai) => aiDefinition(ai) ?? []);
  // Exclusions first, then requisites, as the GS1 Syntax Engine reports them.
  for (const def of defs) {
    for (const pattern of def.ex) {
      const other = present.find((o) => o !== def.ai && matchesPattern(pattern, o));
      if (other) throw new Gs1Error('gs1.exclusiveAis', { ai: def.ai, other });
    }
  }
  for (const def of defs) {
    if (placedByKey.has(def.ai)) continue;
    for (const alternatives of def.req) {
      if (!alternatives.some((all) => all.every(isPresent))) {
        const requires = alternatives.map((all) => all.map((p) => `(${p})`).join('+')).join(' | ');
        throw new Gs1Error('gs1.missingAssociation', { ai: def.ai, requires });
      }
    }
  }
  if (values.has('8030')) {
    for (const [ai, serialFrom] of Object.entries(SERIALISED_BEYOND)) {
      const value = values.get(ai);
      if (value !== undefined && value.length <= serialFrom) {
        throw new Gs1Error('gs1.digitalSignatureNeedsSerial', { ai });
      }
    }
  }
}

/** Format and content of each AI, then the pairing rules, as the options ask. */
export function validateAis(
  ais: readonly AiValue[],
  options: ResolvedOptions,
  placedByKey?: ReadonlySet<string>,
): void {
  for (const { ai, value } of ais) validateAiValue(definitionFor(ai, options), value, options.lint);
  if (options.validateAssociations) validateAssociations(ais, placedByKey);
}
