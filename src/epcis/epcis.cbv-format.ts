import { expandCurie, standardPrefixes, vocabularies } from './epcis.context.ts';

/**
 * How CBV values are written in XML, as the EPCIS 2.0 REST binding's `GS1-CBV-XML-Format` header asks: the JSON-LD
 * model stores the bare words of the standard context (`shipping`, `po`) or whatever URI was captured; XML has no
 * context, so a standard value becomes a URN (`urn:epcglobal:cbv:bizstep:shipping`, the server's choice under
 * No_Preference) or a Web URI (`https://ref.gs1.org/cbv/BizStep-shipping`). Never_Translates writes what is stored.
 */
export type CbvFormat = 'Always_Web_URI' | 'Always_URN' | 'Never_Translates' | 'No_Preference';

/** The five CBV vocabularies with a URN form (CBV 2.0): their URN word and Web URI class. */
export type CbvVocabulary = 'bizstep' | 'disp' | 'btt' | 'sdt' | 'er';
const webClass: Record<CbvVocabulary, string> = {
  bizstep: 'BizStep',
  disp: 'Disp',
  btt: 'BTT',
  sdt: 'SDT',
  er: 'ER',
};

/** The standard word a value names (`shipping`), or undefined when it is a URI of someone else's. */
function cbvWord(value: string, vocabulary: CbvVocabulary, prefixes: Record<string, string>) {
  // a bare word is a term of the standard context, which maps it into the CBV
  if (!value.includes(':')) return value;
  const full = expandCurie(value, prefixes);
  for (const start of [`${standardPrefixes.cbv}${webClass[vocabulary]}-`, `urn:epcglobal:cbv:${vocabulary}:`])
    if (full.startsWith(start) && full.length > start.length) return full.slice(start.length);
  return undefined;
}

/** A CBV value (bizStep, disposition, bizTransaction/source/destination type, error reason) as XML writes it. */
export function cbvForXml(
  value: string,
  vocabulary: CbvVocabulary,
  format: CbvFormat,
  prefixes: Record<string, string> = standardPrefixes,
): string {
  if (format === 'Never_Translates') return value;
  const word = cbvWord(value, vocabulary, prefixes);
  if (word === undefined) return expandCurie(value, prefixes);
  return format === 'Always_Web_URI'
    ? `${standardPrefixes.cbv}${webClass[vocabulary]}-${word}`
    : `urn:epcglobal:cbv:${vocabulary}:${word}`;
}

/** Sensor report vocabularies, which have Web URIs only (GS1 Web Vocabulary, CBV components). */
const sensorVocabularies: Record<string, Record<string, string>> = {
  type: vocabularies.measurementType,
  exception: vocabularies.sensorAlertType,
  component: vocabularies.component,
};

/**
 * A sensorReport's `type`, `exception` or `component` as a full URI (`Temperature`, `gs1:Temperature` →
 * `https://gs1.org/voc/Temperature`); there is no URN form to choose. Never_Translates writes what is stored.
 */
export function sensorTermForXml(
  attribute: 'type' | 'exception' | 'component',
  value: string,
  format: CbvFormat,
  prefixes: Record<string, string> = standardPrefixes,
): string {
  if (format === 'Never_Translates') return value;
  const known = sensorVocabularies[attribute][value];
  if (known) return known;
  // a measurement type is a GS1 Web Vocabulary word, also one the vendored context does not list yet
  if (attribute === 'type' && /^[A-Za-z][A-Za-z0-9_]*$/.test(value)) return `${standardPrefixes.gs1}${value}`;
  return expandCurie(value, prefixes);
}
