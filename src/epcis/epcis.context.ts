import { vendored } from './epcis.vendor.ts';

const standardContext = JSON.parse(vendored.context)['@context'] as Record<string, any>;

/** Prefixes the standard EPCIS 2.0 context declares (epcis, cbv, gs1, cbvmda, …). */
export const standardPrefixes: Record<string, string> = Object.fromEntries(
  Object.entries(standardContext).filter(
    ([, v]) => typeof v === 'string' && /[/#:]$/.test(v) && !v.startsWith('@'),
  ) as [string, string][],
);

function expandCurie(value: string, prefixes: Record<string, string>): string {
  const colon = value.indexOf(':');
  // `https://…` is an absolute URI, never a CURIE, whatever prefixes a document declares
  if (colon > 0 && !value.startsWith('//', colon + 1)) {
    const ns = prefixes[value.slice(0, colon)];
    if (ns) return ns + value.slice(colon + 1);
  }
  return value;
}

/** Terms of one @vocab-typed property of the standard context (e.g. bizStep: shipping → https://ref.gs1.org/cbv/BizStep-shipping). */
function termsOf(definition: any): Record<string, string> {
  const scoped = Array.isArray(definition['@context']) ? definition['@context'] : [definition['@context']];
  const terms: Record<string, string> = {};
  for (const part of scoped) {
    for (const [term, iri] of Object.entries(part ?? {})) {
      if (typeof iri === 'string' && !term.startsWith('@') && term !== 'epcis')
        terms[term] = expandCurie(iri, standardPrefixes);
    }
  }
  return terms;
}

const sub = (path: string[]) =>
  path.reduce((def: any, key) => def['@context'][key], { '@context': standardContext });

/**
 * Bare vocabulary words (CBV and GS1 Web Vocabulary) as the standard context expands them, keyed by where they may
 * appear. Derived from the vendored context so it cannot drift from it.
 */
export const vocabularies = {
  bizStep: termsOf(standardContext.bizStep),
  disposition: termsOf(standardContext.disposition),
  sourceDestType: termsOf(sub(['sourceList', 'type'])),
  bizTransactionType: termsOf(sub(['bizTransactionList', 'type'])),
  measurementType: termsOf(sub(['sensorElementList', 'sensorReport', 'type'])),
  sensorAlertType: termsOf(sub(['sensorElementList', 'sensorReport', 'exception'])),
  component: termsOf(sub(['sensorElementList', 'sensorReport', 'component'])),
  errorReason: termsOf(sub(['errorDeclaration', 'reason'])),
};

/** Prefix declarations of a document's (or event's) @context: `[url, {ex: 'https://ns.example.com/'}]` → map. */
export function prefixesOf(context: unknown, inherited: Record<string, string> = standardPrefixes) {
  const prefixes = { ...inherited };
  const parts = Array.isArray(context) ? context : [context];
  for (const part of parts) {
    if (part && typeof part === 'object') {
      for (const [k, v] of Object.entries(part)) {
        if (typeof v === 'string' && !k.startsWith('@')) prefixes[k] = v;
        else if (v && typeof v === 'object' && typeof (v as any)['@id'] === 'string')
          prefixes[k] = (v as any)['@id'];
      }
    }
  }
  return prefixes;
}

export { expandCurie };
