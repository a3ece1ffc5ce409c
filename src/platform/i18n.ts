/** The two languages of TXNG: Vietnamese by default, English on request. */
export type Lang = 'vi' | 'en';

type Catalogue = Record<string, { vi: string; en: string }>;
const catalogue: Catalogue = {};

/**
 * Modules add their messages at import time. A message may hold `{name}` placeholders.
 * Keys are namespaced by module (`epcis.ilmdOnlyOnAdd`), so a clash is a programming error.
 */
export function defineMessages(messages: Catalogue): void {
  for (const [key, value] of Object.entries(messages)) {
    if (catalogue[key] && catalogue[key].en !== value.en) throw new Error(`message "${key}" defined twice`);
    catalogue[key] = value;
  }
}

export function t(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const entry = catalogue[key];
  const text = entry ? entry[lang] : key;
  // most messages have no placeholder: no pattern to run (the consumer page asks for a dozen a view)
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

export function hasMessage(key: string): boolean {
  return key in catalogue;
}

/** Picks vi or en from an Accept-Language header, honouring q-values; Vietnamese when nothing matches. */
export function pickLanguage(header: string | undefined | null): Lang {
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.tag && !Number.isNaN(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'vi' || tag.startsWith('vi-')) return 'vi';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'vi';
}
