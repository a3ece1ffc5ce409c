import { compact } from '../../components/options.ts';
import { type Line, lineBody, newLine } from './lines.ts';

export const stageNames = [
  'harvest',
  'preprocess',
  'process',
  'pack',
  'store',
  'ship',
  'receive',
  'sell',
] as const;
export type StageName = (typeof stageNames)[number];

/** Which lists and fields each stage's form has (the server's `stageForm` union). */
export const stageShape: Record<
  StageName,
  {
    lists: ('inputs' | 'outputs' | 'items')[];
    output?: true;
    party?: 'to' | 'from';
    dates: string[];
    sscc?: true;
  }
> = {
  harvest: { lists: [], output: true, dates: ['harvestStartDate', 'harvestEndDate', 'expiryDate'] },
  preprocess: { lists: ['inputs', 'outputs'], dates: ['productionDate', 'expiryDate'] },
  process: { lists: ['inputs', 'outputs'], dates: ['productionDate', 'expiryDate'] },
  pack: { lists: ['inputs', 'outputs'], dates: ['productionDate', 'expiryDate'], sscc: true },
  store: { lists: ['items'], dates: [] },
  ship: { lists: ['items'], party: 'to', dates: [] },
  receive: { lists: ['items'], party: 'from', dates: [] },
  sell: { lists: ['items'], dates: [] },
};

/** Now, in Vietnam's time, as a `datetime-local` value. */
export function localNow(): string {
  const now = new Date(Date.now() + 7 * 3600_000);
  return now.toISOString().slice(0, 16);
}

export const emptyStage = () => ({
  stage: 'harvest' as StageName,
  organisationId: '',
  eventTime: localNow(),
  locationId: '',
  note: '',
  output: newLine(),
  inputs: [newLine()] as Line[],
  outputs: [newLine()] as Line[],
  items: [newLine()] as Line[],
  sscc: '',
  harvestStartDate: '',
  harvestEndDate: '',
  productionDate: '',
  expiryDate: '',
  party: { organisationId: '', locationId: '', name: '', gln: '', taxCode: '' },
  documents: { invoice: '', deliveryNote: '', quarantineCertificate: '' },
});
export type StageValues = ReturnType<typeof emptyStage>;

/** The body of POST /api/stages for the chosen stage: only that stage's fields, times with the +07:00 offset. */
export function stageBody(v: StageValues) {
  const shape = stageShape[v.stage];
  const body: Record<string, unknown> = {
    stage: v.stage,
    organisationId: v.organisationId || undefined,
    eventTime: `${v.eventTime}:00+07:00`,
    locationId: v.locationId,
    note: v.note.trim() || undefined,
  };
  if (shape.output) body.output = lineBody(v.output);
  for (const list of shape.lists) {
    const lines = v[list].filter((l) => l.gtin || l.lot || l.quantity !== '');
    if (list === 'outputs' && v.stage === 'pack' && lines.length === 0) continue;
    body[list] = lines.map(lineBody);
  }
  for (const d of shape.dates) body[d] = (v as Record<string, unknown>)[d] || undefined;
  if (shape.sscc) body.sscc = v.sscc.trim() || undefined;
  if (shape.party) {
    body[shape.party] = compact(v.party);
    const docs = compact(v.documents);
    if (Object.keys(docs).length) body.documents = docs;
  }
  return body;
}

/** The API names the party `to` or `from`; the form keeps it under `party`. */
export const stageAliases = { to: 'party', from: 'party' } as Record<string, string>;
