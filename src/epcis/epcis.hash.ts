import crypto from 'node:crypto';
import { expandCurie, prefixesOf, vocabularies } from './epcis.context.ts';
import { hashIdForm } from './epcis.ids.ts';

/**
 * The CBV 2.0 event hash (CBV §8.9): a syntax-independent identity for events captured without an eventID.
 * Every data element is written as `name=value` in the standard's canonical order, lists sorted, times in UTC
 * at millisecond precision, identifiers as constrained canonical Digital Links, vocabulary words as full URIs,
 * extensions as `{namespace}name`; the concatenation is hashed with SHA-256.
 */
export function eventHash(
  event: Record<string, unknown>,
  documentContext?: unknown,
  ignoreFields: string[] = [],
): string {
  const preHash = preHashString(event, documentContext, ignoreFields);
  return `ni:///sha-256;${crypto.createHash('sha256').update(preHash).digest('hex')}?ver=CBV2.0`;
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

type Order = [name: string, sub?: Order][];

const quantityElement: Order = [['quantityElement', [['epcClass'], ['quantity'], ['uom']]]];
const epcs: Order = [['epc']];
/** The canonical order of the standard data elements (CBV 2.0 §8.9.2). */
const eventOrder: Order = [
  ['eventTime'],
  ['eventTimeZoneOffset'],
  ['certificationInfo'],
  ['parentID'],
  ['epcList', epcs],
  ['inputEPCList', epcs],
  ['childEPCs', epcs],
  ['quantityList', quantityElement],
  ['childQuantityList', quantityElement],
  ['inputQuantityList', quantityElement],
  ['outputEPCList', epcs],
  ['outputQuantityList', quantityElement],
  ['action'],
  ['transformationID'],
  ['bizStep'],
  ['disposition'],
  ['persistentDisposition', [['set'], ['unset']]],
  ['readPoint', [['id']]],
  ['bizLocation', [['id']]],
  [
    'sensorElementList',
    [
      [
        'sensorElement',
        [
          [
            'sensorMetadata',
            [
              'time',
              'startTime',
              'endTime',
              'deviceID',
              'deviceMetadata',
              'rawData',
              'dataProcessingMethod',
              'bizRules',
            ].map((n): [string] => [n]),
          ],
          [
            'sensorReport',
            [
              'type',
              'exception',
              'deviceID',
              'deviceMetadata',
              'rawData',
              'dataProcessingMethod',
              'time',
              'microorganism',
              'chemicalSubstance',
              'value',
              'component',
              'stringValue',
              'booleanValue',
              'hexBinaryValue',
              'uriValue',
              'minValue',
              'maxValue',
              'meanValue',
              'sDev',
              'percRank',
              'percValue',
              'uom',
              'coordinateReferenceSystem',
            ].map((n): [string] => [n]),
          ],
        ],
      ],
    ],
  ],
];

/** Lists whose JSON items are unnamed; the hash names each item (XML's element name). */
const itemNames: Record<string, string> = {
  epcList: 'epc',
  inputEPCList: 'epc',
  outputEPCList: 'epc',
  childEPCs: 'epc',
  quantityList: 'quantityElement',
  childQuantityList: 'quantityElement',
  inputQuantityList: 'quantityElement',
  outputQuantityList: 'quantityElement',
  sensorElementList: 'sensorElement',
  bizTransactionList: 'bizTransaction',
  sourceList: 'source',
  destinationList: 'destination',
};

const ignoredAnywhere = new Set(['@context', 'comment', 'rdfs:comment']);
const ignored = new Set(['type', 'eventID', 'recordTime', 'errorDeclaration', ...ignoredAnywhere]);

/** Which vocabulary a bare word belongs to, by the path of its field. */
function vocabularyFor(path: string[]): Record<string, string> | null {
  const [top, , leaf] = [path[0], path[1], path[path.length - 1]];
  if (path.length === 1 && top === 'bizStep') return vocabularies.bizStep;
  if (path.length === 1 && top === 'disposition') return vocabularies.disposition;
  if (top === 'persistentDisposition') return vocabularies.disposition;
  if ((top === 'sourceList' || top === 'destinationList') && leaf === 'type')
    return vocabularies.sourceDestType;
  if (top === 'bizTransactionList' && leaf === 'type') return vocabularies.bizTransactionType;
  if (top === 'sensorElementList' && path.includes('sensorReport')) {
    if (leaf === 'type') return vocabularies.measurementType;
    if (leaf === 'exception') return vocabularies.sensorAlertType;
    if (leaf === 'component') return vocabularies.component;
  }
  return null;
}

export function preHashString(
  event: Record<string, unknown>,
  documentContext?: unknown,
  ignoreFields: string[] = [],
): string {
  const prefixes = prefixesOf(event['@context'], prefixesOf(documentContext));
  const skipped = new Set(ignoreFields.map((f) => expandName(f, prefixes)));
  const toNodes = (key: string, value: unknown, path: string[]): Node[] => {
    const name = expandName(key, prefixes);
    if (Array.isArray(value)) {
      const itemName = path.length === 1 ? itemNames[key] : undefined;
      if (itemName)
        return [
          { name, value: '', children: value.flatMap((v) => toNodes(itemName, v, [...path, itemName])) },
        ];
      return value.flatMap((v) => toNodes(key, v, path));
    }
    if (value !== null && typeof value === 'object') {
      const children = Object.entries(value)
        .filter(([k]) => !ignoredAnywhere.has(k))
        .flatMap(([k, v]) => toNodes(k, v, [...path, k]));
      return [{ name, value: '', children }];
    }
    if (value === null || value === undefined) return [];
    return [{ name, value: scalarText(value, path, prefixes), children: [] }];
  };

  const remaining = Object.entries(event)
    .filter(([k]) => !ignored.has(k) && !skipped.has(expandName(k, prefixes)))
    .flatMap(([k, v]) => toNodes(k, v, [k]));
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

function scalarText(value: unknown, path: string[], prefixes: Record<string, string>): string {
  let text = String(value).trim();
  const vocabulary = vocabularyFor(path);
  if (vocabulary?.[text]) return vocabulary[text];
  text = expandCurie(text, prefixes);
  const leaf = path[path.length - 1].toLowerCase();
  if (leaf.includes('time') && !leaf.includes('offset')) return utcMillis(text) ?? text;
  return canonicalValue(text);
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

function nodeString(node: Node, sub?: Order): string {
  const own = node.value ? `=${node.value}` : '';
  const inner = sub
    ? takeInOrder(node.children, sub) + genericString(node.children, true)
    : genericString(node.children);
  return own || inner ? node.name + own + inner : '';
}

/** Writes (and removes from `nodes`) the elements named in `order`, same-named siblings sorted. */
function takeInOrder(nodes: Node[], order: Order): string {
  let out = '';
  for (const [name, sub] of order) {
    const matching = nodes.filter((n) => n.name === name);
    if (!matching.length) continue;
    for (const n of matching) nodes.splice(nodes.indexOf(n), 1);
    out += matching
      .map((n) => nodeString(n, sub))
      .sort(compare)
      .join('');
  }
  return out;
}

const keepOrder = new Set(['bizTransaction', 'source', 'destination']);

/**
 * Elements outside the canonical order (ilmd, links, extensions), sorted. Inside a standard structure only the
 * namespaced extensions are left here. A source/destination/bizTransaction keeps its `type` before its value.
 */
function genericString(nodes: Node[], extensionsOnly = false): string {
  const parts = nodes
    .filter((n) => !extensionsOnly || n.name.startsWith('{'))
    .map((n) => {
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
