/**
 * The back office's API types, generated from the OpenAPI document the server itself produces:
 *
 *   npm run api:types        # writes src/web/api/schema.d.ts (committed)
 *
 * src/web/api/types.ts names the shapes the pages use after this file's `paths`, so a route whose answer changes
 * breaks `npm run typecheck:web`, and api-types.test.ts fails while the committed file is stale.
 *
 * openapi-typescript 6 writes the types itself; version 7 needs TypeScript 5's compiler API as a peer, which the
 * project's TypeScript 7 no longer ships.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../app.ts';
import { loadConfig, openDatabase } from '../platform/index.ts';

export const schemaFile = fileURLToPath(new URL('../web/api/schema.d.ts', import.meta.url));

/** The OpenAPI document of /api/openapi.json, from the app built in process on an empty in-memory database. */
export async function openApiDocument(): Promise<OpenAPI3> {
  // a fixed configuration: the document does not depend on where it is generated
  const config = loadConfig({ TXNG_BASE_URL: 'http://localhost:3000', TXNG_DEMO: '0' });
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  const app = await buildApp({ config, database });
  try {
    await app.ready();
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
    await database.close();
  }
}

/** The text of src/web/api/schema.d.ts for this document. */
export async function apiTypes(document: OpenAPI3): Promise<string> {
  // a copy: the generator annotates the object it is given
  return openapiTS(structuredClone(document), { exportType: false, alphabetize: false });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const text = await apiTypes(await openApiDocument());
  fs.writeFileSync(schemaFile, text);
  console.log(`${schemaFile}: ${text.length} characters`);
}
