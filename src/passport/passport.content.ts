import type { Lang } from '../platform/index.ts';
import { type ItemSource, knownItems, type LabelProduct, productValue, sourceOf } from './passport.items.ts';
import type { GoodsGroupItem, GoodsGroupRow } from './passport.schema.ts';

/** The product's fields a passport keeps: those of the e-label and those of Decree 37/2026 Art. 32. */
export interface PassportProduct extends LabelProduct {
  id: string;
  organisationId: string;
  description: string | null;
  brand: string | null;
  modelCode: string | null;
  images: string[];
  sector: string | null;
  ocop: { stars: number; decision: string; validUntil: string } | null;
  geographicalIndication: string | null;
  certificationMark: string | null;
}

export interface PassportItem {
  key: string;
  vi: string;
  en: string;
  source: ItemSource;
  /** The label's own text (source `label`); the other sources are read when shown. */
  value: string | null;
}

/** One version of a passport: the product and its label as approved together (decision 058). */
export interface PassportContent {
  product: PassportProduct;
  group: { code: string; nameVi: string; nameEn: string; legalBasis: string } | null;
  items: PassportItem[];
}

export interface PassportVersion {
  /** 0: a product approved before passports were versioned, shown from its published version. */
  version: number;
  approvedAt: string;
  content: PassportContent;
}

export interface Passport {
  current: PassportVersion;
  /** Every approved version, newest first (the current one included). */
  history: { version: number; approvedAt: string }[];
}

/** The producer as a label names it (the published organisation). */
export interface LabelProducer {
  name: string;
  streetAddress: string | null;
  communeName: string | null;
  taxCode: string | null;
}

/** The lot a pack carries, when the page is about one. */
export interface LabelLot {
  lot: string;
  productionDate: string | null;
  expiryDate: string | null;
}

export function passportProduct(p: PassportProduct): PassportProduct {
  return {
    id: p.id,
    organisationId: p.organisationId,
    gtin: p.gtin,
    name: p.name,
    description: p.description,
    brand: p.brand,
    modelCode: p.modelCode,
    images: p.images,
    sector: p.sector,
    unit: p.unit,
    netQuantity: p.netQuantity,
    netQuantityUnit: p.netQuantityUnit,
    shelfLifeDays: p.shelfLifeDays,
    appliedStandards: p.appliedStandards,
    conformityDeclaration: p.conformityDeclaration,
    ocop: p.ocop ? { stars: p.ocop.stars, decision: p.ocop.decision, validUntil: p.ocop.validUntil } : null,
    geographicalIndication: p.geographicalIndication,
    certificationMark: p.certificationMark,
  };
}

/** The passport's content from a product, its label texts and its goods group. */
export function buildContent(
  product: PassportProduct,
  group: GoodsGroupRow | null,
  values: Record<string, string>,
): PassportContent {
  return {
    product: passportProduct(product),
    group: group
      ? { code: group.code, nameVi: group.nameVi, nameEn: group.nameEn, legalBasis: group.legalBasis }
      : null,
    items: (group?.items ?? []).map((item: GoodsGroupItem) => {
      const source = sourceOf(item.key);
      return {
        key: item.key,
        vi: item.vi,
        en: item.en,
        source,
        value: source === 'label' ? values[item.key]?.trim() || null : null,
      };
    }),
  };
}

export const producerLine = (p: LabelProducer, lang: Lang) =>
  [
    p.name,
    [p.streetAddress, p.communeName].filter(Boolean).join(', '),
    p.taxCode ? `${lang === 'vi' ? 'MST' : 'Tax code'} ${p.taxCode}` : null,
  ]
    .filter(Boolean)
    .join(' — ');

/** A date as the label prints it: dd/mm/yyyy. */
export const labelDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

export interface ResolvedItem {
  key: string;
  name: string;
  source: ItemSource;
  value: string | null;
}

/**
 * Each item of the label with its value in the page's language: the one reading that the e-label, the passport and
 * the completeness check share. A lot's item without a lot says it is printed on each pack.
 */
export function resolveItems(
  content: PassportContent,
  producer: LabelProducer | null,
  lot: LabelLot | null,
  lang: Lang,
): ResolvedItem[] {
  return content.items.map((item) => ({
    key: item.key,
    name: lang === 'vi' ? item.vi : item.en,
    source: item.source,
    value: itemValue(item, content.product, producer, lot, lang),
  }));
}

function itemValue(
  item: PassportItem,
  product: PassportProduct,
  producer: LabelProducer | null,
  lot: LabelLot | null,
  lang: Lang,
): string | null {
  switch (item.source) {
    case 'label':
      return item.value;
    case 'producer':
      return producer?.name && producer.streetAddress ? producerLine(producer, lang) : null;
    case 'product':
      if (item.key === 'expiry' && lot?.expiryDate) return labelDate(lot.expiryDate);
      return productValue(item.key, product, lang);
    case 'lot': {
      const onPack = lang === 'vi' ? 'Ghi trên bao bì theo từng lô' : 'Printed on each pack, per lot';
      if (!lot) return onPack;
      if (item.key === 'lotNumber') return lot.lot;
      return lot.productionDate ? labelDate(lot.productionDate) : onPack;
    }
  }
}

/** Names of the items still missing, in the language asked (the reviewer's words). */
export function missingItems(resolved: ResolvedItem[]): ResolvedItem[] {
  return resolved.filter((i) => i.value === null || i.value.trim() === '');
}

export const itemName = (key: string, lang: Lang) => knownItems[key]?.[lang] ?? key;
