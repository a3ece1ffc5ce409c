import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/index.ts';

// The back office calls the API through `useSend(METHOD, path)`. A call to a route that does not exist only
// shows up when someone clicks the button, so every call the web sources make is checked against the API here.
function webCalls(dir: string): string[] {
  const calls: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.parentPath.includes('dist')) continue;
    const source = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    const pattern =
      /useSend(?:<[^>]*>)?\(\s*'(POST|PUT|PATCH|DELETE)',\s*(?:\(\w*\)\s*=>\s*)?[`'](\/api\/[^`']+)/g;
    for (const [, method, url] of source.matchAll(pattern)) {
      calls.push(
        `${method} ${url
          .replace(/\$\{[^}]+\}/g, ':x')
          .replace(/\?.*$/, '')
          .replace(/\/$/, '')}`,
      );
    }
  }
  return [...new Set(calls)].sort();
}

describe('the back office and the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends every change to a route the API has, with its method', () => {
    const routes = new Set<string>();
    for (const [url, operations] of Object.entries(
      (t.app.swagger().paths ?? {}) as Record<string, Record<string, unknown>>,
    )) {
      for (const method of Object.keys(operations)) {
        routes.add(`${method.toUpperCase()} ${url.replace(/\{[^}]+\}/g, ':x')}`);
      }
    }
    // a segment the page fills in at run time (`${id}`, `${b.action}`) may stand for a parameter or a literal
    const exists = (call: string) =>
      [...routes].some((route) => {
        const [a, b] = [call.split(/[ /]/), route.split(/[ /]/)];
        return a.length === b.length && a.every((part, i) => part === b[i] || part === ':x');
      });
    const calls = webCalls(path.resolve('src/web'));
    expect(calls).toEqual(
      expect.arrayContaining(['POST /api/stamps/ranges/:x/:x', 'POST /api/shipments/:x/:x']),
    );
    expect(calls.filter((call) => !exists(call))).toEqual([]);
  });
});
