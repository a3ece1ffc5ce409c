import fs from 'node:fs';
import { preHashString, eventHash, ignoredFieldsOf } from './epcis.hash.ts';
const dir = '/work/shared/testdata/epcis-event-hash-generator/examples/';
let ok = 0, bad = 0;
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonld'))) {
  const base = f.replace('.jsonld', '');
  if (!fs.existsSync(dir + base + '.hashes')) { console.log('no hashes', base); continue; }
  const doc = JSON.parse(fs.readFileSync(dir + f, 'utf8'));
  const events = doc.epcisBody.eventList ?? doc.epcisBody.queryResults?.resultsBody?.eventList ?? [doc.epcisBody.event];
  const hashes = fs.readFileSync(dir + base + '.hashes', 'utf8').split('\n').filter(Boolean);
  events.forEach((e: any, i: number) => {
    const h = eventHash(e, doc['@context'], ignoredFieldsOf(doc));
    if (h === hashes[i]) ok++; else { bad++; console.log('MISMATCH', base, i, preHashString(e, doc['@context'])); }
  });
}
console.log({ ok, bad });
