import { recordAudit } from '../audit/index.ts';
import {
  type Actor,
  conflict,
  type Db,
  type DbOrTx,
  forbidden,
  notFound,
  Problem,
  sideBySide,
} from '../platform/index.ts';
import { writeWithAudit } from './audited-write.ts';
import { isUniqueViolation } from './db-errors.ts';
import { guardCompanyPrefixes, lockKeyClaims } from './key-ownership.ts';
import type { Page } from './list-query.ts';
import { findLocationsByGlns } from './location.repo.ts';
import { presentCertificate, presentOrganisation } from './organisation.presenter.ts';
import * as repo from './organisation.repo.ts';
import type {
  CertificateInput,
  OrganisationInput,
  OrganisationListQuery,
  OrganisationPatch,
  OrganisationView,
} from './organisation.schema.ts';
import { publicVersion } from './published.ts';
import { canRead, canRegisterOrganisation, canWrite, type RowScope, readScope } from './registry.policy.ts';
import { organisations } from './registry.schema.ts';
import { reviewAfterEdit } from './review-after-edit.ts';
import { normaliseTaxCode } from './tax-code.ts';
import { listTraceabilitySystems } from './traceability-system.service.ts';
import { checkCommune, checkDateOrder, checkGln, FieldErrors } from './validate.ts';

const organisationScope = (row: repo.OrganisationRow): RowScope => ({
  organisationId: row.id,
  sector: row.sector,
  communeCode: row.communeCode,
});

function checkOrganisation(input: OrganisationPatch): OrganisationPatch {
  const errors = new FieldErrors();
  let taxCode = input.taxCode;
  if (taxCode !== undefined) {
    taxCode = normaliseTaxCode(taxCode) ?? undefined;
    if (!taxCode) errors.add('taxCode', 'registry.taxCode');
  }
  checkCommune(errors, 'communeCode', input.communeCode);
  input.gs1CompanyPrefixes?.forEach((prefix, i) => {
    if (!/^\d{4,12}$/.test(prefix)) errors.add(`gs1CompanyPrefixes/${i}`, 'registry.companyPrefix');
  });
  input.glns?.forEach((gln, i) => {
    checkGln(errors, `glns/${i}`, gln);
  });
  errors.throwIfAny();
  return { ...input, taxCode };
}

async function guardTaxCode(db: DbOrTx, taxCode: string | undefined, selfId?: string) {
  if (!taxCode) return;
  const existing = await repo.findOrganisationByTaxCode(db, taxCode);
  if (existing && existing.id !== selfId) throw conflict('registry.tax-code-taken', { taxCode });
}

/**
 * A GLN belongs to one organisation: one another organisation already declares, or that names another
 * organisation's location, is refused (409), naming the field.
 */
async function guardGlns(db: DbOrTx, glns: string[] | undefined, selfId?: string) {
  if (!glns?.length) return;
  const taken = new Set<string>();
  for (const other of await repo.findOrganisationsByGlns(db, glns)) {
    if (other.id !== selfId) for (const gln of other.glns) taken.add(gln);
  }
  for (const location of await findLocationsByGlns(db, glns)) {
    if (location.organisationId !== selfId && location.gln) taken.add(location.gln);
  }
  const index = glns.findIndex((gln) => taken.has(gln));
  if (index < 0) return;
  const params = { gln: glns[index] };
  throw new Problem(409, 'registry.gln-taken', {
    params,
    errors: [{ field: `/body/glns/${index}`, code: 'registry.glnTaken', params }],
  });
}

async function readableOrganisation(db: DbOrTx, id: string, actor: Actor) {
  const row = await repo.findOrganisation(db, id);
  if (!row || !canRead(actor, organisationScope(row))) throw notFound('registry.organisation-not-found');
  return row;
}

async function writableOrganisation(db: DbOrTx, id: string, actor: Actor) {
  const row = await readableOrganisation(db, id, actor);
  if (!canWrite(actor, { organisationId: row.id })) throw forbidden();
  return row;
}

export async function createOrganisation(
  db: Db,
  input: OrganisationInput,
  actor: Actor,
): Promise<OrganisationView> {
  if (!canRegisterOrganisation(actor, input.communeCode)) throw forbidden();
  const values = checkOrganisation(input) as OrganisationInput;
  return db.transaction(async (tx) => {
    await guardTaxCode(tx, values.taxCode);
    await lockKeyClaims(tx);
    await guardCompanyPrefixes(tx, values.gs1CompanyPrefixes, null);
    await guardGlns(tx, values.glns);
    const row = await writeWithAudit(tx, {
      actor,
      entityType: 'organisation',
      before: null,
      write: () =>
        repo.insertOrganisation(tx, values).catch((err) => {
          if (isUniqueViolation(err)) throw conflict('registry.tax-code-taken', { taxCode: values.taxCode });
          throw err;
        }),
    });
    return presentOrganisation(row);
  });
}

export async function updateOrganisation(
  db: Db,
  id: string,
  patch: OrganisationPatch,
  actor: Actor,
): Promise<OrganisationView> {
  const values = checkOrganisation(patch);
  return db.transaction(async (tx) => {
    const before = await writableOrganisation(tx, id, actor);
    await guardTaxCode(tx, values.taxCode, id);
    await lockKeyClaims(tx);
    await guardCompanyPrefixes(tx, values.gs1CompanyPrefixes, id);
    await guardGlns(tx, values.glns, id);
    const row = await writeWithAudit(tx, {
      actor,
      entityType: 'organisation',
      before,
      write: () => repo.updateOrganisation(tx, id, { ...values, ...reviewAfterEdit(before, actor) }),
    });
    return presentOrganisation(row);
  });
}

/** For other modules (stamps, public pages, review): the organisation with its certificates, no access check. */
export async function getOrganisation(db: DbOrTx, id: string) {
  const row = await repo.findOrganisation(db, id);
  if (!row) return null;
  const certificates = await repo.listCertificates(db, id);
  const systems = await listTraceabilitySystems(db, id);
  return {
    ...presentOrganisation(row),
    certificates: certificates.map(presentCertificate),
    traceabilitySystems: systems,
  };
}

export async function getOrganisationsByIds(db: DbOrTx, ids: string[]): Promise<OrganisationView[]> {
  return (await repo.findOrganisationsByIds(db, [...new Set(ids)])).map(presentOrganisation);
}

/** True once anyone has registered an organisation: the demo seeds only an empty province. */
export const hasOrganisations = (db: DbOrTx) => repo.anyOrganisation(db);

export async function getOrganisationsByGlns(db: DbOrTx, glns: string[]): Promise<OrganisationView[]> {
  return (await repo.findOrganisationsByGlns(db, [...new Set(glns)])).map(presentOrganisation);
}

export async function readOrganisation(db: DbOrTx, id: string, actor: Actor) {
  await readableOrganisation(db, id, actor);
  return (await getOrganisation(db, id))!;
}

export async function listOrganisations(
  db: DbOrTx,
  query: OrganisationListQuery,
  actor: Actor,
): Promise<Page<OrganisationView>> {
  const { rows, total } = await repo.listOrganisations(db, readScope(actor), query);
  return { items: rows.map(presentOrganisation), page: query.page, pageSize: query.pageSize, total };
}

export async function addCertificate(db: Db, organisationId: string, input: CertificateInput, actor: Actor) {
  const errors = new FieldErrors();
  checkDateOrder(errors, 'validTo', input.validFrom, input.validTo, 'registry.validToBeforeValidFrom');
  errors.throwIfAny();
  return db.transaction(async (tx) => {
    await writableOrganisation(tx, organisationId, actor);
    const row = await writeWithAudit(tx, {
      actor,
      entityType: 'organisation_certificate',
      before: null,
      write: () => repo.insertCertificate(tx, { ...input, organisationId }),
    });
    return presentCertificate(row);
  });
}

export async function removeCertificate(db: Db, organisationId: string, certificateId: string, actor: Actor) {
  await db.transaction(async (tx) => {
    await writableOrganisation(tx, organisationId, actor);
    const row = await repo.deleteCertificate(tx, organisationId, certificateId);
    if (!row) throw notFound('registry.certificate-not-found');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entityType: 'organisation_certificate',
      entityId: certificateId,
      organisationId,
      before: row,
    });
  });
}

/** The version of an organisation the public sees (published.ts), with its certificates; null when none is. */
export async function getPublishedOrganisation(db: DbOrTx, id: string) {
  const row = publicVersion(organisations, await repo.findOrganisation(db, id));
  if (!row) return null;
  const [certificates, systems] = await sideBySide(db, [
    () => repo.listCertificates(db, id),
    () => listTraceabilitySystems(db, id),
  ]);
  return {
    ...presentOrganisation(row),
    certificates: certificates.map(presentCertificate),
    traceabilitySystems: systems,
  };
}

/** The versions of organisations the public sees (published.ts); organisations with none are left out. */
export async function getPublishedOrganisationsByIds(db: DbOrTx, ids: string[]): Promise<OrganisationView[]> {
  return (await repo.findOrganisationsByIds(db, [...new Set(ids)])).flatMap((row) => {
    const version = publicVersion(organisations, row);
    return version ? [presentOrganisation(version)] : [];
  });
}

/** An entry of the directory: who a partner is, as the public sees it. */
export interface DirectoryEntry {
  id: string;
  name: string;
  taxCode: string | null;
  glns: string[];
  communeCode: string | null;
}

/** The province's directory (organisation.repo.ts listDirectory), each as its public version. */
export async function listOrganisationDirectory(
  db: DbOrTx,
  query: { q?: string; page: number; pageSize: number },
): Promise<Page<DirectoryEntry>> {
  const { rows, total } = await repo.listDirectory(db, query);
  const items = rows.flatMap((row) => {
    const o = publicVersion(organisations, row);
    return o
      ? [{ id: o.id, name: o.name, taxCode: o.taxCode, glns: o.glns, communeCode: o.communeCode }]
      : [];
  });
  return { items, page: query.page, pageSize: query.pageSize, total };
}
