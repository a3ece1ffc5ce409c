import { describe, expect, it } from 'vitest';
import { LINTERS, lint } from './linters.ts';
import { loadVectors } from './vectors.test-helper.ts';

interface LinterVector {
  linter: string;
  input: unknown;
  valid: boolean;
  expected_error?: string;
  expected_highlight?: unknown;
  source: string;
}

/** Coupon linters (AIs 8110, 8112: North American coupon codes) are not implemented; TXNG does not use them. */
const NOT_IMPLEMENTED = new Set(['couponcode', 'couponposoffer']);

/** `*...*` markup of the engine → the same markup from our failure span. */
const highlight = (value: string, pos: number, len: number) =>
  `${value.slice(0, pos)}*${value.slice(pos, pos + len)}*${value.slice(pos + len)}`;

const vectors = loadVectors<LinterVector>('gs1-syntax-dictionary/linter-unit-vectors.json').cases;
// Vectors whose input the upstream test builds in code ({"id": …}) carry no literal value to run.
const literal = vectors.filter((v) => typeof v.input === 'string');
// gcppos vectors with a literal value exercise a plugged-in GCP lookup service (offline / unknown prefix).
const runnable = literal.filter((v) => !NOT_IMPLEMENTED.has(v.linter) && !v.linter.startsWith('gcppos'));

describe('GS1 Syntax Dictionary linter vectors', () => {
  it('covers every linter named by the dictionary except the coupon ones', () => {
    const names = new Set(vectors.map((v) => v.linter));
    for (const name of names) expect(LINTERS.has(name) || NOT_IMPLEMENTED.has(name)).toBe(true);
    expect(runnable.length).toBeGreaterThan(5000);
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
        const want = v.valid ? 'OK' : `${v.expected_error?.replace('GS1_LINTER_', '')} ${v.expected_highlight}`;
        if (gotText !== want) failures.push(`${JSON.stringify(input)}: got ${gotText}, want ${want} (${v.source})`);
      }
      expect(failures).toEqual([]);
    });
  }
});
