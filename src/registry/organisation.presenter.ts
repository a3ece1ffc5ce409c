import { findAdministrativeUnit } from './admin-units.ts';
import type { ReviewStatus } from './list-query.ts';
import type { CertificateRow, OrganisationRow } from './organisation.repo.ts';
import type { OrganisationView } from './organisation.schema.ts';

export const communeName = (code: string | null) =>
  code ? (findAdministrativeUnit(code)?.name ?? null) : null;

export function presentOrganisation(row: OrganisationRow): OrganisationView {
  return {
    id: row.id,
    name: row.name,
    taxCode: row.taxCode,
    type: row.type,
    sector: row.sector,
    communeCode: row.communeCode,
    communeName: communeName(row.communeCode),
    streetAddress: row.streetAddress,
    representative: row.representative,
    phone: row.phone,
    email: row.email,
    gs1CompanyPrefixes: row.gs1CompanyPrefixes,
    glns: row.glns,
    reviewStatus: row.reviewStatus as ReviewStatus,
    reviewNote: row.reviewNote,
    publicVersionKept: row.publishedRow != null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentCertificate(row: CertificateRow) {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    issuer: row.issuer,
    validFrom: row.validFrom,
    validTo: row.validTo,
    fileUrl: row.fileUrl,
  };
}
