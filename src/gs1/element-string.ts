/**
 * GS1 element strings: the human-readable bracketed form `(01)…(10)…` and the barcode form where a
 * variable-length AI is ended by FNC1, written as GS (0x1D) in scanner output or `^` in GS1 tool notation.
 */
import { AI_CODE, aiDefinition, aiLengthForPrefix, predefinedLength } from './ai-table.ts';
import { Gs1Error } from './errors.ts';
import type { ResolvedOptions } from './options.ts';
import { type AiValue, definitionFor } from './validate.ts';

export const GS = '\x1d';

/** Splits `(01)09520123456788(10)ABC` into AIs; `\(` is a literal bracket inside a value. Syntax only. */
export function splitBracketed(input: string, options: ResolvedOptions): AiValue[] {
  const out: AiValue[] = [];
  const len = input.length;
  let pos = 0;
  if (len === 0) throw new Gs1Error('gs1.empty');
  while (pos < len) {
    if (input[pos] !== '(')
      throw new Gs1Error('gs1.malformed', { reason: 'expected "(" and an AI', position: pos + 1 });
    const close = input.indexOf(')', pos);
    if (close < 0) throw new Gs1Error('gs1.malformed', { reason: 'unterminated AI', position: pos + 1 });
    const ai = input.slice(pos + 1, close);
    if (!AI_CODE.test(ai)) throw new Gs1Error('gs1.malformed', { reason: 'an AI has 2 to 4 digits', ai });
    definitionFor(ai, options);
    let value = '';
    let i = close + 1;
    while (i < len) {
      const c = input[i];
      if (c === '\\' && input[i + 1] === '(') {
        value += '(';
        i += 2;
      } else if (c === '(') break;
      else {
        value += c;
        i++;
      }
    }
    if (value === '') throw new Gs1Error('gs1.emptyValue', { ai });
    out.push({ ai, value });
    pos = i;
  }
  return out;
}

/** Splits barcode data (without its leading FNC1) into AIs, using the AI table to find where values end. */
export function splitUnbracketed(data: string, separator: string, options: ResolvedOptions): AiValue[] {
  const out: AiValue[] = [];
  const len = data.length;
  let pos = 0;
  while (pos < len) {
    if (data[pos] === separator) {
      // A superfluous FNC1 after a predefined-length AI, or at the very end, is tolerated.
      pos++;
      continue;
    }
    const aiLength = aiLengthForPrefix(data.slice(pos, pos + 2));
    if (!aiLength) throw new Gs1Error('gs1.unknownAi', { ai: data.slice(pos, pos + 4) });
    const ai = data.slice(pos, pos + aiLength);
    if (!/^\d+$/.test(ai) || ai.length < aiLength) throw new Gs1Error('gs1.unknownAi', { ai });
    const def = definitionFor(ai, options);
    pos += aiLength;
    const fixed = predefinedLength(def);
    let value: string;
    if (fixed !== null) {
      value = data.slice(pos, pos + fixed);
      if (value.length < fixed) throw new Gs1Error('gs1.valueTooShort', { ai });
      pos += fixed;
    } else {
      const end = data.indexOf(separator, pos);
      value = data.slice(pos, end < 0 ? len : end);
      pos += value.length;
      if (value === '') throw new Gs1Error('gs1.emptyValue', { ai });
    }
    out.push({ ai, value });
  }
  if (out.length === 0) throw new Gs1Error('gs1.malformed', { reason: 'no AI after FNC1' });
  return out;
}

/** Whether an FNC1 must follow this AI when another AI comes after it. Unknown AIs are variable-length. */
export function needsSeparator(ai: string): boolean {
  return aiDefinition(ai)?.fnc1 ?? true;
}

/** Barcode form: AIs run together, `separator` after each variable-length AI that is not last. */
export function formatUnbracketed(ais: readonly AiValue[], separator = GS): string {
  let out = '';
  ais.forEach(({ ai, value }, i) => {
    out += ai + value;
    if (i < ais.length - 1 && needsSeparator(ai)) out += separator;
  });
  return out;
}

/** Human-readable form `(01)…(10)…`, a `(` inside a value escaped as `\(`. */
export function formatBracketed(ais: readonly AiValue[]): string {
  return ais.map(({ ai, value }) => `(${ai})${value.replaceAll('(', '\\(')}`).join('');
}
