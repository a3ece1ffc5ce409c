import crypto from 'node:crypto';
import { type Actor, conflict, type Db, type DbOrTx, forbidden, notFound } from '../platform/index.ts';
import { writeWithAudit } from './audited-write.ts';
import { isUniqueViolation } from './db-errors.ts';
import type { Page } from './list-query.ts';
import { presentLocation } from './location.presenter.ts';
import * as repo from './location.repo.ts';
import type { LocationInput, LocationListQuery, LocationPatch, LocationView } from './location.schema.ts';
import { findOrganisation } from './organisation.repo.ts';
import { publicVersion } from './published.ts';
import { canRead, canWrite, type RowScope, readScope } from './registry.policy.ts';
import { locations } from './registry.schema.ts';
import { reviewAfterEdit } from './review-after-edit.ts';
import { checkCommune, checkGln, FieldErrors } from './validate.ts';

const locationScope = (row: repo.ScopedLocationRow): RowScope => ({
  organisationId: row.organisationId,
  sector: row.ownerSector,
  communeCode: row.communeCode ?? row.ownerCommune,
});

/** An internal location code for places without a GLN: short, unambiguous letters and digits. */
export function newInternalLocationCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = crypto.randomBytes(10);
  return `LOC-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}

function checkLocation(input: LocationPatch, current?: repo.LocationRow) {
  const errors = new FieldErrors();
  if (input.gln !== undefined) checkGln(errors, 'gln', input.gln);
  checkCommune(errors, 'communeCode', input.communeCode);
  const latitude = input.latitude !== undefined ? input.latitude : current?.latitude;
  const longitude = input.longitude !== undefined ? input.longitude : current?.longitude;
  if ((latitude == null) !== (longitude == null)) {
    errors.add(input.latitude === undefined ? 'latitude' : 'longitude', 'registry.coordinatesPair');
  }
  if (input.polygon) {
    const polygons =
      input.polygon.type === 'Polygon' ? [input.polygon.coordinates] : input.polygon.coordinates;
    const open = polygons.some((rings) =>
      rings.some((r) => r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1]),
    );
    if (open) errors.add('polygon', 'registry.polygon');
  }
  errors.throwIfAny();
}

async function guardGln(db: DbOrTx, gln: string | undefined, selfId?: string) {
  if (!gln) return;
  const existing = await repo.findLocationByGln(db, gln);
  if (existing && existing.id !== selfId) throw conflict('registry.gln-taken', { gln });
}

async function readableLocation(db: DbOrTx, id: string, actor: Actor) {
  const row = await repo.findLocation(db, id);
  if (!row || !canRead(actor, locationScope(row))) throw notFound('registry.location-not-found');
  return row;
}

export async function createLocation(db: Db, input: LocationInput, actor: Actor): Promise<LocationView> {
  checkLocation(input);
  return db.transaction(async (tx) => {
    const owner = await findOrganisation(tx, input.organisationId);
    if (!owner || !canWrite(actor, { organisationId: owner.id })) {
      const errors = new FieldErrors();
      errors.add('organisationId', 'registry.unknownOrganisation');
      errors.throwIfAny();
    }
    await guardGln(tx, input.gln);
    const row = await writeWithAudit(tx, {
      actor,
      entityType: 'location',
      before: null,
      write: () =>
        repo.insertLocation(tx, { ...input, internalCode: newInternalLocationCode() }).catch((err) => {
          if (isUniqueViolation(err)) throw conflict('registry.gln-taken', { gln: input.gln });
          throw err;
        }),
    });
    return presentLocation(row);
  });
}

export async function updateLocation(db: Db, id: string, patch: LocationPatch, actor: Actor) {
  return db.transaction(async (tx) => {
    const before = await readableLocation(tx, id, actor);
    if (!canWrite(actor, before)) throw forbidden();
    checkLocation(patch, before);
    await guardGln(tx, patch.gln, id);
    const row = await writeWithAudit(tx, {
      actor,
      entityType: 'location',
      before,
      write: () => repo.updateLocation(tx, id, { ...patch, ...reviewAfterEdit(before, actor) }),
    });
    return presentLocation(row);
  });
}

export async function readLocation(db: DbOrTx, id: string, actor: Actor): Promise<LocationView> {
  return presentLocation(await readableLocation(db, id, actor));
}

export async function listLocations(
  db: DbOrTx,
  query: LocationListQuery,
  actor: Actor,
): Promise<Page<LocationView>> {
  const { rows, total } = await repo.listLocations(db, readScope(actor), query);
  return { items: rows.map(presentLocation), page: query.page, pageSize: query.pageSize, total };
}

/** For other modules: no access check. */
export async function getLocation(db: DbOrTx, id: string): Promise<LocationView | null> {
  const row = await repo.findLocation(db, id);
  return row ? presentLocation(row) : null;
}

export async function getLocationByGln(db: DbOrTx, gln: string): Promise<LocationView | null> {
  const row = await repo.findLocationByGln(db, gln);
  return row ? presentLocation(row) : null;
}

export async function getLocationsByGlns(db: DbOrTx, glns: string[]): Promise<LocationView[]> {
  return (await repo.findLocationsByGlns(db, [...new Set(glns)])).map(presentLocation);
}

export async function getLocationsByIds(db: DbOrTx, ids: string[]): Promise<LocationView[]> {
  return (await repo.findLocationsByIds(db, [...new Set(ids)])).map(presentLocation);
}

export async function listLocationsOfOrganisation(
  db: DbOrTx,
  organisationId: string,
): Promise<LocationView[]> {
  const { rows } = await repo.listLocations(
    db,
    { kind: 'organisations', ids: [organisationId] },
    { page: 1, pageSize: 1000, sort: 'name' },
  );
  return rows.map(presentLocation);
}

/** The versions of locations the public sees (published.ts); locations with none are left out. */
export async function getPublishedLocationsByIds(db: DbOrTx, ids: string[]): Promise<LocationView[]> {
  const rows = await repo.findLocationsByIds(db, [...new Set(ids)]);
  return rows.flatMap((row) => {
    const version = publicVersion(locations, row);
    return version ? [presentLocation(version)] : [];
  });
}

export async function getPublishedLocation(db: DbOrTx, id: string): Promise<LocationView | null> {
  return (await getPublishedLocationsByIds(db, [id]))[0] ?? null;
}
