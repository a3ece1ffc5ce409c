import { describe, expect, it } from 'vitest';
import { loadVectors } from '../test/index.ts';
import { LINTERS, lint } from './linters.ts';

interface LinterVector {
  linter: string;
  input: unknown;
  valid: boolean;
  expected_error?: string;
  expected_highlight?: unknown;
  source: string;
}

/** Results that only a plugged-in GS1 company prefix lookup service can give (TXNG has none). */
const NEEDS_GCP_LOOKUP = new Set(['GS1_LINTER_INVALID_GCP_PREFIX', 'GS1_LINTER_GCP_DATASOURCE_OFFLINE']);

/** `*...*` markup of the engine → the same markup from our failure span. */
const highlight = (value: string, pos: number, len: number) =>
  `${value.slice(0, pos)}*${value.slice(pos, pos + len)}*${value.slice(pos + len)}`;

const vectors = loadVectors<LinterVector>('gs1-syntax-dictionary/linter-unit-vectors.json').cases;
// Vectors whose input the upstream test builds in code ({"id": …}) carry no literal value to run.
const literal = vectors.filter((v) => typeof v.input === 'string');
const runnable = literal.filter((v) => !NEEDS_GCP_LOOKUP.has(v.expected_error ?? ''));

describe('GS1 Syntax Dictionary linter vectors', () => {
  it('covers every linter the vectors name, skipping only the 11 computed inputs and 12 GCP-lookup results', () => {
    for (const name of new Set(vectors.map((v) => v.linter))) expect(LINTERS.has(name), name).toBe(true);
    expect(vectors.length - literal.length).toBe(11);
    expect(literal.length - runnable.length).toBe(12);
  });

  const byLinter = new Map<string, LinterVector[]>();
  for (const v of runnable) byLinter.set(v.linter, [...(byLinter.get(v.linter) ?? []), v]);
  for (const [name, cases] of byLinter) {
    it(`${name}: ${cases.length} vectors`, () => {
      const failures: string[] = [];
      for (const v of cases) {
        const input = v.input as string;
        const got = lint(name, input);
        const gotText = got ? `${got.error} ${highlight(input, got.pos, got.len)}` : 'OK';
        const want = v.valid
          ? 'OK'
          : `${v.expected_error?.replace('GS1_LINTER_', '')} ${v.expected_highlight}`;
        if (gotText !== want)
          failures.push(`${JSON.stringify(input)}: got ${gotText}, want ${want} (${v.source})`);
      }
      expect(failures).toEqual([]);
    });
  }
});
