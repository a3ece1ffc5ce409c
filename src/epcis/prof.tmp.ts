import { extractEvents } from './epcis.extract.ts';
import { validateEpcisDocument } from './epcis.validate.ts';

function document(run: string) {
  const events = Array.from({ length: 1000 }, (_, i) => ({
    type: 'ObjectEvent',
    eventTime: new Date(Date.UTC(2024, 4, 1, 0, 0, i)).toISOString(),
    eventTimeZoneOffset: '+07:00',
    epcList: [
      `https://id.gs1.org/01/08934567000017/21/${run}-${i}-a`,
      `urn:epc:id:sgtin:8934567.000001.${run}-${i}-b`,
    ],
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    readPoint: { id: 'https://id.gs1.org/414/8934567000000' },
    sourceList: [{ type: 'owning_party', source: 'https://id.gs1.org/417/8934567000000' }],
    destinationList: [{ type: 'location', destination: 'https://id.gs1.org/414/8934567000024' }],
  }));
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-05-01T00:00:00Z',
    epcisBody: { eventList: events },
  };
}
const docs = Array.from({ length: 12 }, (_, i) => document('r' + i));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let v = 0,
  x = 0,
  j = 0;
docs.forEach((d, i) => {
  let t0 = cpu();
  validateEpcisDocument(d);
  const dv = cpu() - t0;
  t0 = cpu();
  const ex = extractEvents(d, d.epcisBody.eventList);
  const dx = cpu() - t0;
  t0 = cpu();
  JSON.stringify(ex.rows);
  JSON.stringify(ex.ids);
  JSON.stringify(ex.links);
  const dj = cpu() - t0;
  if (i >= 2) {
    v += dv;
    x += dx;
    j += dj;
  }
});
console.log(
  'per 1000 events (cpu ms): validate',
  (v / 10).toFixed(1),
  'extract',
  (x / 10).toFixed(1),
  'json',
  (j / 10).toFixed(1),
);

import inspector from 'node:inspector/promises';

const session = new inspector.Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
for (let k = 0; k < 3; k++)
  for (const d of docs) {
    validateEpcisDocument(d);
    extractEvents(d, d.epcisBody.eventList);
  }
const { profile } = (await session.post('Profiler.stop')) as any;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const self = new Map<string, number>();
const dt = profile.timeDeltas;
profile.samples.forEach((s: number, i: number) => {
  const n: any = byId.get(s);
  const k = `${n.callFrame.functionName} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0));
});
[...self]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 30)
  .forEach(([k, t]) => console.log((t / 1000).toFixed(0).padStart(6), k));
