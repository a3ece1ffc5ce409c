import { gs1Voc, type Link } from './resolver.links.ts';

/** The JSON-LD context that makes a TXNG linkset readable as linked data (served by the resolver). */
export const linksetContext = {
  '@context': {
    '@version': 1.1,
    gs1: gs1Voc,
    linkset: '@graph',
    anchor: '@id',
    href: '@id',
    title: 'http://purl.org/dc/terms/title',
    itemDescription: 'http://purl.org/dc/terms/description',
    type: 'http://purl.org/dc/terms/format',
    hreflang: 'http://purl.org/dc/terms/language',
  },
};

/**
 * RFC 9264 linkset as GS1's linkset schema has it: one context object whose anchor is the requested (uncompressed)
 * URI and whose `itemDescription` says what the item is; relation types are full GS1 vocabulary URIs, the default
 * link under `gs1:defaultLink`.
 */
export function linksetDocument(anchor: string, itemDescription: string, links: Link[]) {
  const target = (l: Link) => ({ href: l.href, title: l.title, type: l.mediaType, hreflang: l.hreflang });
  const entry: Record<string, unknown> = { anchor, itemDescription };
  const def = links.find((l) => l.type === 'pip');
  // the default link says only where and what (GS1 resolver conformance); its type and languages are on its own entry
  if (def) entry[`${gs1Voc}defaultLink`] = [{ href: def.href, title: def.title }];
  for (const l of links) {
    const rel = `${gs1Voc}${l.type}`;
    const list = (entry[rel] as unknown[] | undefined) ?? [];
    list.push(target(l));
    entry[rel] = list;
  }
  return { linkset: [entry] };
}
