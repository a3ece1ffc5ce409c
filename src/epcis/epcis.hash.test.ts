import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventHash, ignoredFieldsOf, preHashString } from './epcis.hash.ts';
import { testdata } from './epcis.test-helpers.ts';

const dir = path.join(testdata, 'epcis-event-hash-generator');
const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
const eventsOf = (doc: any): any[] =>
  doc.epcisBody.eventList ?? doc.epcisBody.queryResults?.resultsBody?.eventList ?? [doc.epcisBody.event];

const expectations = fs
  .readdirSync(path.join(dir, 'examples'))
  .filter((f) => f.endsWith('.hashes'))
  .map((f) => {
    const base = path.join(dir, 'examples', f.replace(/\.hashes$/, ''));
    return {
      name: f.replace(/\.hashes$/, ''),
      hashes: lines(`${base}.hashes`),
      json: fs.existsSync(`${base}.jsonld`) ? `${base}.jsonld` : null,
      preHashes: fs.existsSync(`${base}.prehashes`) ? lines(`${base}.prehashes`) : null,
    };
  });

describe('CBV 2.0 event hash: the reference expectations', () => {
  it('has 63 expectations in 28 files', () => {
    expect(expectations).toHaveLength(28);
    expect(expectations.reduce((n, e) => n + e.hashes.length, 0)).toBe(63);
  });

  for (const e of expectations.filter((x) => x.json)) {
    it(`${e.name} (${e.hashes.length} events)`, () => {
      const doc = JSON.parse(fs.readFileSync(e.json!, 'utf8'));
      const events = eventsOf(doc);
      expect(events).toHaveLength(e.hashes.length);
      events.forEach((event, i) => {
        // The .prehashes files lag behind the .hashes in three cases; they only explain a mismatch.
        const debug = `ours: ${preHashString(event, doc['@context'], ignoredFieldsOf(doc))}\nreference: ${e.preHashes?.[i]}`;
        expect(eventHash(event, doc['@context'], ignoredFieldsOf(doc)), debug).toBe(e.hashes[i]);
      });
    });
  }

  // XML capture is not implemented (see the module README): these inputs exist only as XML.
  const xmlOnly = expectations.filter((x) => !x.json);
  it.skip(
    `XML-only inputs: ${xmlOnly.reduce((n, e) => n + e.hashes.length, 0)} expectations in ${xmlOnly.length} files`,
  );
});

describe('CBV 2.0 event hash: different spellings of one event hash equal', () => {
  it('expected_equal/ReferenceEventHashAlgorithm.json', () => {
    const doc = JSON.parse(
      fs.readFileSync(path.join(dir, 'expected_equal', 'ReferenceEventHashAlgorithm.json'), 'utf8'),
    );
    const hashes = new Set(eventsOf(doc).map((event) => eventHash(event, doc['@context'])));
    expect(hashes.size).toBe(1);
  });
});
