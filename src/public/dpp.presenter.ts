import type { Subject } from '../resolver/index.ts';

/**
 * The digital product passport / electronic label (Decree 37/2026 Art. 32) as JSON-LD in the GS1 Web
 * vocabulary: name and GTIN, producer with address and tax code, origin, certificates, dates, standards.
 */
export function presentDpp(subject: Subject, uri: string, pageUrl: string) {
  const { product, organisation, lot } = subject;
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
    netContent: product.netQuantity
      ? { '@type': 'gs1:QuantitativeValue', value: product.netQuantity, unitCode: product.netQuantityUnit }
      : undefined,
    image: product.images,
    'schema:additionalProperty': [
      ...product.appliedStandards.map((s) => ({
        '@type': 'schema:PropertyValue',
        name: 'appliedStandard',
        value: s,
      })),
      product.ocop ? { '@type': 'schema:PropertyValue', name: 'ocopStars', value: product.ocop.stars } : null,
      product.geographicalIndication
        ? {
            '@type': 'schema:PropertyValue',
            name: 'geographicalIndication',
            value: product.geographicalIndication,
          }
        : null,
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
    lot: lot
      ? {
          batchNumber: lot.lot,
          productionDate: lot.productionDate,
          expirationDate: lot.expiryDate,
          recallStatus: lot.status === 'recalled',
        }
      : undefined,
    minimumDaysShelfLife: product.shelfLifeDays ?? undefined,
    pip: pageUrl,
    verifiedByAuthority: product.reviewStatus === 'approved',
  };
}
