/**
 * EPCIS extension-field queries (epcis.query-ext.ts): how long GET /epcis/events takes to answer one page for each
 * family over BENCH_EVENTS events (default 20,000) that all carry extension fields, ILMD, sensor reports and a read
 * point with master data; one event in 100 matches. `npx tsx bench/query-ext.ts`; PGlite in memory, or
 * DATABASE_URL=postgres://… for PostgreSQL in a scratch database `txng_bench_query_ext` (created and dropped).
 */
import os from 'node:os';
import { queryEvents } from '../src/epcis/epcis.query.repo.ts';
import { parseEventQuery } from '../src/epcis/epcis.query.ts';
import { extensionBindings } from '../src/epcis/epcis.query-ext.ts';
import { captureEpcisDocument } from '../src/epcis/epcis.service.ts';
import { openBenchDatabase } from './scratch-database.ts';

const total = Number(process.env.BENCH_EVENTS ?? 20000);
const perDocument = 1000;
const site = 'https://id.gs1.org/414/8934567000000';

function document(d: number) {
  const events = Array.from({ length: perDocument }, (_, i) => {
    const n = d * perDocument + i;
    const rare = n % 100 === 0;
    return {
      type: 'ObjectEvent',
      eventTime: new Date(Date.UTC(2024, 4, 1, 0, 0, n % 86400)).toISOString(),
      eventTimeZoneOffset: '+07:00',
      epcList: [`https://id.gs1.org/01/08934567000017/21/q${n}`],
      action: 'ADD',
      bizStep: 'commissioning',
      readPoint: { id: rare ? site : 'https://id.gs1.org/414/8934567000024' },
      'ex:zone': rare ? 'frozen' : 'chilled',
      'ex:weight': rare ? 99 : n % 50,
      'ex:details': { 'ex:grade': rare ? 'A' : 'B' },
      ilmd: { 'ex:harvest': rare ? '2024-06-01T00:00:00Z' : '2024-04-30T00:00:00+07:00' },
      sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: rare ? 30 : 4, uom: 'CEL' }] }],
    };
  });
  return {
    '@context': [
      'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
      { ex: 'https://ns.example.com/q/' },
    ],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-05-01T00:00:00Z',
    epcisBody: { eventList: events },
  };
}

const { database, kind, drop } = await openBenchDatabase('txng_bench_query_ext');
const db = database.db;
for (let d = 0; d < total / perDocument; d++)
  await captureEpcisDocument(db, document(d), { organisationId: null });
await captureEpcisDocument(
  db,
  {
    ...document(0),
    epcisBody: { eventList: [] },
    epcisHeader: {
      epcisMasterData: {
        vocabularyList: [
          {
            type: 'urn:epcglobal:epcis:vtype:ReadPoint',
            vocabularyElementList: [
              { id: site, attributes: [{ id: 'urn:epcglobal:cbv:mda#sst', attribute: '201' }] },
            ],
          },
        ],
      },
    },
  },
  { organisationId: null },
);
const header = extensionBindings('ex=https://ns.example.com/q/');
const cases: [string, Record<string, string>, Record<string, string>][] = [
  ['EQ_bizStep (baseline, a column)', { EQ_bizStep: 'commissioning', perPage: '30' }, {}],
  ['EQ_ex:zone, prefix as written', { 'EQ_ex:zone': 'frozen' }, {}],
  ['EQ_ex:zone, namespace from GS1-Extensions', { 'EQ_ex:zone': 'frozen' }, header],
  ['GT_ex:weight', { 'GT_ex:weight': '90' }, header],
  ['EQ_INNER_ex:grade', { 'EQ_INNER_ex:grade': 'A' }, {}],
  ['GE_ILMD_ex:harvest (time)', { 'GE_ILMD_ex:harvest': '2024-05-15T00:00:00Z' }, {}],
  ['GE_value_CEL', { GE_value_CEL: '25' }, {}],
  ['EQ_ATTR_readPoint_sst', { EQ_ATTR_readPoint_sst: '201' }, {}],
];
console.log(`${kind}, ${total} events, ${os.cpus()[0].model}`);
for (const [label, params, bindings] of cases) {
  const query = parseEventQuery({ perPage: '1000', ...params }, bindings);
  await queryEvents(db, query, { all: true });
  const runs = 5;
  const start = performance.now();
  let found = 0;
  for (let i = 0; i < runs; i++) found = (await queryEvents(db, query, { all: true })).events.length;
  console.log(`${label}: ${((performance.now() - start) / runs).toFixed(0)} ms, ${found} events`);
}
await database.close();
await drop();
