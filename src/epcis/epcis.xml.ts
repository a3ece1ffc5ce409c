import { XMLParser } from 'fast-xml-parser';
import { badRequest } from '../platform/index.ts';
import { epcisContextUrl } from './epcis.presenter.ts';

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
  htmlEntities: false,
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

function namespacesOf(node: XNode, found: Record<string, string> = {}): Record<string, string> {
  for (const [attr, value] of Object.entries(node.attrs)) {
    if (!attr.startsWith('xmlns:')) continue;
    const prefix = attr.slice(6);
    if (!reservedPrefixes.has(prefix) && !standardNamespace.test(value)) found[prefix] = value;
  }
  for (const child of node.children) namespacesOf(child, found);
  return found;
}

export function isXmlDocument(text: string): boolean {
  return /^\s*(<\?xml|<)/.test(text);
}

/** Parses an EPCIS XML document into the JSON-LD model; throws Problem 400 when it is not one. */
export function epcisXmlToJson(xml: string): Json {
  // A bare <!DOCTYPE x> is harmless; entity declarations (billion laughs, external entities) are refused.
  if (/<!ENTITY|<!DOCTYPE[^>]*\[/i.test(xml))
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
  const root = nodes.find((n) => ['EPCISDocument', 'EPCISQueryDocument'].includes(local(n.name)));
  if (!root) throw badRequest([{ field: '/', code: 'epcis.notADocument' }], 'epcis-invalid-document');
  unprefixStandard(root, standardPrefixesOf(root));
  const namespaces = namespacesOf(root);
  const body = root.children.find((c) => local(c.name) === 'EPCISBody');
  const document: Json = {
    '@context': Object.keys(namespaces).length ? [epcisContextUrl, namespaces] : [epcisContextUrl],
    type: local(root.name),
    schemaVersion: root.attrs.schemaVersion ?? '2.0',
    creationDate: root.attrs.creationDate,
  };
  for (const child of root.children)
    if (local(child.name) === 'ignoreFields') document[child.name] = child.children.map((c) => c.name);
  if (document.type === 'EPCISDocument') {
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
  return document;
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

/** XML writes CBV values as EPCIS 1.x URNs; the JSON binding writes the standard ones as bare words. */
const cbvUrn = /^urn:epcglobal:cbv:(bizstep|disp|btt|sdt|er):(.+)$/;
const bareCbv = (value: string) => cbvUrn.exec(value)?.[2] ?? value;

function eventOf(node: XNode): Json {
  const event: Json = { type: node.name };
  // EPCIS 1.x kept eventID and errorDeclaration in <baseExtension>, newer fields in <extension>.
  const fields = flatten(node.children);
  for (const field of fields) {
    const { name } = field;
    if (idLists.has(name)) event[name] = [...new Set(field.children.map((c) => c.text))];
    else if (quantityLists.has(name)) event[name] = field.children.map(quantityOf);
    else if (name in linkLists)
      event[name] = field.children.map((c) => ({
        ...(c.attrs.type ? { type: bareCbv(c.attrs.type) } : {}),
        [linkLists[name]]: c.text,
      }));
    else if (name === 'bizStep' || name === 'disposition') event[name] = bareCbv(field.text);
    else if (name === 'persistentDisposition') event[name] = groupTexts(field.children, bareCbv);
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
  const quantity = childText(node, 'quantity');
  if (quantity !== undefined) q.quantity = Number(quantity);
  const uom = childText(node, 'uom');
  if (uom !== undefined) q.uom = uom;
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
    if (k.startsWith('xmlns')) continue;
    out[k] = numericAttributes.has(k) ? Number(v) : k === 'booleanValue' ? v === 'true' || v === '1' : v;
  }
  return out;
}

function sensorElementOf(node: XNode): Json {
  const element: Json = {};
  for (const c of flatten(node.children)) {
    if (c.name === 'sensorMetadata') element.sensorMetadata = typedAttributes(c.attrs);
    else if (c.name === 'sensorReport')
      element.sensorReport = [...(element.sensorReport ?? []), typedAttributes(c.attrs)];
    else add(element, c.name, generic(c));
  }
  return element;
}

function errorDeclarationOf(node: XNode): Json {
  const declaration: Json = {};
  for (const c of flatten(node.children)) {
    if (c.name === 'correctiveEventIDs') declaration.correctiveEventIDs = c.children.map((x) => x.text);
    else if (c.name === 'reason') declaration.reason = bareCbv(c.text);
    else add(declaration, c.name, generic(c));
  }
  return declaration;
}

/** Any other element: its text, or an object of its children (repeated names become arrays). */
function generic(node: XNode): unknown {
  const attributes = typedAttributes(node.attrs);
  if (!node.children.length) {
    if (!Object.keys(attributes).length) return node.text;
    return node.text ? { ...attributes, '#text': node.text } : attributes;
  }
  const out: Json = { ...attributes };
  for (const c of node.children) add(out, c.name, generic(c));
  return out;
}

/** One element stays a value; a repeated one becomes a list. */
function add(target: Json, key: string, value: unknown) {
  if (!(key in target)) target[key] = value;
  else target[key] = Array.isArray(target[key]) ? [...target[key], value] : [target[key], value];
}
