import crypto from 'node:crypto';
import { eventHash, ignoredFieldsOf, utcMillis } from './epcis.hash.ts';
import { storedId } from './epcis.ids.ts';
import { xmlNamespacesOf } from './epcis.xml.ts';

type Json = Record<string, any>;

export interface EventRow {
  /** Where the event sits in the document's eventList. */
  index: number;
  eventId: string;
  isErrorDeclaration: boolean;
  eventType: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  /** What the event says, whatever its syntax: its CBV event hash, and for a declaration the declaration too. */
  contentHash: string;
  document: Json;
}
/** One identifier an event names; `key` ties it to its event row (eventId + errorDeclaration flag). */
export interface IdRow {
  eventId: string;
  isErrorDeclaration: boolean;
  id: string;
  role: 'epc' | 'parent' | 'child' | 'input' | 'output';
  isClass: boolean;
  quantity: number | null;
  uom: string | null;
}
export interface LinkRow {
  eventId: string;
  isErrorDeclaration: boolean;
  kind: 'source' | 'destination' | 'bizTransaction';
  type: string | null;
  value: string;
}

const cbvWord = (kind: string) =>
  new RegExp(
    `^(?:https?://ref\\.gs1\\.org/cbv/${kind}-|cbv:${kind}-|urn:epcglobal:cbv:${kind.toLowerCase()}:)(.+)$`,
    'i',
  );
const cbvForms = {
  bizStep: cbvWord('BizStep'),
  disposition: cbvWord('Disp'),
  sourceDestType: cbvWord('SDT'),
  bizTransactionType: cbvWord('BTT'),
};

/** A CBV vocabulary value in any of its spellings (bare word, web URI, CURIE, EPCIS 1 URN) → the bare word. */
export function cbvShortName(value: unknown, kind: keyof typeof cbvForms): string | null {
  if (typeof value !== 'string') return null;
  const m = cbvForms[kind].exec(value);
  return m ? m[1] : value;
}

const instanceLists: [string, IdRow['role']][] = [
  ['epcList', 'epc'],
  ['childEPCs', 'child'],
  ['inputEPCList', 'input'],
  ['outputEPCList', 'output'],
];
const classLists: [string, IdRow['role']][] = [
  ['quantityList', 'epc'],
  ['childQuantityList', 'child'],
  ['inputQuantityList', 'input'],
  ['outputQuantityList', 'output'],
];

/**
 * Turns a validated document's events into rows: the event as captured (with the document's @context folded in and
 * its eventID, computed as the CBV event hash when absent), the canonical ids it names and its links.
 */
export function extractEvents(document: Json, events: Json[], format: 'json' | 'xml' = 'json') {
  const context = document['@context'];
  const hashContext = hashContextOf(document, format);
  const hashOptions = {
    ignoreFields: ignoredFieldsOf(document),
    valuePrefixes: format === 'xml' ? ('standard' as const) : ('declared' as const),
  };
  const rows: EventRow[] = [];
  const ids: IdRow[] = [];
  const links: LinkRow[] = [];
  // where each errorDeclaration sits in the eventList, so a refusal can name its field
  const declarations: { index: number; eventId: string }[] = [];
  // one eventID used twice in the document for different content: refused by the capture, never a silent pick
  const clashes: { index: number; eventId: string }[] = [];
  const seen = new Map<string, string>();
  for (const [index, event] of events.entries()) {
    const hash = eventHash(event, hashContext, hashOptions);
    const eventId: string = event.eventID ?? hash;
    // XML values are URIs as written, so the reference hash leaves `ext1:step` alone; as content, it is the same
    // word its JSON-LD twin writes in full (when the prefix is a declared namespace), so resending either is no clash
    const same =
      format === 'xml' ? eventHash(event, context, { ...hashOptions, valuePrefixes: 'declared' }) : hash;
    const isErrorDeclaration = event.errorDeclaration !== undefined;
    const contentHash = isErrorDeclaration ? `${same};${declarationHash(event.errorDeclaration)}` : same;
    if (isErrorDeclaration) declarations.push({ index, eventId });
    // the same event twice in one document is one event
    const identity = `${isErrorDeclaration ? 'E' : 'C'}${eventId}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      if (earlier !== contentHash) clashes.push({ index, eventId });
      continue;
    }
    seen.set(identity, contentHash);
    // the repository sets recordTime; the document's @context travels with each event
    const document: Json = {
      '@context': event['@context']
        ? uniqueContext([...asList(context), ...asList(event['@context'])])
        : context,
    };
    for (const key in event) if (key !== 'recordTime' && key !== '@context') document[key] = event[key];
    document.eventID = eventId;
    rows.push({
      index,
      eventId,
      isErrorDeclaration,
      eventType: String(event.type),
      eventTime: event.eventTime,
      eventTimeZoneOffset: event.eventTimeZoneOffset,
      action: event.action ?? null,
      bizStep: cbvShortName(event.bizStep, 'bizStep'),
      disposition: cbvShortName(event.disposition, 'disposition'),
      readPoint: typeof event.readPoint?.id === 'string' ? storedId(event.readPoint.id) : null,
      bizLocation: typeof event.bizLocation?.id === 'string' ? storedId(event.bizLocation.id) : null,
      contentHash,
      document,
    });
    // each id and link row names its event (eventId + errorDeclaration flag), written out: no spread per row
    if (typeof event.parentID === 'string')
      ids.push({
        eventId,
        isErrorDeclaration,
        id: storedId(event.parentID),
        role: 'parent',
        isClass: false,
        quantity: null,
        uom: null,
      });
    for (const [list, role] of instanceLists)
      for (const epc of asList(event[list]))
        if (typeof epc === 'string')
          ids.push({
            eventId,
            isErrorDeclaration,
            id: storedId(epc),
            role,
            isClass: false,
            quantity: null,
            uom: null,
          });
    for (const [list, role] of classLists)
      for (const q of asList(event[list]))
        if (typeof q?.epcClass === 'string')
          ids.push({
            eventId,
            isErrorDeclaration,
            id: storedId(q.epcClass),
            role,
            isClass: true,
            quantity: typeof q.quantity === 'number' ? q.quantity : null,
            uom: typeof q.uom === 'string' ? q.uom : null,
          });
    for (const [list, kind, field] of [
      ['sourceList', 'source', 'source'],
      ['destinationList', 'destination', 'destination'],
    ] as const)
      for (const s of asList(event[list]))
        if (typeof s?.[field] === 'string')
          links.push({
            eventId,
            isErrorDeclaration,
            kind,
            type: cbvShortName(s.type, 'sourceDestType'),
            value: storedId(s[field]),
          });
    for (const b of asList(event.bizTransactionList))
      if (typeof b?.bizTransaction === 'string')
        links.push({
          eventId,
          isErrorDeclaration,
          kind: 'bizTransaction',
          type: cbvShortName(b.type, 'bizTransactionType'),
          value: storedId(b.bizTransaction),
        });
  }
  return { rows, ids, links, declarations, clashes };
}

/**
 * The @context the event hash reads names with: the document's, except that the hash of an XML event reads them
 * in the namespaces the XML declared (`{urn:epcglobal:cbv:mda}lotNumber`, epcis.xml.ts), as the reference does.
 */
export function hashContextOf(document: Json, format: 'json' | 'xml'): unknown {
  const context = document['@context'];
  const asWritten = format === 'xml' ? xmlNamespacesOf(document) : undefined;
  return asWritten && Object.keys(asWritten).length ? [...asList(context), asWritten] : context;
}

/** A declaration's own content: when it was declared (in UTC), why, and which events correct it. */
function declarationHash(declaration: unknown): string {
  const d = (declaration && typeof declaration === 'object' ? declaration : {}) as Json;
  const canonical = Object.keys(d)
    .filter((k) => k !== '@context')
    .sort()
    .map((k) => {
      const v = d[k];
      if (k === 'declarationTime' && typeof v === 'string') return [k, utcMillis(v) ?? v];
      if (k === 'correctiveEventIDs' && Array.isArray(v)) return [k, [...v].sort()];
      return [k, v];
    });
  return crypto.hash('sha256', JSON.stringify(canonical), 'hex');
}

function asList(value: unknown): any[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A @context list with each item once (an event repeating its document's item would name it twice). */
function uniqueContext(items: unknown[]): unknown[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
