import { XMLParser } from 'fast-xml-parser';
import { badRequest } from '../platform/index.ts';
import { standardPrefixes } from './epcis.context.ts';
import { epcisContextUrl } from './epcis.presenter.ts';
import { validateEpcisDocument } from './epcis.validate.ts';
import { vendored } from './epcis.vendor.ts';
import { xsdErrors } from './epcis.xsd.ts';

/**
 * EPCIS 2.0 XML (and the 1.2 layout of extensions) → the JSON-LD document model, so XML captures go through the
 * same validation, hashing and storage as JSON. Namespaced extension elements become `prefix:name` fields, their
 * namespace declarations an @context entry.
 */
interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

type Json = Record<string, any>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  // numeric character references (&#233; &#x1EC5;) are text like any other; the named HTML entities this also
  // decodes cannot reach here: the XSD check refuses a document that uses an entity XML does not define
  htmlEntities: true,
});

function toNodes(raw: any[]): XNode[] {
  const nodes: XNode[] = [];
  for (const item of raw) {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?') || name === '#comment') continue;
    const content = item[name] as any[];
    const text = content
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join('')
      .trim();
    nodes.push({ name, attrs: item[':@'] ?? {}, children: toNodes(content), text });
  }
  return nodes;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const childText = (node: XNode, name: string) => node.children.find((c) => c.name === name)?.text;

/** Prefixes bound anywhere in the document to an EPCIS namespace: `epcis:eventTime` is the standard eventTime. */
function standardPrefixesOf(node: XNode, found = new Set<string>()): Set<string> {
  for (const [attr, value] of Object.entries(node.attrs))
    if (attr.startsWith('xmlns:') && standardNamespace.test(value)) found.add(attr.slice(6));
  for (const child of node.children) standardPrefixesOf(child, found);
  return found;
}

function unprefixStandard(node: XNode, prefixes: Set<string>) {
  const colon = node.name.indexOf(':');
  if (colon > 0 && prefixes.has(node.name.slice(0, colon))) node.name = node.name.slice(colon + 1);
  for (const child of node.children) unprefixStandard(child, prefixes);
}

/** Prefixes that must never become JSON-LD terms: they would rewrite every absolute URI. */
const reservedPrefixes = new Set(['http', 'https', 'urn', 'xsi', 'xml', 'xmlns']);
const standardNamespace =
  /^urn:epcglobal:(epcis|epcis-query|epcis-masterdata):|^http:\/\/www\.unece\.org\/cefact/;
const schemaInstance = 'http://www.w3.org/2001/XMLSchema-instance';
/** `urn:epcglobal:cbv:mda` and the context's `urn:epcglobal:cbv:mda:` name the same namespace. */
const bare = (namespace: string) => namespace.replace(/[:/#]$/, '');
const standardByNamespace = new Map(
  Object.entries(standardPrefixes).map(([prefix, ns]) => [bare(ns), prefix]),
);

/**
 * The JSON-LD prefix of each XML namespace prefix, and the @context entries the document needs. A namespace the
 * standard context already names (cbvmda, gs1, xsd, rdfs …) takes the standard prefix and adds nothing: the
 * EPCIS context protects its terms, so redefining one would make the document invalid JSON-LD. A document's own
 * prefix that happens to be spelled like a standard one, for another namespace, is renamed.
 */
function namespacesOf(root: XNode) {
  const declared: Record<string, string> = {};
  const walk = (node: XNode) => {
    for (const [attr, value] of Object.entries(node.attrs))
      if (attr.startsWith('xmlns:')) declared[attr.slice(6)] = value;
    for (const child of node.children) walk(child);
  };
  walk(root);
  const rename: Record<string, string> = {};
  const context: Record<string, string> = {};
  const asWritten: Record<string, string> = {};
  for (const [prefix, namespace] of Object.entries(declared)) {
    if (standardNamespace.test(namespace) || namespace === schemaInstance || prefix === 'xmlns') continue;
    const standard = standardByNamespace.get(bare(namespace));
    if (standard) {
      rename[prefix] = standard;
      if (namespace !== standardPrefixes[standard]) asWritten[standard] = namespace;
      continue;
    }
    let own = prefix;
    for (let n = 2; own in standardPrefixes || reservedPrefixes.has(own) || own in context; n++)
      own = `${prefix}${n}`;
    rename[prefix] = own;
    context[own] = namespace;
  }
  return { rename, context, asWritten };
}

/**
 * For each prefix of a converted document that took a standard name, the namespace the XML declared: the CBV event
 * hash of an XML event is computed over the names as written (`{urn:epcglobal:cbv:mda}lotNumber`), as the
 * reference implementation does, while the JSON-LD keeps the standard prefix.
 */
const declaredAsXml = new WeakMap<object, Record<string, string>>();
export const xmlNamespacesOf = (document: object) => declaredAsXml.get(document);

function renamePrefixes(node: XNode, rename: Record<string, string>) {
  const colon = node.name.indexOf(':');
  if (colon > 0) {
    const to = rename[node.name.slice(0, colon)];
    if (to) node.name = `${to}${node.name.slice(colon)}`;
  }
  for (const child of node.children) renamePrefixes(child, rename);
}

export function isXmlDocument(text: string): boolean {
  return /^\s*(<\?xml|<)/.test(text);
}

/**
 * An XML capture: parsed, checked against the EPCIS 2.0 XSD (epcis.xsd.ts: element order too), then converted to
 * the JSON-LD model. Throws Problem 400 naming the line of each fault.
 */
export async function readXmlCapture(xml: string): Promise<Json> {
  const document = epcisXmlToJson(xml);
  // what the JSON Schema and the rules find is named by its JSON Pointer, and the capture reports it (with its
  // failed job); the XSD then finds what only it sees, element order above all
  if (validateEpcisDocument(document, 'xml').length) return document;
  const errors = await xsdErrors(xml);
  if (errors.length) throw badRequest(errors, 'epcis-invalid-document');
  return document;
}

/** Parses an EPCIS XML document into the JSON-LD model; throws Problem 400 when it is not one. */
export function epcisXmlToJson(xml: string): Json {
  // A bare <!DOCTYPE x> is harmless; entity declarations (billion laughs, external entities) and external DTDs
  // are refused.
  if (/<!ENTITY|<!DOCTYPE[^>]*(\[|SYSTEM|PUBLIC)/i.test(xml))
    throw badRequest([{ field: '/', code: 'epcis.xml.doctype' }], 'epcis-invalid-document');
  let nodes: XNode[];
  try {
    nodes = toNodes(parser.parse(xml, true));
  } catch (err) {
    throw badRequest(
      [{ field: '/', code: 'epcis.xml.malformed', params: { reason: String(err) } }],
      'epcis-invalid-document',
    );
  }
  const root = nodes.find((n) =>
    ['EPCISDocument', 'EPCISQueryDocument', 'EPCISMasterDataDocument'].includes(local(n.name)),
  );
  if (!root)
    throw badRequest(
      [{ field: '/', code: 'epcis.xml.notADocument', params: { root: nodes[0]?.name ?? '' } }],
      'epcis-invalid-document',
    );
  unprefixStandard(root, standardPrefixesOf(root));
  const { rename, context: namespaces, asWritten } = namespacesOf(root);
  renamePrefixes(root, rename);
  const body = root.children.find((c) => local(c.name) === 'EPCISBody');
  const document: Json = {
    '@context': Object.keys(namespaces).length ? [epcisContextUrl, namespaces] : [epcisContextUrl],
    type: local(root.name),
    schemaVersion: root.attrs.schemaVersion ?? '2.0',
    creationDate: root.attrs.creationDate,
  };
  for (const child of root.children)
    if (local(child.name) === 'ignoreFields') document[child.name] = child.children.map((c) => c.name);
  // master data: in the header of any document, or the body of an EPCISMasterDataDocument, which the JSON binding
  // has no document type for: it is captured as an EPCISDocument with master data and no events
  const header = root.children.find((c) => local(c.name) === 'EPCISHeader');
  const inHeader = header?.children
    .find((c) => c.name === 'extension')
    ?.children.find((c) => c.name === 'EPCISMasterData')
    ?.children.find((c) => c.name === 'VocabularyList');
  const inBody =
    document.type === 'EPCISMasterDataDocument'
      ? body?.children.find((c) => c.name === 'VocabularyList')
      : undefined;
  const vocabularies = [inHeader, inBody].filter((v): v is XNode => !!v).flatMap(vocabularyListOf);
  if (vocabularies.length) document.epcisHeader = { epcisMasterData: { vocabularyList: vocabularies } };
  if (document.type === 'EPCISMasterDataDocument') {
    document.type = 'EPCISDocument';
    document.epcisBody = { eventList: [] };
  } else if (document.type === 'EPCISDocument') {
    document.epcisBody = { eventList: eventsOf(body?.children.find((c) => c.name === 'EventList')) };
  } else {
    // some producers put queryName and resultsBody straight under the root
    const results =
      body?.children.find((c) => local(c.name) === 'QueryResults') ??
      (root.children.some((c) => c.name === 'resultsBody') ? root : undefined);
    if (!results)
      throw badRequest([{ field: '/epcisBody', code: 'epcis.notADocument' }], 'epcis-invalid-document');
    // captured query results keep their events; a missing query name means the standard query
    const queryResults: Json = {
      queryName: (results && childText(results, 'queryName')) || 'SimpleEventQuery',
    };
    const subscription = results && childText(results, 'subscriptionID');
    if (subscription) queryResults.subscriptionID = subscription;
    for (const child of results.children)
      if (local(child.name) === 'ignoreFields') queryResults[child.name] = child.children.map((c) => c.name);
    const list = results?.children
      .find((c) => c.name === 'resultsBody')
      ?.children.find((c) => c.name === 'EventList');
    queryResults.resultsBody = { eventList: eventsOf(list) };
    document.epcisBody = { queryResults };
  }
  declaredAsXml.set(document, asWritten);
  return document;
}

function vocabularyListOf(list: XNode): Json[] {
  return list.children
    .filter((v) => v.name === 'Vocabulary')
    .map((v) => ({
      type: v.attrs.type,
      vocabularyElementList: (v.children.find((c) => c.name === 'VocabularyElementList')?.children ?? [])
        .filter((e) => e.name === 'VocabularyElement')
        .map((e) => {
          const element: Json = { id: e.attrs.id };
          const attributes = e.children
            .filter((a) => a.name === 'attribute')
            .map((a) => {
              const { id, ...rest } = a.attrs;
              const value = a.children.length ? generic({ ...a, attrs: rest }) : typedText(a);
              return value === '' ? { id } : { id, attribute: value };
            });
          if (attributes.length) element.attributes = attributes;
          const children = e.children.find((c) => c.name === 'children')?.children.map((c) => c.text) ?? [];
          if (children.length) element.children = children;
          return element;
        }),
    }));
}

function eventsOf(list: XNode | undefined): Json[] {
  if (!list) return [];
  // EPCIS 1.2 wrapped newer event types in <extension>.
  return list.children.flatMap((c) => (c.name === 'extension' ? c.children : [c])).map(eventOf);
}

const idLists = new Set(['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList']);
const quantityLists = new Set([
  'quantityList',
  'childQuantityList',
  'inputQuantityList',
  'outputQuantityList',
]);
const linkLists: Record<string, string> = {
  bizTransactionList: 'bizTransaction',
  sourceList: 'source',
  destinationList: 'destination',
};
const numericAttributes = new Set([
  'value',
  'minValue',
  'maxValue',
  'meanValue',
  'sDev',
  'percRank',
  'percValue',
]);

/**
 * XML writes CBV values as EPCIS 1.x URNs, and some producers as CBV 2.0 web URIs or `cbv:` CURIEs; the JSON binding
 * writes the standard ones as bare words. A URN is always a standard word; a web URI or CURIE becomes one only when
 * it names a word of its own vocabulary (the official JSON Schema's list), else it stays a URI as written.
 */
const cbvUrn = /^urn:epcglobal:cbv:(bizstep|disp|btt|sdt|er):(.+)$/;
const cbvWebOrCurie = /^(?:cbv:|https:\/\/ref\.gs1\.org\/cbv\/)(BizStep|Disp|BTT|SDT|ER)-(.+)$/;
type CbvKind = 'BizStep' | 'Disp' | 'BTT' | 'SDT' | 'ER';
const schemaDefinitions = JSON.parse(vendored.schema).definitions;
const wordsOf = (definition: string) =>
  new Set<string>(schemaDefinitions[definition].anyOf.find((b: any) => Array.isArray(b.enum)).enum);
const standardWords: Record<CbvKind, Set<string>> = {
  BizStep: wordsOf('bizStep'),
  Disp: wordsOf('disposition'),
  BTT: wordsOf('bizTransaction-type'),
  SDT: wordsOf('source-dest-type'),
  ER: wordsOf('error-reason'),
};
const bareCbv = (value: string, kind: CbvKind) => {
  const urn = cbvUrn.exec(value);
  if (urn) return urn[2];
  const web = cbvWebOrCurie.exec(value);
  return web && web[1] === kind && standardWords[kind].has(web[2]) ? web[2] : value;
};

/**
 * XML writes a GS1 measurement type as `gs1:Temperature` (or the GS1 Web Vocabulary URI); the JSON binding writes the
 * term, `Temperature`, which the EPCIS context reads as the same IRI. The JSON Schema refuses the full URI.
 */
const measurementTerm = /^(?:gs1:|https?:\/\/gs1\.org\/voc\/)([A-Z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)$/;
const bareMeasurement = (value: unknown) =>
  typeof value === 'string' ? (measurementTerm.exec(value)?.[1] ?? value) : value;

function eventOf(node: XNode): Json {
  const event: Json = { type: node.name };
  // EPCIS 1.x kept eventID and errorDeclaration in <baseExtension>, newer fields in <extension>.
  const fields = flatten(node.children);
  for (const field of fields) {
    const { name } = field;
    if (idLists.has(name)) event[name] = field.children.map((c) => c.text);
    else if (quantityLists.has(name)) event[name] = field.children.map(quantityOf);
    else if (name in linkLists)
      event[name] = field.children.map((c) => ({
        ...(c.attrs.type
          ? { type: bareCbv(c.attrs.type, name === 'bizTransactionList' ? 'BTT' : 'SDT') }
          : {}),
        [linkLists[name]]: c.text,
      }));
    else if (name === 'bizStep') event[name] = bareCbv(field.text, 'BizStep');
    else if (name === 'disposition') event[name] = bareCbv(field.text, 'Disp');
    else if (name === 'persistentDisposition')
      event[name] = groupTexts(field.children, (text) => bareCbv(text, 'Disp'));
    else if (name === 'sensorElementList') event[name] = field.children.map(sensorElementOf);
    else if (name === 'errorDeclaration') event[name] = errorDeclarationOf(field);
    else add(event, name, name === 'certificationInfo' ? field.text : generic(field));
  }
  return event;
}

function flatten(children: XNode[]): XNode[] {
  return children.flatMap((c) =>
    c.name === 'extension' || c.name === 'baseExtension' ? flatten(c.children) : [c],
  );
}

function quantityOf(node: XNode): Json {
  const q: Json = { epcClass: childText(node, 'epcClass') };
  // an empty or nil (`xsi:nil="true"`) quantity is no quantity, never 0
  const quantity = childText(node, 'quantity');
  if (quantity) q.quantity = Number(quantity);
  const uom = childText(node, 'uom');
  if (uom) q.uom = uom;
  return q;
}

function groupTexts(children: XNode[], map: (text: string) => string): Json {
  const out: Json = {};
  for (const c of children) out[c.name] = [...(out[c.name] ?? []), map(c.text)];
  return out;
}

function typedAttributes(attrs: Record<string, string>): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('xmlns') || isSchemaInstance(k)) continue;
    out[k] = numericAttributes.has(k) ? Number(v) : k === 'booleanValue' ? v === 'true' || v === '1' : v;
  }
  return out;
}

function sensorElementOf(node: XNode): Json {
  const element: Json = {};
  for (const c of flatten(node.children)) {
    if (c.name === 'sensorMetadata') element.sensorMetadata = typedAttributes(c.attrs);
    else if (c.name === 'sensorReport') {
      const report = typedAttributes(c.attrs);
      if ('type' in report) report.type = bareMeasurement(report.type);
      element.sensorReport = [...(element.sensorReport ?? []), report];
    } else add(element, c.name, generic(c));
  }
  return element;
}

function errorDeclarationOf(node: XNode): Json {
  const declaration: Json = {};
  for (const c of flatten(node.children)) {
    if (c.name === 'correctiveEventIDs') declaration.correctiveEventIDs = c.children.map((x) => x.text);
    else if (c.name === 'reason') declaration.reason = bareCbv(c.text, 'ER');
    else add(declaration, c.name, generic(c));
  }
  return declaration;
}

/** `xsi:type`, `xsi:nil`: how XML says what a value is, not part of it. */
const isSchemaInstance = (attr: string) =>
  /^[^:]+:(type|nil|schemaLocation|noNamespaceSchemaLocation)$/.test(attr);
const schemaAttr = (node: XNode, name: string) =>
  Object.entries(node.attrs).find(([k]) => k.endsWith(`:${name}`) && isSchemaInstance(k))?.[1];

const numericTypes = new Set(['integer', 'int', 'long', 'short', 'byte', 'decimal', 'double', 'float']);
const numericTypes2 = /^(non)?(negative|positive)Integer$|^unsigned(Long|Int|Short|Byte)$/;

/** An element's text as the JSON value its `xsi:type` says: `<x xsi:type="xsd:integer">12</x>` → 12. */
function typedText(node: XNode): unknown {
  const type = schemaAttr(node, 'type');
  const name = type?.slice(type.indexOf(':') + 1);
  if (!name) return node.text;
  if ((numericTypes.has(name) || numericTypes2.test(name)) && node.text !== '') {
    const n = Number(node.text);
    if (Number.isFinite(n)) return n;
  }
  if (name === 'boolean' && /^(true|false|1|0)$/.test(node.text))
    return node.text === 'true' || node.text === '1';
  return node.text;
}

/**
 * Any other element: its (typed) text, or an object of its children (repeated names become arrays); `xsi:nil`
 * makes it absent.
 */
function generic(node: XNode): unknown {
  if (schemaAttr(node, 'nil') === 'true') return undefined;
  const attributes = typedAttributes(node.attrs);
  if (!node.children.length) {
    if (!Object.keys(attributes).length) return typedText(node);
    return node.text ? { ...attributes, '#text': node.text } : attributes;
  }
  const out: Json = { ...attributes };
  for (const c of node.children) add(out, c.name, generic(c));
  return out;
}

/** One element stays a value; a repeated one becomes a list. */
function add(target: Json, key: string, value: unknown) {
  if (value === undefined) return;
  if (!(key in target)) target[key] = value;
  else target[key] = Array.isArray(target[key]) ? [...target[key], value] : [target[key], value];
}
