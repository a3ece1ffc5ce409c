import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from './words.en.json';
import vi from './words.vi.json';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('the news page’s words', () => {
  it('say the same things in Vietnamese and English', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('have every word the page asks for, in both languages', () => {
    const source = fs.readFileSync(new URL('./NewsPage.tsx', import.meta.url), 'utf8');
    const used = [...source.matchAll(/t\(['`](news\.[a-zA-Z.]+)['`]/g)].map((m) => m[1]);
    // the kinds and statuses are asked for by value
    used.push('news.kinds.news', 'news.kinds.guidance', 'news.statuses.draft', 'news.statuses.published');
    const known = new Set(keys(vi));
    expect(used.filter((k) => !known.has(k))).toEqual([]);
    expect(used.length).toBeGreaterThan(20);
  });
});
