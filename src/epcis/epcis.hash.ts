import crypto from 'node:crypto';
import { expandCurie, prefixesOf, standardPrefixes, vocabularies } from './epcis.context.ts';
import { eventOrder, itemNames, type Order } from './epcis.hash-order.ts';
import { hashIdForm } from './epcis.ids.ts';

export interface HashOptions {
  /** Fields to leave out (see ignoredFieldsOf). */
  ignoreFields?: string[];
  /**
   * Which prefixes expand CURIE *values*: a JSON-LD document's own declarations, or — for a document that came as
   * XML, where a value is plain text and only the standard vocabularies' prefixes carry meaning — the standard ones.
   */
  valuePrefixes?: 'declared' | 'standard';
}

/**
 * The CBV 2.0 event hash (CBV §8.9): a syntax-independent identity for events captured without an eventID.
 * Every data element is written as `name=value` in the standard's canonical order, lists sorted, times in UTC
 * at millisecond precision, identifiers as constrained canonical Digital Links, vocabulary words as full URIs,
 * extensions as `{namespace}name`; the concatenation is hashed with SHA-256.
 */
export function eventHash(
  event: Record<string, unknown>,
  documentContext?: unknown,
  opts: HashOptions = {},
): string {
  const preHash = preHashString(event, documentContext, opts);
  return `ni:///sha-256;${crypto.hash('sha256', preHash, 'hex')}?ver=CBV2.0`;
}

/**
 * Fields a document asks hashing to skip (a repository's own additions such as a stored hash or capture id),
 * listed in a document-level `<prefix>:ignoreFields` extension, as the reference implementation honours it.
 */
export function ignoredFieldsOf(document: Record<string, any>): string[] {
  const holders = [document, document.epcisBody?.queryResults].filter((h) => h && typeof h === 'object');
  return holders.flatMap((holder) => {
    const key = Object.keys(holder).find((k) => k.endsWith(':ignoreFields'));
    const value = key ? holder[key] : undefined;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  });
}

interface Node {
  name: string;
  value: string;
  children: Node[];
}

const ignoredAnywhere = new Set(['@context', 'comment', 'rdfs:comment']);
const ignored = new Set(['type', 'eventID', 'recordTime', 'errorDeclaration', ...ignoredAnywhere]);

/** Where a value sits: its top-level field, its depth, and whether it is inside a sensorReport. */
interface Where {
  top: string;
  depth: number;
  inReport: boolean;
}

/** Which vocabulary a bare word belongs to, by the place of its field. */
function vocabularyFor(key: string, where: Where): Record<string, string> | null {
  const { top, depth } = where;
  if (depth === 1 && top === 'bizStep') return vocabularies.bizStep;
  if (depth === 1 && top === 'disposition') return vocabularies.disposition;
  if (top === 'persistentDisposition') return vocabularies.disposition;
  if ((top === 'sourceList' || top === 'destinationList') && key === 'type')
    return vocabularies.sourceDestType;
  if (top === 'bizTransactionList' && key === 'type') return vocabularies.bizTransactionType;
  if (top === 'sensorElementList' && where.inReport) {
    if (key === 'type') return vocabularies.measurementType;
    if (key === 'exception') return vocabularies.sensorAlertType;
    if (key === 'component') return vocabularies.component;
  }
  return null;
}

interface Scope {
  prefixes: Record<string, string>;
  forValues: Record<string, string>;
}

/** The prefixes of a document's @context, worked out once per document rather than once per event. */
const documentPrefixes = new WeakMap<object, Record<string, string>>();
function prefixesOfDocument(context: unknown): Record<string, string> {
  if (!context || typeof context !== 'object') return prefixesOf(context);
  let known = documentPrefixes.get(context);
  if (!known) {
    known = prefixesOf(context);
    documentPrefixes.set(context, known);
  }
  return known;
}

/** Appends to `out` the nodes of one JSON member (an array gives one node per item, named as XML names them). */
function build(scope: Scope, key: string, value: unknown, where: Where, out: Node[]): void {
  if (value === null || value === undefined) return;
  const name = expandName(key, scope.prefixes);
  if (Array.isArray(value)) {
    const itemName = where.depth === 1 ? itemNames[key] : undefined;
    if (itemName) {
      const list: Node = { name, value: '', children: [] };
      const inner = { top: where.top, depth: 2, inReport: where.inReport };
      for (const item of value) build(scope, itemName, item, inner, list.children);
      out.push(list);
    } else for (const item of value) build(scope, key, item, where, out);
    return;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const node: Node = { name, value: '', children: [] };
    for (const k in record) {
      if (ignoredAnywhere.has(k) || k === '#text') continue;
      build(
        scope,
        k,
        record[k],
        { top: where.top, depth: where.depth + 1, inReport: where.inReport || k === 'sensorReport' },
        node.children,
      );
    }
    // an XML element with attributes and text arrives as { …attributes, '#text': text }
    if (record['#text'] !== undefined) node.value = scalarText(record['#text'], key, where, scope.forValues);
    out.push(node);
    return;
  }
  out.push({ name, value: scalarText(value, key, where, scope.forValues), children: [] });
}

export function preHashString(
  event: Record<string, unknown>,
  documentContext?: unknown,
  { ignoreFields = [], valuePrefixes = 'declared' }: HashOptions = {},
): string {
  const fromDocument = prefixesOfDocument(documentContext);
  const prefixes = event['@context'] ? prefixesOf(event['@context'], fromDocument) : fromDocument;
  const scope = { prefixes, forValues: valuePrefixes === 'declared' ? prefixes : standardPrefixes };
  const skipped = ignoreFields.length ? new Set(ignoreFields.map((f) => expandName(f, prefixes))) : null;
  const remaining: Node[] = [];
  for (const k in event) {
    if (ignored.has(k) || skipped?.has(expandName(k, prefixes))) continue;
    build(scope, k, event[k], { top: k, depth: 1, inReport: false }, remaining);
  }
  const ordered = takeInOrder(remaining, eventOrder);
  const rest = genericString(remaining);
  return `eventType=${String(event.type)}${ordered}${rest}`;
}

function expandName(key: string, prefixes: Record<string, string>): string {
  const colon = key.indexOf(':');
  if (colon > 0 && !key.startsWith('http')) {
    const ns = prefixes[key.slice(0, colon)];
    if (ns) return `{${ns}}${key.slice(colon + 1)}`;
  }
  return key;
}

function scalarText(value: unknown, key: string, where: Where, prefixes: Record<string, string>): string {
  let text = String(value).trim();
  const vocabulary = vocabularyFor(key, where);
  if (vocabulary?.[text]) return vocabulary[text];
  // a measurement type is a GS1 Web Vocabulary word, also one the vendored context does not list yet
  if (vocabulary === vocabularies.measurementType && /^[A-Za-z][A-Za-z0-9_]*$/.test(text))
    return `${standardPrefixes.gs1}${text}`;
  text = expandCurie(text, prefixes);
  if (isTimeField(key)) return utcMillis(text) ?? text;
  return canonicalValue(text);
}

/** Fields whose name says they hold a time (eventTime, time, startTime, declarationTime…) but not an offset. */
const timeFields = new Map<string, boolean>();
function isTimeField(key: string): boolean {
  let known = timeFields.get(key);
  if (known === undefined) {
    const lower = key.toLowerCase();
    known = lower.includes('time') && !lower.includes('offset');
    if (timeFields.size < 1000) timeFields.set(key, known);
  }
  return known;
}

const legacyVocabulary: [string, string][] = [
  ['urn:epcglobal:cbv:bizstep:', 'https://ref.gs1.org/cbv/BizStep-'],
  ['urn:epcglobal:cbv:disp:', 'https://ref.gs1.org/cbv/Disp-'],
  ['urn:epcglobal:cbv:btt:', 'https://ref.gs1.org/cbv/BTT-'],
  ['urn:epcglobal:cbv:sdt:', 'https://ref.gs1.org/cbv/SDT-'],
  ['urn:epcglobal:cbv:er:', 'https://ref.gs1.org/cbv/ER-'],
];

function canonicalValue(input: string): string {
  let text = input;
  for (const [urn, web] of legacyVocabulary) if (text.startsWith(urn)) text = web + text.slice(urn.length);
  text = canonicalNumber(text);
  return hashIdForm(text) ?? text;
}

const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Numbers lose leading zeros, a `+` and trailing `.0` (`"0012.50"` → `12.5`), written as Python's repr writes them. */
function canonicalNumber(text: string): string {
  if (!decimal.test(text)) return text;
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  if (Number.isInteger(n)) return BigInt(n).toString();
  const abs = Math.abs(n);
  if (abs >= 1e-4 && abs < 1e16) return String(n);
  const [mantissa, exponent] = n.toExponential().split('e');
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
}

const isoTime =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** `2020-03-04T11:00:30.1415+01:00` → `2020-03-04T10:00:30.142Z`: UTC, milliseconds rounded half to even. */
export function utcMillis(text: string): string | null {
  const m = isoTime.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone = 'Z'] = m;
  const micros = Number(fraction.padEnd(6, '0').slice(0, 6));
  let millis = Math.floor(micros / 1000);
  const remainder = micros % 1000;
  if (remainder > 500 || (remainder === 500 && millis % 2 === 1)) millis += 1;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    offsetMinutes =
      (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const epoch = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, millis) - offsetMinutes * 60_000;
  if (Number.isNaN(epoch)) return null;
  return new Date(epoch).toISOString();
}

/**
 * A standard element: its value, its standard children in order, then its extensions. Children the order does not
 * know (a non-standard attribute, say) stay in `node.children` and surface, with their ancestry, at the event's end.
 */
function nodeString(node: Node, sub?: Order): string {
  const own = node.value ? `=${node.value}` : '';
  let inner: string;
  if (sub) inner = takeInOrder(node.children, sub) + takeExtensions(node.children);
  else {
    inner = genericString(node.children);
    node.children = [];
  }
  return own || inner ? node.name + own + inner : '';
}

/** Writes the elements named in `order`, same-named siblings sorted; removes those fully written from `nodes`. */
function takeInOrder(nodes: Node[], order: Order): string {
  let out = '';
  const present = new Set<string>();
  for (const n of nodes) present.add(n.name);
  for (const [name, sub] of order) {
    if (!present.has(name)) continue;
    const matching = nodes.filter((n) => n.name === name);
    if (!matching.length) continue;
    const written = matching.map((n) => nodeString(n, sub));
    for (const n of matching) if (!n.children.length) nodes.splice(nodes.indexOf(n), 1);
    out += written.sort(compare).join('');
  }
  return out;
}

const keepOrder = new Set(['bizTransaction', 'source', 'destination']);

/** Removes the namespaced extensions from `nodes` and writes them, sorted. */
function takeExtensions(nodes: Node[]): string {
  const extensions = nodes.filter((n) => n.name.startsWith('{'));
  for (const n of extensions) nodes.splice(nodes.indexOf(n), 1);
  return genericString(extensions);
}

/**
 * Elements outside the canonical order (ilmd, links, extensions), sorted. Inside a standard structure only the
 * namespaced extensions are left here. A source/destination/bizTransaction keeps its `type` before its value.
 */
function genericString(nodes: Node[]): string {
  const parts = nodes.map((n) => {
    if (keepOrder.has(n.name)) {
      const type = n.children.find((c) => c.name === 'type');
      const value = n.value || n.children.find((c) => c.name === n.name)?.value || '';
      return `${type ? `type=${type.value}` : ''}${n.name}=${value}`;
    }
    const own = n.value ? `=${n.value}` : '';
    return n.name + own + genericString(n.children);
  });
  return parts.sort(compare).join('');
}

/** Code-point order, as the reference implementation sorts. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
