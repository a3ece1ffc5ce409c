import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'vendor');

/** The text of a vendored GS1 artefact (see vendor/README.md), read once. */
export const vendored = {
  schema: fs.readFileSync(path.join(folder, 'EPCIS-JSON-Schema.json'), 'utf8'),
  context: fs.readFileSync(path.join(folder, 'epcis-context.jsonld'), 'utf8'),
  /** The EPCIS 2.0 XSD and the schemas it imports, by file name. */
  xsd: Object.fromEntries(
    fs
      .readdirSync(path.join(folder, 'xsd'))
      .map((f) => [f, fs.readFileSync(path.join(folder, 'xsd', f), 'utf8')]),
  ) as Record<string, string>,
};
