import { validateXML } from 'xmllint-wasm';
import type { FieldError } from '../platform/index.ts';
import { vendored } from './epcis.vendor.ts';

/**
 * EPCIS 2.0 XML checked against the official XSD (vendor/xsd) before it is converted: element order, enumerations,
 * types and unknown elements, as xmllint (libxml2, compiled to WebAssembly) reads the schema. The schema is chosen
 * by the root element: events, query results or master data.
 */
const schemaOf: Record<string, string> = {
  EPCISDocument: 'EPCglobal-epcis-2_0.xsd',
  EPCISQueryDocument: 'EPCglobal-epcis-query-2_0.xsd',
  EPCISMasterDataDocument: 'EPCglobal-epcis-masterdata-2_0.xsd',
};
const files = Object.entries(vendored.xsd).map(([fileName, contents]) => ({ fileName, contents }));

/** The local name of the document's root element: the first element after the prolog and comments. */
function rootName(xml: string): string | null {
  const match = /<(?![?!])(?:[\w.-]+:)?([\w.-]+)/.exec(xml);
  return match ? match[1] : null;
}

export async function xsdErrors(xml: string): Promise<FieldError[]> {
  const root = rootName(xml);
  const schema = root ? schemaOf[root] : undefined;
  if (!schema) return [{ field: '/', code: 'epcis.notADocument' }];
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: files.filter((f) => f.fileName === schema),
    preload: files.filter((f) => f.fileName !== schema),
    // a 20 MB capture parsed whole: up to 1 GiB of WebAssembly memory, taken only as needed
    maxMemoryPages: 16_384,
  }).catch((err: Error) => ({
    valid: false,
    errors: [{ message: `xmllint: ${String(err.message).split('\n')[0]}`, loc: null }],
  }));
  if (result.valid) return [];
  return result.errors.slice(0, 20).map((e) => xsdError(e.message, e.loc?.lineNumber ?? null));
}

/**
 * xmllint's English sentence, read into a code and its values, so the answer can say it in the requester's language:
 * an element out of place, a value outside its list, a value of the wrong type, a missing element.
 */
function xsdError(message: string, line: number | null): FieldError {
  const field = '/';
  const element = /Element '([^']+)'/.exec(message)?.[1] ?? '';
  const at = { line: line ?? '?', element };
  let m = /This element is not expected\. Expected is (?:one of )?\( ?([^)]*?) ?\)/.exec(message);
  if (m) return { field, code: 'epcis.xsd.unexpected', params: { ...at, expected: m[1] } };
  if (/This element is not expected/.test(message))
    return { field, code: 'epcis.xsd.unexpectedEnd', params: at };
  m = /Missing child element\(s\)\. Expected is (?:one of )?\( ?([^)]*?) ?\)/.exec(message);
  if (m) return { field, code: 'epcis.xsd.missing', params: { ...at, expected: m[1] } };
  m = /The value '([^']*)' is not an element of the set \{([^}]*)\}/.exec(message);
  if (m) return { field, code: 'epcis.xsd.notInList', params: { ...at, value: m[1], allowed: m[2] } };
  m = /'([^']*)' is not a valid value of the (?:atomic|local|list) type/.exec(message);
  if (m) return { field, code: 'epcis.xsd.badValue', params: { ...at, value: m[1] } };
  return {
    field,
    code: 'epcis.xsd.other',
    params: { ...at, reason: message.replace(/^.*?error : /, '').trim() },
  };
}
