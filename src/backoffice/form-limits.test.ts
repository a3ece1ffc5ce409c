import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/index.ts';

// A form that says a limit ("Tối đa 1.000.000 tem mỗi yêu cầu") must say the API's own: read both and compare.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const webConstant = (file: string, name: string) => {
  const source = fs.readFileSync(file, 'utf8');
  const found = new RegExp(`export const ${name} = ([\\d_]+);`).exec(source);
  if (!found) throw new Error(`${name} not found in ${file}`);
  return Number(found[1].replaceAll('_', ''));
};

describe('limits the back office states', () => {
  it('says the same stamp limit per request as the API', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const body = doc.paths['/api/stamps/requests'].post.requestBody.content['application/json'].schema;
    const max = body.properties.quantity.maximum;
    expect(max).toBe(1_000_000);
    expect(webConstant('src/web/pages/stamps/StampRequestsTab.tsx', 'maxStampsPerRequest')).toBe(max);
  });
});
