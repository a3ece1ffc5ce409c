/**
 * Copies the official GS1 EPCIS 2.0 artefacts the program serves and validates against into `src/epcis/vendor/`,
 * byte for byte. Run from the project root: `npx tsx src/epcis/vendor-schema.ts [source folder]`.
 * The runtime reads only the vendored copies, never the test-data tree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const vendoredFiles = ['EPCIS-JSON-Schema.json', 'epcis-context.jsonld'] as const;

function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const source = path.resolve(process.argv[2] ?? path.join(here, '../../test/vectors/gs1-epcis'));
  const target = path.join(here, 'vendor');
  fs.mkdirSync(target, { recursive: true });
  for (const name of vendoredFiles) {
    fs.copyFileSync(path.join(source, name), path.join(target, name));
    fs.chmodSync(path.join(target, name), 0o644);
    console.log(`copied ${name}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
