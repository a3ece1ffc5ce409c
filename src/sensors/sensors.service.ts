import { randomToken, sha256 } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { listMembershipsOf, type Membership } from '../catalogues/index.ts';
import {
  type Actor,
  actingOrganisation,
  badRequest,
  type Db,
  type DbOrTx,
  type FieldError,
  forbidden,
  isStaff,
  notFound,
  Problem,
  type SendMail,
} from '../platform/index.ts';
import {
  getLocationsByIds,
  getLot,
  getOrganisationsByIds,
  getProduct,
  type LotView,
} from '../registry/index.ts';
import type {
  DeviceInput,
  DeviceView,
  ExcursionView,
  LotSensorsView,
  ReadingInput,
  ThresholdInput,
  ThresholdView,
} from './sensors.api.ts';
import { detect, type Excursion } from './sensors.detect.ts';
import { describeExcursion } from './sensors.words.ts';
import './sensors.messages.ts';
import { mayManageSensors, mayPublishExcursions, mayReadSensors, readsAllSensors } from './sensors.policy.ts';
import * as repo from './sensors.repo.ts';
import type { ReadingSource } from './sensors.schema.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

// ---------------------------------------------------------------------------------------------------------------
// ingestion: every source ends here

/**
 * Stores the readings (one INSERT) and runs them through the thresholds of their organisations, in the caller's
 * transaction: pending excursions are started, opened (an alert to the organisation, and to the sector department
 * when a mandatory list names the product), closed or dropped. Returns how many excursions opened.
 */
export async function ingestReadings(tx: DbOrTx, list: repo.ReadingRow[]): Promise<{ opened: number }> {
  if (!list.length) return { opened: 0 };
  await repo.insertReadings(tx, list);
  const thresholds = await repo.activeThresholdsOf(
    tx,
    [...new Set(list.map((r) => r.organisationId))],
    [...new Set(list.map((r) => r.kind))],
  );
  if (!thresholds.length) return { opened: 0 };
  const byTarget = new Map<string, repo.ThresholdRow[]>();
  for (const t of thresholds) {
    const target =
      t.target === 'product' ? t.productId : t.target === 'location' ? t.locationId : t.shipmentId;
    const key = `${t.organisationId}|${t.kind}|${t.target}|${target}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), t]);
  }
  const groups = new Map<
    string,
    {
      threshold: repo.ThresholdRow;
      first: repo.ReadingRow;
      series: string;
      points: { at: Date; value: number }[];
    }
  >();
  for (const r of list) {
    const series = r.deviceId
      ? `device:${r.deviceId}`
      : r.lotId
        ? `lot:${r.lotId}`
        : r.shipmentId
          ? `shipment:${r.shipmentId}`
          : `location:${r.locationId}`;
    for (const [target, id] of [
      ['product', r.productId],
      ['location', r.locationId],
      ['shipment', r.shipmentId],
    ] as const) {
      if (!id) continue;
      for (const t of byTarget.get(`${r.organisationId}|${r.kind}|${target}|${id}`) ?? []) {
        const key = `${t.id}|${series}`;
        let group = groups.get(key);
        if (!group) {
          group = { threshold: t, first: r, series, points: [] };
          groups.set(key, group);
        }
        group.points.push({ at: r.at, value: r.value });
      }
    }
  }
  if (!groups.size) return { opened: 0 };
  // two batches of one series at once (a logger retrying, two captures of a lot) take turns, so neither misses the
  // other's running excursion nor meets it in the unique index; keys in one order, so no two batches deadlock
  await repo.lockSeries(tx, [...groups.keys()].sort());
  const running = new Map(
    (await repo.runningExcursions(tx, [...new Set([...groups.values()].map((g) => g.threshold.id))])).map(
      (e) => [`${e.thresholdId}|${e.series}`, e],
    ),
  );
  const opened: repo.ExcursionRow[] = [];
  for (const [key, g] of groups) {
    const t = g.threshold;
    const range = { min: t.min, max: t.max, durationSeconds: t.durationSeconds };
    const before = running.get(key) ?? null;
    const carried: (Excursion & { id?: string }) | null = before
      ? {
          id: before.id,
          state: before.state as Excursion['state'],
          startedAt: before.startedAt,
          lastOutAt: before.lastOutAt,
          endedAt: before.endedAt,
          worstValue: before.worstValue,
          worstAt: before.worstAt,
        }
      : null;
    g.points.sort((a, b) => a.at.getTime() - b.at.getTime());
    const result = detect(range, carried, g.points);
    const where: repo.ExcursionWhere = {
      organisationId: t.organisationId,
      thresholdId: t.id,
      series: g.series,
      kind: t.kind,
      min: t.min,
      max: t.max,
      durationSeconds: t.durationSeconds,
      deviceId: g.first.deviceId,
      lotId: g.first.lotId,
      productId: g.first.productId,
      locationId: g.first.locationId,
      shipmentId: g.first.shipmentId,
    };
    if (result.dropped && before) await repo.deleteExcursion(tx, before.id);
    const idOf = new Map<Excursion, string>();
    for (const e of [...result.closed, ...(result.running ? [result.running] : [])]) {
      const id = (e as { id?: string }).id;
      if (id) {
        await repo.updateExcursion(tx, id, e);
        idOf.set(e, id);
      } else {
        idOf.set(e, (await repo.insertExcursion(tx, where, e)).id);
      }
    }
    for (const e of result.opened) {
      const id = idOf.get(e);
      if (id) opened.push({ ...(await repo.findExcursion(tx, id))! });
    }
  }
  if (opened.length) await alertOpened(tx, opened);
  return { opened: opened.length };
}

/** One alert to the organisation per opened excursion, and one to each sector whose mandatory list names its product. */
async function alertOpened(tx: DbOrTx, opened: repo.ExcursionRow[]) {
  const productIds = [...new Set(opened.map((e) => e.productId).filter((p): p is string => p !== null))];
  const memberships: Map<string, Membership[]> = productIds.length
    ? await listMembershipsOf(tx, productIds, null)
    : new Map();
  const alerts: Parameters<typeof repo.insertAlerts>[1] = [];
  for (const e of opened) {
    alerts.push({ excursionId: e.id, audience: 'organisation', organisationId: e.organisationId });
    const sectors = new Set(
      (e.productId ? (memberships.get(e.productId) ?? []) : [])
        .filter((m) => m.kind === 'mandatory')
        .map((m) => m.sector),
    );
    // one alert row per audience: the first sector's department (a product rarely sits on two sectors' lists)
    const [sector] = [...sectors];
    if (sector)
      alerts.push({ excursionId: e.id, audience: 'sector', organisationId: e.organisationId, sector });
  }
  await repo.insertAlerts(tx, alerts);
}

// ---------------------------------------------------------------------------------------------------------------
// devices

/** `txngd_<prefix>_<secret>`: the prefix names the device's key in lists, only the hash of the whole key is kept. */
function newDeviceKey() {
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const key = `txngd_${prefix}_${randomToken(32)}`;
  return { prefix, key, keyHash: sha256(key) };
}

const presentDevice = (d: repo.DeviceRow): DeviceView => ({
  id: d.id,
  organisationId: d.organisationId,
  name: d.name,
  prefix: d.prefix,
  lotId: d.lotId,
  locationId: d.locationId,
  shipmentId: d.shipmentId,
  createdAt: iso(d.createdAt)!,
  lastSeenAt: iso(d.lastSeenAt),
  revokedAt: iso(d.revokedAt),
});

/** Checks that the lot, location and shipment named are the organisation's; errors name `at` + the field. */
async function checkTargets(
  db: DbOrTx,
  organisationId: string,
  rows: {
    lotId?: string | null;
    locationId?: string | null;
    shipmentId?: string | null;
    productId?: string | null;
  }[],
  at: (i: number) => string,
): Promise<Map<string, LotView>> {
  const errors: FieldError[] = [];
  const lots = new Map<string, LotView | null>();
  for (const id of new Set(rows.map((r) => r.lotId).filter((x): x is string => !!x)))
    lots.set(id, await getLot(db, id));
  const locationIds = [...new Set(rows.map((r) => r.locationId).filter((x): x is string => !!x))];
  const ownLocations = new Set(
    (await getLocationsByIds(db, locationIds))
      .filter((l) => l.organisationId === organisationId)
      .map((l) => l.id),
  );
  const shipmentIds = [...new Set(rows.map((r) => r.shipmentId).filter((x): x is string => !!x))];
  const ownShipments = await repo.shipmentsOf(db, shipmentIds, organisationId);
  const products = new Map<string, boolean>();
  for (const id of new Set(rows.map((r) => r.productId).filter((x): x is string => !!x)))
    products.set(id, (await getProduct(db, id))?.organisationId === organisationId);
  rows.forEach((r, i) => {
    if (errors.length >= 20) return;
    if (r.lotId && lots.get(r.lotId)?.organisationId !== organisationId)
      errors.push({ field: `${at(i)}/lotId`, code: 'sensors.notOwnLot' });
    if (r.locationId && !ownLocations.has(r.locationId))
      errors.push({ field: `${at(i)}/locationId`, code: 'sensors.notOwnLocation' });
    if (r.shipmentId && !ownShipments.has(r.shipmentId))
      errors.push({ field: `${at(i)}/shipmentId`, code: 'sensors.notOwnShipment' });
    if (r.productId && !products.get(r.productId))
      errors.push({ field: `${at(i)}/productId`, code: 'sensors.notOwnProduct' });
  });
  if (errors.length) throw badRequest(errors);
  return new Map([...lots].filter((e): e is [string, LotView] => e[1] !== null));
}

export async function createDevice(db: Db, input: DeviceInput, actor: Actor) {
  if (!mayManageSensors(actor)) throw forbidden();
  const organisationId = actingOrganisation(actor, input.organisationId, '/body/organisationId');
  await checkTargets(db, organisationId, [input], () => '/body');
  const { prefix, key, keyHash } = newDeviceKey();
  return db.transaction(async (tx) => {
    const row = await repo.insertDevice(tx, {
      organisationId,
      name: input.name,
      prefix,
      keyHash,
      lotId: input.lotId ?? null,
      locationId: input.locationId ?? null,
      shipmentId: input.shipmentId ?? null,
      createdBy: actor.id,
    });
    const view = presentDevice(row);
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'sensor_device',
      entityId: row.id,
      organisationId,
      after: view,
    });
    return { ...view, key };
  });
}

/** The organisation side sees its own devices; the department's administrator all of them. */
function ownScope(actor: Actor): string[] | null {
  if (actor.role === 'dost_admin') return null;
  return actor.organisationIds;
}

export async function listDevicesFor(db: DbOrTx, actor: Actor) {
  if (!mayManageSensors(actor)) throw forbidden();
  return (await repo.listDevices(db, ownScope(actor))).map(presentDevice);
}

export async function revokeDeviceFor(db: Db, id: string, actor: Actor) {
  return db.transaction(async (tx) => {
    const device = await repo.findDevice(tx, id);
    const scope = ownScope(actor);
    if (!device || (scope && !scope.includes(device.organisationId)) || !mayManageSensors(actor))
      throw notFound('sensors.device-not-found');
    const row = (await repo.revokeDevice(tx, id, actor.id)) ?? device;
    const view = presentDevice(row);
    await recordAudit(tx, {
      actor,
      action: 'revoke',
      entityType: 'sensor_device',
      entityId: id,
      organisationId: device.organisationId,
      before: presentDevice(device),
      after: view,
    });
    return view;
  });
}

/** The device a key opens, which must be the device addressed. 401 without a valid key, 403 for another device's. */
export async function authenticateDevice(db: DbOrTx, deviceId: string, key: string | undefined) {
  if (!key) throw new Problem(401, 'sensors.device-key-missing');
  const device = await repo.findDeviceByKeyHash(db, sha256(key));
  if (!device) throw new Problem(401, 'sensors.device-key-unknown');
  if (device.id !== deviceId) throw new Problem(403, 'sensors.device-key-other-device');
  return device;
}

const toCelsius = {
  CEL: (v: number) => v,
  FAH: (v: number) => ((v - 32) * 5) / 9,
  KEL: (v: number) => v - 273.15,
};

/**
 * A device's readings (one, or a logger's batch): all stored or none. Each row's unit, plausible value, time and
 * lot/location/shipment (its own or the device's) are checked first; every error names its row and field.
 */
export async function ingestDeviceReadings(
  db: Db,
  device: repo.DeviceRow,
  readings: ReadingInput[],
  opts: { source: ReadingSource; at: (i: number) => string },
): Promise<{ stored: number; excursionsOpened: number }> {
  const errors: FieldError[] = [];
  const soon = Date.now() + 5 * 60_000;
  const rows: repo.ReadingRow[] = [];
  readings.forEach((r, i) => {
    let value = r.value;
    if (r.kind === 'temperature') {
      if (r.uom === 'P1') errors.push({ field: `${opts.at(i)}/uom`, code: 'sensors.unitNotForKind' });
      else value = toCelsius[r.uom ?? 'CEL'](r.value);
      if (value < -90 || value > 150)
        errors.push({ field: `${opts.at(i)}/value`, code: 'sensors.implausibleValue' });
    } else {
      if (r.uom && r.uom !== 'P1')
        errors.push({ field: `${opts.at(i)}/uom`, code: 'sensors.unitNotForKind' });
      if (value < 0 || value > 100)
        errors.push({ field: `${opts.at(i)}/value`, code: 'sensors.implausibleValue' });
    }
    const at = new Date(r.at);
    if (at.getTime() > soon) errors.push({ field: `${opts.at(i)}/at`, code: 'sensors.futureReading' });
    rows.push({
      at,
      organisationId: device.organisationId,
      source: opts.source,
      deviceId: device.id,
      eventId: null,
      kind: r.kind,
      value,
      lotId: r.lotId ?? device.lotId,
      productId: null,
      locationId: r.locationId ?? device.locationId,
      shipmentId: r.shipmentId ?? device.shipmentId,
    });
  });
  if (errors.length) throw badRequest(errors.slice(0, 20));
  const lots = await checkTargets(db, device.organisationId, readings, opts.at);
  // the device's own lot (checked when it was registered) gives its product too
  for (const id of new Set(rows.map((r) => r.lotId).filter((x): x is string => !!x && !lots.has(x)))) {
    const lot = await getLot(db, id);
    if (lot) lots.set(id, lot);
  }
  for (const r of rows) r.productId = r.lotId ? (lots.get(r.lotId)?.productId ?? null) : null;
  const { opened } = await db.transaction(async (tx) => {
    const result = await ingestReadings(tx, rows);
    await repo.touchDevice(tx, device.id, new Date());
    return result;
  });
  return { stored: rows.length, excursionsOpened: opened };
}

// ---------------------------------------------------------------------------------------------------------------
// thresholds

async function presentThresholds(db: DbOrTx, list: repo.ThresholdRow[]): Promise<ThresholdView[]> {
  const names = new Map<string, string>();
  for (const t of list) {
    if (t.productId && !names.has(t.productId))
      names.set(t.productId, (await getProduct(db, t.productId))?.name ?? '');
  }
  const locations = await getLocationsByIds(
    db,
    list.map((t) => t.locationId).filter((x): x is string => !!x),
  );
  for (const l of locations) names.set(l.id, l.name);
  return list.map((t) => {
    const targetId = (t.productId ?? t.locationId ?? t.shipmentId)!;
    return {
      id: t.id,
      organisationId: t.organisationId,
      target: t.target,
      targetId,
      targetName:
        names.get(targetId) || (t.target === 'shipment' ? `Chuyến hàng ${targetId.slice(0, 8)}` : ''),
      kind: t.kind,
      min: t.min,
      max: t.max,
      durationMinutes: Math.round(t.durationSeconds / 60),
      active: t.active,
      createdAt: iso(t.createdAt)!,
    };
  });
}

export async function createThreshold(db: Db, input: ThresholdInput, actor: Actor) {
  if (!mayManageSensors(actor)) throw forbidden();
  const organisationId = actingOrganisation(actor, input.organisationId, '/body/organisationId');
  const targetField = `${input.target}Id` as 'productId' | 'locationId' | 'shipmentId';
  const errors: FieldError[] = [];
  if (!input[targetField]) errors.push({ field: `/body/${targetField}`, code: 'sensors.targetMissing' });
  if (input.min === undefined && input.max === undefined)
    errors.push({ field: '/body/max', code: 'sensors.rangeMissing' });
  if (input.min !== undefined && input.max !== undefined && input.min >= input.max)
    errors.push({ field: '/body/min', code: 'sensors.rangeInverted' });
  if (errors.length) throw badRequest(errors);
  const target = { [targetField]: input[targetField] };
  await checkTargets(db, organisationId, [target], () => '/body');
  return db.transaction(async (tx) => {
    const row = await repo.insertThreshold(tx, {
      organisationId,
      target: input.target,
      productId: target.productId ?? null,
      locationId: target.locationId ?? null,
      shipmentId: target.shipmentId ?? null,
      kind: input.kind,
      min: input.min ?? null,
      max: input.max ?? null,
      durationSeconds: input.durationMinutes * 60,
      createdBy: actor.id,
    });
    const [view] = await presentThresholds(tx, [row]);
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'sensor_threshold',
      entityId: row.id,
      organisationId,
      after: view,
    });
    return view;
  });
}

export async function listThresholdsFor(db: DbOrTx, actor: Actor) {
  if (!mayManageSensors(actor)) throw forbidden();
  return presentThresholds(db, await repo.listThresholds(db, ownScope(actor)));
}

export async function removeThreshold(db: Db, id: string, actor: Actor) {
  return db.transaction(async (tx) => {
    const found = await repo.findThreshold(tx, id);
    const scope = ownScope(actor);
    if (!found || (scope && !scope.includes(found.organisationId)) || !mayManageSensors(actor))
      throw notFound('sensors.threshold-not-found');
    const row = (await repo.deactivateThreshold(tx, id))!;
    const [before] = await presentThresholds(tx, [found]);
    const [after] = await presentThresholds(tx, [row]);
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entityType: 'sensor_threshold',
      entityId: id,
      organisationId: found.organisationId,
      before,
      after,
    });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// excursions and alerts

async function presentExcursions(db: DbOrTx, list: repo.ExcursionRow[]): Promise<ExcursionView[]> {
  const organisations = new Map(
    (await getOrganisationsByIds(db, [...new Set(list.map((e) => e.organisationId))])).map((o) => [
      o.id,
      o.name,
    ]),
  );
  const lots = new Map<string, LotView | null>();
  for (const id of new Set(list.map((e) => e.lotId).filter((x): x is string => !!x)))
    lots.set(id, await getLot(db, id));
  const devices = new Map<string, string>();
  for (const id of new Set(list.map((e) => e.deviceId).filter((x): x is string => !!x)))
    devices.set(id, (await repo.findDevice(db, id))?.name ?? '');
  return list.map((e) => {
    const lot = e.lotId ? lots.get(e.lotId) : null;
    return {
      id: e.id,
      organisationId: e.organisationId,
      organisationName: organisations.get(e.organisationId) ?? '',
      state: e.state as ExcursionView['state'],
      kind: e.kind,
      min: e.min,
      max: e.max,
      startedAt: iso(e.startedAt)!,
      endedAt: iso(e.endedAt),
      worstValue: e.worstValue,
      worstAt: iso(e.worstAt)!,
      lotId: e.lotId,
      lotLabel: lot ? `${lot.productName} — lô ${lot.lot}` : null,
      deviceName: e.deviceId ? (devices.get(e.deviceId) ?? null) : null,
      description: describeExcursion(e),
      published: e.publishedAt !== null,
    };
  });
}

export async function listAlertsFor(db: DbOrTx, actor: Actor, page: { page: number; pageSize: number }) {
  if (!mayReadSensors(actor)) throw forbidden();
  const scope = readsAllSensors(actor)
    ? { organisationIds: null, sector: null }
    : actor.role === 'sector_officer'
      ? { organisationIds: null, sector: actor.sector ?? '-' }
      : { organisationIds: actor.organisationIds, sector: null };
  const { rows, total } = await repo.listAlerts(db, scope, {
    limit: page.pageSize,
    offset: (page.page - 1) * page.pageSize,
  });
  const excursions = new Map(
    (
      await presentExcursions(
        db,
        await repo.excursionsByIds(db, [...new Set(rows.map((r) => r.excursion_id))]),
      )
    ).map((e) => [e.id, e]),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      audience: r.audience,
      sector: r.sector,
      createdAt: iso(r.created_at)!,
      excursion: excursions.get(r.excursion_id)!,
    })),
    total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

/** A lot's readings (the latest 2,000), the ranges that apply to it and its excursions, for the lot's page. */
export async function lotSensorsFor(db: DbOrTx, lotId: string, actor: Actor): Promise<LotSensorsView> {
  const lot = await getLot(db, lotId);
  if (
    !lot ||
    !mayReadSensors(actor) ||
    (!isStaff(actor) && !actor.organisationIds.includes(lot.organisationId))
  )
    throw notFound('registry.lot-not-found');
  const readings = await repo.readingsOfLot(db, lotId, 2000);
  const thresholds = (await repo.listThresholds(db, [lot.organisationId])).filter(
    (t) => t.productId === lot.productId || (t.locationId !== null && t.locationId === lot.locationId),
  );
  return {
    lotId,
    readings: readings.map((r) => ({
      at: r.at.toISOString(),
      kind: r.kind,
      value: r.value,
      source: r.source,
    })),
    thresholds: thresholds.map((t) => ({ kind: t.kind, min: t.min, max: t.max })),
    excursions: await presentExcursions(db, await repo.excursionsOfLot(db, lotId)),
  };
}

/** What the consumer page shows of a lot: the excursions the department published, in plain Vietnamese. */
export async function publishedExcursionsOfLot(db: DbOrTx, lotId: string): Promise<string[]> {
  return (await repo.excursionsOfLot(db, lotId, true)).map(describeExcursion);
}

/**
 * The department (its admin, reviewers, and the sector officers an alert was sent to) puts an excursion on the
 * consumer page, or takes it off.
 */
export async function publishExcursion(db: Db, id: string, publish: boolean, actor: Actor) {
  if (!mayPublishExcursions(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const found = await repo.findExcursion(tx, id);
    if (!found || found.state === 'pending') throw notFound('sensors.excursion-not-found');
    if (actor.role === 'sector_officer' && !(await repo.alertSectorsOf(tx, id)).includes(actor.sector ?? ''))
      throw notFound('sensors.excursion-not-found');
    const row = await repo.setExcursionPublished(tx, id, publish ? actor.id : null);
    await recordAudit(tx, {
      actor,
      action: publish ? 'publish' : 'unpublish',
      entityType: 'sensor_excursion',
      entityId: id,
      organisationId: found.organisationId,
      before: { published: found.publishedAt !== null },
      after: { published: publish },
    });
    return (await presentExcursions(tx, [row]))[0];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// mail: the organisation's address, for alerts not yet mailed (after the readings' transaction commits)

let mailing: Promise<void> | null = null;

/** Mails every organisation alert not yet mailed to the organisation's e-mail; one run at a time per process. */
export function mailAlerts(db: Db, sendMail: SendMail, warn: (m: string) => void): Promise<void> {
  mailing ??= sendPending(db, sendMail)
    .catch((err) => warn(`sensors: alert mail failed: ${(err as Error).message}`))
    .finally(() => {
      mailing = null;
    });
  return mailing;
}

async function sendPending(db: Db, sendMail: SendMail) {
  const claimed = await repo.claimUnmailedAlerts(db, 200);
  if (!claimed.length) return;
  const excursions = new Map(
    (
      await repo.excursionsByIds(
        db,
        claimed.map((c) => c.excursion_id),
      )
    ).map((e) => [e.id, e]),
  );
  const organisations = new Map(
    (
      await getOrganisationsByIds(
        db,
        claimed.map((c) => c.organisation_id),
      )
    ).map((o) => [o.id, o]),
  );
  for (const alert of claimed) {
    const e = excursions.get(alert.excursion_id);
    const to = organisations.get(alert.organisation_id)?.email;
    if (e && to)
      await sendMail({
        to,
        subject: 'Cảnh báo vượt ngưỡng bảo quản',
        text: `${describeExcursion(e)}\n\nXem danh sách cảnh báo trong trang quản trị, mục “Cảm biến, cảnh báo”.`,
      });
  }
}
