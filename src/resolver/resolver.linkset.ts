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

/** One context object of a linkset: what a level (item, lot, product) is, and its links. */
export interface LinksetEntry {
  anchor: string;
  itemDescription: string;
  links: Link[];
}

/**
 * RFC 9264 linkset as GS1's linkset schema has it: one context object per level, most specific first, each anchored
 * at that level's uncompressed Digital Link and saying what it is (`itemDescription`); relation types are full GS1
 * vocabulary URIs. The first entry (the URI asked about) names the default link under `gs1:defaultLink`.
 */
export function linksetDocument(entries: LinksetEntry[]) {
  const target = (l: Link) => ({
    href: l.href,
    title: l.title,
    ...(l.mediaType ? { type: l.mediaType } : {}),
    hreflang: l.hreflang,
  });
  return {
    linkset: entries.map(({ anchor, itemDescription, links }, i) => {
      const entry: Record<string, unknown> = { anchor, itemDescription };
      const def = i === 0 ? links.find((l) => l.type === 'pip') : undefined;
      // the default link says only where and what (GS1 resolver conformance); its type and languages are on its own entry
      if (def) entry[`${gs1Voc}defaultLink`] = [{ href: def.href, title: def.title }];
      for (const l of links) {
        const rel = `${gs1Voc}${l.type}`;
        const list = (entry[rel] as unknown[] | undefined) ?? [];
        list.push(target(l));
        entry[rel] = list;
      }
      return entry;
    }),
  };
}
