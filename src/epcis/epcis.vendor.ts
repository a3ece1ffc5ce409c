import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'vendor');

/** The text of a vendored GS1 artefact (see vendor/README.md), read once. */
export const vendored = {
  schema: fs.readFileSync(path.join(folder, 'EPCIS-JSON-Schema.json'), 'utf8'),
  context: fs.readFileSync(path.join(folder, 'epcis-context.jsonld'), 'utf8'),
};
