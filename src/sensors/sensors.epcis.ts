import { type CaptureRule, registerCaptureRule } from '../epcis/index.ts';
import { canonicalId, unescapeDlValue } from '../gs1/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import { getLocationsByGlns, getLotsByKeys } from '../registry/index.ts';
import type { ReadingRow } from './sensors.repo.ts';
import type { ReadingKind } from './sensors.schema.ts';
import { ingestReadings } from './sensors.service.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The sensorReport types this module watches, by the last part of their term (`Temperature`, `gs1:Temperature`, its URI). */
const kindOfType: Record<string, ReadingKind> = { Temperature: 'temperature', RelativeHumidity: 'humidity' };
const toCelsius: Record<string, (v: number) => number> = {
  CEL: (v) => v,
  FAH: (v) => ((v - 32) * 5) / 9,
  KEL: (v) => v - 273.15,
};

export interface SensorValue {
  at: Date;
  kind: ReadingKind;
  value: number;
}

/**
 * The temperature and relative humidity values of an event's sensorElementList: each report's `value` (or its
 * `meanValue` when it has none), at the report's time, else its element's metadata time, else the event's time.
 * Temperatures in °C (CEL, FAH, KEL), humidity in percent (P1, or no unit). Others (and values in units this does not
 * know) are left in the event, where the EPCIS queries still find them.
 */
export function sensorValuesOf(event: Json): SensorValue[] {
  const found: SensorValue[] = [];
  const eventTime = typeof event.eventTime === 'string' ? event.eventTime : null;
  for (const element of list(event.sensorElementList)) {
    if (!isObject(element)) continue;
    const metadata = isObject(element.sensorMetadata) ? element.sensorMetadata : {};
    for (const report of list(element.sensorReport)) {
      if (!isObject(report) || typeof report.type !== 'string') continue;
      const kind = kindOfType[report.type.replace(/^.*[:/#]/, '')];
      const raw = typeof report.value === 'number' ? report.value : report.meanValue;
      if (!kind || typeof raw !== 'number' || !Number.isFinite(raw)) continue;
      const uom = typeof report.uom === 'string' ? report.uom : null;
      let value: number;
      if (kind === 'temperature') {
        const convert = toCelsius[uom ?? 'CEL'];
        if (!convert) continue;
        value = convert(raw);
      } else {
        if (uom !== null && uom !== 'P1') continue;
        value = raw;
      }
      const time = [report.time, metadata.time, eventTime].find((t): t is string => typeof t === 'string');
      const at = time ? new Date(time) : null;
      if (!at || Number.isNaN(at.getTime())) continue;
      found.push({ at, kind, value });
    }
  }
  return found;
}

const lotKey = /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/10\/([^/?#]+)/;
const glnKey = /^https:\/\/id\.gs1\.org\/414\/(\d{13})(?:$|[/?#])/;

function placeGln(place: unknown): string | null {
  if (!isObject(place) || typeof place.id !== 'string') return null;
  try {
    return glnKey.exec(canonicalId(place.id))?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * The capture rule (decision 059): inside the capture's transaction, the sensor values of the events an organisation
 * captures become readings of its own lots the event names (instances or quantities with a lot) and of its own place
 * (bizLocation, else readPoint); a value about nothing of its own is kept with neither. Error declarations add none.
 */
export const readingsFromCapture: CaptureRule = async (tx: DbOrTx, captured) => {
  const withSensors = captured.events
    .filter((e) => !e.isErrorDeclaration)
    .map((e) => ({ event: e, values: sensorValuesOf(e.document) }))
    .filter((e) => e.values.length);
  if (!withSensors.length) return;
  const keysByEvent = new Map<string, { gtin: string; lot: string }[]>();
  for (const id of captured.ids) {
    const m = lotKey.exec(id.id);
    if (!m) continue;
    const keys = keysByEvent.get(id.eventId) ?? [];
    keys.push({ gtin: m[1], lot: unescapeDlValue(m[2], false) });
    keysByEvent.set(id.eventId, keys);
  }
  const allKeys = [...keysByEvent.values()].flat();
  const lots = (allKeys.length ? await getLotsByKeys(tx, allKeys) : []).filter(
    (l) => l.organisationId === captured.organisationId,
  );
  const lotOf = new Map(lots.map((l) => [`${l.gtin}|${l.lot}`, l]));
  const glns = withSensors
    .map(({ event }) => placeGln(event.document.bizLocation) ?? placeGln(event.document.readPoint))
    .filter((g): g is string => g !== null);
  const places = new Map(
    (glns.length ? await getLocationsByGlns(tx, glns) : [])
      .filter((l) => l.organisationId === captured.organisationId && l.gln)
      .map((l) => [l.gln!, l.id]),
  );
  const rows: ReadingRow[] = [];
  for (const { event, values } of withSensors) {
    const eventLots = [
      ...new Set(
        (keysByEvent.get(event.eventId) ?? [])
          .map((k) => lotOf.get(`${k.gtin}|${k.lot}`))
          .filter((l) => l !== undefined),
      ),
    ];
    const gln = placeGln(event.document.bizLocation) ?? placeGln(event.document.readPoint);
    const locationId = gln ? (places.get(gln) ?? null) : null;
    for (const lot of eventLots.length ? eventLots : [null])
      for (const v of values)
        rows.push({
          at: v.at,
          organisationId: captured.organisationId,
          source: 'epcis',
          deviceId: null,
          eventId: event.eventId,
          kind: v.kind,
          value: v.value,
          lotId: lot?.id ?? null,
          productId: lot?.productId ?? null,
          locationId,
          shipmentId: null,
        });
  }
  await ingestReadings(tx, rows);
};

let connected = false;
/** Registers the capture rule once per process, however many programs a test builds. */
export function connectEpcisReadings(): void {
  if (connected) return;
  connected = true;
  registerCaptureRule(readingsFromCapture);
}
