import fs from 'node:fs';
import { schemaErrors } from './epcis.validator.ts';
const m = JSON.parse(fs.readFileSync('/work/shared/testdata/epcis-manifest.json', 'utf8'));
const t0 = performance.now();
for (const f of m.files) {
  if (f.format !== 'json') continue;
  const doc = JSON.parse(fs.readFileSync('/work/shared/testdata/' + f.path, 'utf8'));
  const errs = schemaErrors(doc);
  console.log(f.upstream_label.slice(0,5), f.schema_result.slice(0,5), errs.length ? 'ERR' : 'ok ', f.path.split('/').slice(-1)[0], JSON.stringify(errs).slice(0, 300));
}
console.log(performance.now() - t0);
