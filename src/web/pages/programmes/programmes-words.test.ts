import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './words.en.json';
import vi from './words.vi.json';

const here = path.dirname(fileURLToPath(import.meta.url));
const global = JSON.parse(fs.readFileSync(path.join(here, '../../i18n/vi.json'), 'utf8'));

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
const has = (tree: object, key: string) =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree) !==
  undefined;

describe('the words of the survey, training and support pages', () => {
  it('say the same things in Vietnamese and English', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('hold every word the pages ask for (fixed keys, and each kind, state and sector the pages build)', () => {
    const asked = fs
      .readdirSync(here)
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((f) =>
        [...fs.readFileSync(path.join(here, f), 'utf8').matchAll(/\bt\('([a-zA-Z.]+)'/g)].map((m) => m[1]!),
      );
    expect(asked.length).toBeGreaterThan(80);
    const built = [
      ...['single', 'multiple', 'number', 'text', 'yes_no'].map((k) => `survey.kinds.${k}`),
      ...['draft', 'sent', 'closed'].map((s) => `survey.state.${s}`),
      ...['pilot', 'stamps_funded', 'system_funded', 'other'].map((k) => `support.kinds.${k}`),
      ...['planned', 'running', 'finished'].map((s) => `support.state.${s}`),
    ];
    const missing = [...new Set([...asked, ...built])].filter((k) => !has(vi, k) && !has(global, k));
    expect(missing).toEqual([]);
    for (const s of ['agriculture', 'industry_trade', 'health', 'other'])
      expect(has(global, `sector.${s}`)).toBe(true);
  });
});
