import { type CbvFormat, type CbvVocabulary, cbvForXml, sensorTermForXml } from './epcis.cbv-format.ts';
import { expandCurie, prefixesOf, standardPrefixes } from './epcis.context.ts';
import { element, isNcName, Namespaces, serialise, type XmlElement } from './epcis.xml-writer.ts';

/**
 * The JSON-LD event model → EPCIS 2.0 XML, the reverse of epcis.xml.ts, so a query can answer
 * `Accept: application/xml`. Standard fields are written in the order of the official XSD
 * (vendor/xsd/EPCglobal-epcis-2_0.xsd: in 2.0 every standard field sits in the event itself, none in
 * `<extension>`); a `prefix:name` extension field becomes an element in the namespace its event's @context names,
 * after the standard ones; CBV values follow `cbvFormat` (epcis.cbv-format.ts).
 */
type Json = Record<string, any>;

export type { CbvFormat } from './epcis.cbv-format.ts';

export interface QueryDocumentXmlOptions {
  queryName: string;
  subscriptionID?: string;
  cbvFormat?: CbvFormat;
  creationDate?: string;
}

const queryNamespace = 'urn:epcglobal:epcis-query:xsd:2';
const epcisNamespace = 'urn:epcglobal:epcis:xsd:2';
const schemaInstance = 'http://www.w3.org/2001/XMLSchema-instance';
const xmlSchema = 'http://www.w3.org/2001/XMLSchema';

/** An `epcisq:EPCISQueryDocument` holding the events as the query results of `queryName`. */
export function epcisQueryDocumentXml(
  events: Record<string, unknown>[],
  options: QueryDocumentXmlOptions,
): string {
  const namespaces = new Namespaces({ epcisq: queryNamespace, epcis: epcisNamespace });
  const format = options.cbvFormat ?? 'No_Preference';
  const eventList = events.flatMap((event) =>
    eventElement(event as Json, new EventWriter(namespaces, format, event)),
  );
  const results = element('epcisq:QueryResults', [
    element('queryName', options.queryName),
    ...(options.subscriptionID !== undefined ? [element('subscriptionID', options.subscriptionID)] : []),
    element('resultsBody', [element('EventList', eventList)]),
  ]);
  const root = element(
    'epcisq:EPCISQueryDocument',
    [element('EPCISBody', [results])],
    [
      ...namespaces.declarations(),
      ['schemaVersion', '2.0'],
      ['creationDate', options.creationDate ?? new Date().toISOString()],
    ],
  );
  return serialise(root);
}

const head = [
  'eventTime',
  'recordTime',
  'eventTimeZoneOffset',
  'eventID',
  'errorDeclaration',
  'certificationInfo',
];
const where = ['bizStep', 'disposition', 'readPoint', 'bizLocation'];
const tail = ['sourceList', 'destinationList', 'sensorElementList', 'persistentDisposition'];
/** Each event type's own elements, in the XSD's order (after the common head). */
const bodies: Record<string, string[]> = {
  ObjectEvent: ['epcList', 'action', ...where, 'bizTransactionList', 'quantityList', ...tail, 'ilmd'],
  AggregationEvent: [
    'parentID',
    'childEPCs',
    'action',
    ...where,
    'bizTransactionList',
    'childQuantityList',
    ...tail,
  ],
  TransactionEvent: [
    'bizTransactionList',
    'parentID',
    'epcList',
    'action',
    ...where,
    'quantityList',
    ...tail,
  ],
  TransformationEvent: [
    'inputEPCList',
    'inputQuantityList',
    'outputEPCList',
    'outputQuantityList',
    'transformationID',
    ...where,
    'bizTransactionList',
    ...tail,
    'ilmd',
  ],
  AssociationEvent: [
    'parentID',
    'childEPCs',
    'childQuantityList',
    'action',
    ...where,
    'bizTransactionList',
    ...tail,
  ],
};
/** Standard names of every event type: a field named so is never an extension, also where its type lacks it. */
const standardFields = new Set(['type', ...head, ...Object.values(bodies).flat()]);

function eventElement(event: Json, writer: EventWriter): XmlElement[] {
  const body = bodies[event.type];
  if (!body) return writer.customEvent(event);
  const children: XmlElement[] = [];
  for (const name of [...head, ...body]) {
    const value = event[name];
    if (value !== undefined && value !== null) children.push(...writer.standard(name, value));
  }
  for (const [key, value] of Object.entries(event))
    if (!standardFields.has(key) && !key.startsWith('@'))
      children.push(...writer.extension(key, value, true));
  return [element(event.type, children)];
}

const idLists = new Set(['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList']);
const quantityLists = new Set([
  'quantityList',
  'childQuantityList',
  'inputQuantityList',
  'outputQuantityList',
]);
const linkLists: Record<string, [item: string, vocabulary: CbvVocabulary]> = {
  bizTransactionList: ['bizTransaction', 'btt'],
  sourceList: ['source', 'sdt'],
  destinationList: ['destination', 'sdt'],
};
const sensorTerms = new Set(['type', 'exception', 'component']);

const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
const isRecord = (value: unknown): value is Json =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Numbers as XML Schema writes them: an integer in full, a decimal without an exponent (`1e-7` is no xsd:decimal). */
function decimalText(n: number): string {
  const text = String(n);
  if (!/e/i.test(text)) return text;
  if (Number.isInteger(n)) return BigInt(n).toString();
  const [mantissa, exponent] = text.split(/e/i);
  const decimals = (mantissa.split('.')[1]?.length ?? 0) - Number(exponent);
  return n.toFixed(Math.min(Math.max(decimals, 0), 100));
}

/** Writes the fields of one event, reading its prefixes from the @context it carries. */
class EventWriter {
  private readonly namespaces: Namespaces;
  private readonly format: CbvFormat;
  private readonly prefixes: Record<string, string>;

  constructor(namespaces: Namespaces, format: CbvFormat, event: Record<string, unknown>) {
    this.namespaces = namespaces;
    this.format = format;
    this.prefixes = prefixesOf(event['@context']);
  }

  /** A plain value: a CURIE of the event's @context is written as the URI it stands for (XML has no context). */
  private text(value: unknown): string {
    if (typeof value === 'number') return decimalText(value);
    const text = String(value);
    return this.format === 'Never_Translates' || typeof value !== 'string'
      ? text
      : expandCurie(text, this.prefixes);
  }

  private cbv(value: unknown, vocabulary: CbvVocabulary): string {
    return typeof value === 'string'
      ? cbvForXml(value, vocabulary, this.format, this.prefixes)
      : this.text(value);
  }

  standard(name: string, value: any): XmlElement[] {
    if (idLists.has(name))
      return [
        element(
          name,
          asList(value).map((epc) => element('epc', this.text(epc))),
        ),
      ];
    if (quantityLists.has(name))
      return [
        element(
          name,
          asList(value)
            .filter(isRecord)
            .map((q) => this.quantity(q)),
        ),
      ];
    if (name in linkLists) {
      const [item, vocabulary] = linkLists[name];
      const links = asList(value)
        .filter(isRecord)
        .map((link) => {
          const type: [string, string][] =
            link.type != null ? [['type', this.cbv(link.type, vocabulary)]] : [];
          return element(item, this.text(link[item] ?? ''), type);
        });
      return [element(name, links)];
    }
    if (name === 'bizStep') return [element(name, this.cbv(value, 'bizstep'))];
    if (name === 'disposition') return [element(name, this.cbv(value, 'disp'))];
    if (name === 'readPoint' || name === 'bizLocation')
      return isRecord(value) ? [this.place(name, value)] : [];
    if (name === 'errorDeclaration') return isRecord(value) ? [this.errorDeclaration(value)] : [];
    if (name === 'sensorElementList')
      return [
        element(
          name,
          asList(value)
            .filter(isRecord)
            .map((s) => this.sensorElement(s)),
        ),
      ];
    if (name === 'persistentDisposition') return isRecord(value) ? [this.persistentDisposition(value)] : [];
    if (name === 'ilmd') return isRecord(value) ? [element(name, this.extensions(value))] : [];
    // the XSD allows one certificationInfo; a JSON list of several keeps its first (docs/epcis.md)
    if (name === 'certificationInfo')
      return asList(value)
        .slice(0, 1)
        .map((v) => element(name, this.text(v)));
    return [element(name, this.text(value))];
  }

  /**
   * An event type of someone else's (`example:CustomEvent`): the XSD's EventList takes it inside `<extension>`,
   * in its namespace, its fields in their JSON order. One whose type has no namespace cannot be written.
   */
  customEvent(event: Json): XmlElement[] {
    const name =
      typeof event.type === 'string' && event.type.includes(':') ? this.qualified(event.type) : undefined;
    if (!name) return [];
    const children = Object.entries(event).flatMap(([key, value]) => {
      if (key === 'type' || key.startsWith('@') || value === null || value === undefined) return [];
      return standardFields.has(key) ? this.standard(key, value) : this.extension(key, value);
    });
    return [element('extension', [element(name, children)])];
  }

  private quantity(q: Json): XmlElement {
    const children = [element('epcClass', this.text(q.epcClass ?? ''))];
    if (typeof q.quantity === 'number' || typeof q.quantity === 'string')
      children.push(element('quantity', this.text(q.quantity)));
    // a uom cannot stand without its quantity in the XSD; an unknown quantity is nil, as the reader takes it
    else if (q.uom != null) children.push(element('quantity', [], [[`${this.xsi()}:nil`, 'true']]));
    if (q.uom != null) children.push(element('uom', this.text(q.uom)));
    return element('quantityElement', children);
  }

  private place(name: string, value: Json): XmlElement {
    const { id, ...rest } = value;
    return element(name, [element('id', this.text(id ?? '')), ...this.extensions(rest)]);
  }

  private errorDeclaration(value: Json): XmlElement {
    const { declarationTime, reason, correctiveEventIDs, ...rest } = value;
    const children: XmlElement[] = [];
    if (declarationTime != null) children.push(element('declarationTime', this.text(declarationTime)));
    if (reason != null) children.push(element('reason', this.cbv(reason, 'er')));
    if (correctiveEventIDs != null)
      children.push(
        element(
          'correctiveEventIDs',
          asList(correctiveEventIDs).map((id) => element('correctiveEventID', this.text(id))),
        ),
      );
    return element('errorDeclaration', [...children, ...this.extensions(rest)]);
  }

  private persistentDisposition(value: Json): XmlElement {
    // unset before set, as the XSD has them
    const children = ['unset', 'set'].flatMap((kind) =>
      asList(value[kind]).map((d) => element(kind, this.cbv(d, 'disp'))),
    );
    return element('persistentDisposition', children);
  }

  private sensorElement(value: Json): XmlElement {
    const { sensorMetadata, sensorReport, ...rest } = value;
    const children: XmlElement[] = [];
    if (isRecord(sensorMetadata))
      children.push(element('sensorMetadata', [], this.sensorAttributes(sensorMetadata)));
    for (const report of asList(sensorReport).filter(isRecord))
      children.push(element('sensorReport', [], this.sensorAttributes(report, true)));
    return element('sensorElement', [...children, ...this.extensions(rest)]);
  }

  /** Standard names stay attributes without a namespace; `prefix:name` ones take their namespace. */
  private sensorAttributes(value: Json, isReport = false): [string, string][] {
    const attributes: [string, string][] = [];
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith('@') || v === null || typeof v === 'object') continue;
      const name = key.includes(':') ? this.qualified(key) : isNcName(key) ? key : undefined;
      if (!name) continue;
      const text =
        isReport && sensorTerms.has(key) && typeof v === 'string' ? this.sensorTerm(key, v) : this.text(v);
      attributes.push([name, text]);
    }
    return attributes;
  }

  /**
   * A GS1 Web Vocabulary term is written `gs1:Temperature`, its namespace declared, as GS1's XML examples write it
   * (and as the JSON Schema takes it, should a reader copy it to JSON-LD); a CBV component in full.
   */
  private sensorTerm(key: string, value: string): string {
    const full = sensorTermForXml(key as 'type', value, this.format, this.prefixes);
    const gs1 = standardPrefixes.gs1;
    if (
      full.startsWith(gs1) &&
      isNcName(full.slice(gs1.length)) &&
      this.namespaces.prefixFor('gs1', gs1) === 'gs1'
    )
      return `gs1:${full.slice(gs1.length)}`;
    return full;
  }

  private extensions(value: Json): XmlElement[] {
    return Object.entries(value).flatMap(([key, v]) => (key.startsWith('@') ? [] : this.extension(key, v)));
  }

  /**
   * A user extension: an array is the element repeated, an object its children (or, as the reader writes an element
   * with attributes, `{ …attributes, '#text': text }`), a number or boolean its text with its `xsi:type`.
   * At the event's top level only namespaced names are allowed by the XSD; deeper down, unprefixed names stay
   * without a namespace, as they came.
   */
  extension(key: string, value: unknown, topLevel = false): XmlElement[] {
    if (value === null || value === undefined) return [];
    const name = key.includes(':') ? this.qualified(key) : !topLevel && isNcName(key) ? key : undefined;
    if (!name) return [];
    if (Array.isArray(value)) return value.flatMap((item) => this.extension(key, item, topLevel));
    if (isRecord(value)) {
      const scalar = value['@value'] ?? value['@id'];
      if (scalar !== undefined) return [element(name, this.text(scalar))];
      if ('#text' in value) {
        const attributes = Object.entries(value)
          .filter(([k, v]) => k !== '#text' && !k.startsWith('@') && v !== null && typeof v !== 'object')
          .flatMap(([k, v]): [string, string][] => {
            const attribute = k.includes(':') ? this.qualified(k) : isNcName(k) ? k : undefined;
            return attribute ? [[attribute, this.text(v)]] : [];
          });
        return [element(name, this.text(value['#text']), attributes)];
      }
      return [element(name, this.extensions(value))];
    }
    if (typeof value === 'number')
      return [
        element(name, this.text(value), [this.schemaType(Number.isInteger(value) ? 'integer' : 'double')]),
      ];
    if (typeof value === 'boolean') return [element(name, String(value), [this.schemaType('boolean')])];
    return [element(name, this.text(value))];
  }

  private xsi(): string {
    return this.namespaces.prefixFor('xsi', schemaInstance);
  }

  private schemaType(type: string): [string, string] {
    return [`${this.xsi()}:type`, `${this.namespaces.prefixFor('xsd', xmlSchema)}:${type}`];
  }

  /**
   * `prefix:local` → the XML name in the namespace the event's @context gives the prefix; a full IRI as a key is
   * split at its last `/`, `#` or `:`. Undefined when no namespace is known or the local name is no XML name.
   */
  private qualified(key: string): string | undefined {
    let namespace: string | undefined;
    let prefix: string;
    let local: string;
    const iri = /^(.*[/#:])([^/#:]+)$/.exec(key);
    if (/^[a-z][\w+.-]*:\/\//i.test(key) || key.startsWith('urn:')) {
      if (!iri) return undefined;
      [, namespace, local] = iri;
      prefix = 'ns';
    } else {
      const colon = key.indexOf(':');
      prefix = key.slice(0, colon);
      local = key.slice(colon + 1);
      namespace = this.prefixes[prefix];
    }
    if (!namespace || !isNcName(local)) return undefined;
    return `${this.namespaces.prefixFor(prefix, namespace)}:${local}`;
  }
}
