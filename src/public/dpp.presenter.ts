import type { Lang } from '../platform/index.ts';
import type { Subject } from '../resolver/index.ts';
import { originOf, type PassportPageData, passportItems } from './passport.page.ts';

/** The label items the GS1 Web vocabulary has a term for; the others are `schema:additionalProperty`. */
const gs1Terms: Record<string, string> = {
  ingredients: 'ingredientStatement',
  warnings: 'consumerSafetyInformation',
  usage: 'consumerUsageInstructions',
  storage: 'consumerStorageInstructions',
  nutrition: 'nutritionalClaim',
};
/** Items the document already carries as structured terms (name, GTIN, producer, dates, standards). */
const structured = new Set([
  'productName',
  'gtin',
  'responsibleParty',
  'netQuantity',
  'productionDate',
  'packingDate',
  'expiry',
  'lotNumber',
  'standards',
]);

const both = (vi: string | null, en: string | null) =>
  vi === null
    ? undefined
    : [
        { '@value': vi, '@language': 'vi' },
        ...(en && en !== vi ? [{ '@value': en, '@language': 'en' }] : []),
      ];

/**
 * The digital product passport (Decree 37/2026 Art. 32) as JSON-LD in the GS1 Web vocabulary: name and GTIN,
 * producer with address and tax code, origin, traceability, certificates, dates, safety warnings and the e-label's
 * other items, from the approved version shown (its number, date and the earlier versions' addresses).
 */
export function presentDpp(
  subject: Subject,
  data: PassportPageData,
  uri: string,
  urls: { page: string; passport: string; label: string },
) {
  const { organisation, lot } = subject;
  const { current, history } = data.passport;
  const product = current.content.product;
  const items = { vi: passportItems(data, 'vi'), en: passportItems(data, 'en') };
  const valueIn = (lang: Lang, key: string) => items[lang].find((i) => i.key === key)?.value ?? null;
  const labelTerms: Record<string, unknown> = {};
  const extra: unknown[] = [];
  for (const item of items.vi) {
    if (structured.has(item.key) || !item.value) continue;
    const value = both(item.value, valueIn('en', item.key));
    if (gs1Terms[item.key]) labelTerms[gs1Terms[item.key]] = value;
    else
      extra.push({ '@type': 'schema:PropertyValue', name: item.key, 'schema:description': item.name, value });
  }
  return {
    '@context': {
      gs1: 'https://gs1.org/voc/',
      schema: 'https://schema.org/',
      '@vocab': 'https://gs1.org/voc/',
    },
    '@id': uri,
    '@type': 'gs1:Product',
    gtin: product.gtin,
    productName: [{ '@value': product.name, '@language': 'vi' }],
    brand: product.brand ? { '@type': 'gs1:Brand', brandName: product.brand } : undefined,
    netContent:
      product.netQuantity !== null
        ? { '@type': 'gs1:QuantitativeValue', value: product.netQuantity, unitCode: product.netQuantityUnit }
        : undefined,
    image: product.images,
    'schema:additionalProperty': [
      ...product.appliedStandards.map((s) => ({
        '@type': 'schema:PropertyValue',
        name: 'appliedStandard',
        value: s,
      })),
      product.conformityDeclaration
        ? {
            '@type': 'schema:PropertyValue',
            name: 'conformityDeclaration',
            value: product.conformityDeclaration,
          }
        : null,
      product.ocop ? { '@type': 'schema:PropertyValue', name: 'ocopStars', value: product.ocop.stars } : null,
      product.geographicalIndication
        ? {
            '@type': 'schema:PropertyValue',
            name: 'geographicalIndication',
            value: product.geographicalIndication,
          }
        : null,
      ...extra,
    ].filter(Boolean),
    manufacturer: organisation
      ? {
          '@type': 'gs1:Organization',
          organizationName: organisation.name,
          'schema:taxID': organisation.taxCode,
          address: {
            '@type': 'gs1:PostalAddress',
            streetAddress: organisation.streetAddress,
            addressLocality: organisation.communeName,
            countryCode: 'VN',
          },
          certification: organisation.certificates.map((c) => ({
            '@type': 'gs1:CertificationDetails',
            certificationStandard: c.kind,
            certificationIdentification: c.number,
            certificationAgency: c.issuer,
            certificationEndDate: c.validTo,
          })),
        }
      : undefined,
    countryOfOrigin: { '@type': 'gs1:Country', countryCode: 'VN' },
    countryOfLastProcessing: { '@type': 'gs1:Country', countryCode: 'VN' },
    'schema:countryOfOrigin': both(originOf(data, items.vi, 'vi'), originOf(data, items.en, 'en')),
    ...labelTerms,
    lot: lot
      ? {
          batchNumber: lot.lot,
          productionDate: lot.productionDate,
          expirationDate: lot.expiryDate,
          recallStatus: lot.status === 'recalled',
        }
      : undefined,
    minimumDaysShelfLife: product.shelfLifeDays ?? undefined,
    pip: urls.page,
    traceability: `${urls.page}#journey`,
    dpp: urls.passport,
    epil: urls.label,
    verifiedByAuthority: true,
    'schema:version': current.version,
    'schema:dateModified': current.approvedAt,
    'schema:archivedAt': history
      .filter((h) => h.version !== current.version)
      .map((h) => `${urls.passport}?version=${h.version}`),
  };
}
