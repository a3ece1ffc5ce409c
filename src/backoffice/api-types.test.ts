import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypes, openApiDocument, schemaFile } from './api-types.ts';

describe("the back office's API types", () => {
  it('are those of the API as it is now: run `npm run api:types` after changing a route', async () => {
    const generated = await apiTypes(await openApiDocument());
    const committed = fs.readFileSync(schemaFile, 'utf8');
    // toBe would print both 100 kB texts; the first differing line says enough
    if (generated !== committed) {
      const [a, b] = [generated.split('\n'), committed.split('\n')];
      const line = a.findIndex((text, i) => text !== b[i]);
      expect(
        { line: line + 1, generated: a[line], committed: b[line] },
        'src/web/api/schema.d.ts is stale: run `npm run api:types`',
      ).toBeUndefined();
    }
  });
});
