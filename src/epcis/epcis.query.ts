import crypto from 'node:crypto';
import { Gs1Error } from '../gs1/index.ts';
import { badRequest, type FieldError, isRealDateTime } from '../platform/index.ts';
import { cbvShortName } from './epcis.extract.ts';
import { storedId } from './epcis.ids.ts';

type Role = 'epc' | 'parent' | 'child' | 'input' | 'output';

/** A parsed EPCIS SimpleEventQuery (the REST binding's query parameters), ids already canonical. */
export interface EventQuery {
  eventTypes: string[] | null;
  times: { column: 'event_time' | 'record_time'; op: '>=' | '<'; value: string }[];
  equals: {
    column: 'action' | 'biz_step' | 'disposition' | 'read_point' | 'biz_location' | 'event_id';
    values: string[];
  }[];
  matches: { roles: Role[]; isClass: boolean; ids: string[] }[];
  links: { kind: 'source' | 'destination'; type: string; values: string[] }[];
  perPage: number;
  after: number | null;
  fingerprint: string;
}

const timeParams = {
  GE_eventTime: ['event_time', '>='],
  LT_eventTime: ['event_time', '<'],
  GE_recordTime: ['record_time', '>='],
  LT_recordTime: ['record_time', '<'],
} as const;

const equalsParams = {
  EQ_action: 'action',
  EQ_bizStep: 'biz_step',
  EQ_disposition: 'disposition',
  EQ_readPoint: 'read_point',
  EQ_bizLocation: 'biz_location',
  EQ_eventID: 'event_id',
} as const;

/** MATCH_* parameters: which roles they look in (EPCIS 2.0 §8.2.7.1), instance or class level. */
const matchParams: Record<string, { roles: Role[]; isClass: boolean }> = {
  MATCH_epc: { roles: ['epc', 'child'], isClass: false },
  MATCH_parentID: { roles: ['parent'], isClass: false },
  MATCH_inputEPC: { roles: ['input'], isClass: false },
  MATCH_outputEPC: { roles: ['output'], isClass: false },
  MATCH_anyEPC: { roles: ['epc', 'parent', 'child', 'input', 'output'], isClass: false },
  MATCH_epcClass: { roles: ['epc', 'child'], isClass: true },
  MATCH_inputEPCClass: { roles: ['input'], isClass: true },
  MATCH_outputEPCClass: { roles: ['output'], isClass: true },
  MATCH_anyEPCClass: { roles: ['epc', 'child', 'input', 'output'], isClass: true },
};

const eventTypeName = /^([A-Za-z][A-Za-z0-9]*|[a-z][a-z0-9+.-]*:\S+)$/;
const linkParam = /^EQ_(source|destination)_(.+)$/;

export const maxPerPage = 1000;

/** Parses the query string of GET /epcis/events (values of list parameters are separated by `|`). */
export function parseEventQuery(params: Record<string, unknown>): EventQuery {
  const errors: FieldError[] = [];
  const query: EventQuery = {
    eventTypes: null,
    times: [],
    equals: [],
    matches: [],
    links: [],
    perPage: 30,
    after: null,
    fingerprint: fingerprintOf(params),
  };
  const ids = (name: string, values: string[]) =>
    values.flatMap((v) => {
      try {
        return [storedId(v)];
      } catch (err) {
        if (!(err instanceof Gs1Error)) throw err;
        errors.push({ field: name, code: err.code, params: err.params });
        return [];
      }
    });
  for (const [name, raw] of Object.entries(params)) {
    const text = Array.isArray(raw) ? raw.join('|') : String(raw ?? '');
    const values = text.split('|').filter((v) => v !== '');
    if (name === 'eventType') {
      if (values.some((v) => !eventTypeName.test(v)))
        errors.push({ field: name, code: 'epcis.query.badEventType' });
      query.eventTypes = values;
    } else if (name in timeParams) {
      const [column, op] = timeParams[name as keyof typeof timeParams];
      // a time that cannot exist (31 February) is refused here, not by the database's cast
      if (!isRealDateTime(text)) errors.push({ field: name, code: 'epcis.query.badTime' });
      else query.times.push({ column, op, value: new Date(text).toISOString() });
    } else if (name in equalsParams) {
      const column = equalsParams[name as keyof typeof equalsParams];
      const normalised =
        column === 'biz_step'
          ? values.map((v) => cbvShortName(v, 'bizStep')!)
          : column === 'disposition'
            ? values.map((v) => cbvShortName(v, 'disposition')!)
            : column === 'read_point' || column === 'biz_location'
              ? ids(name, values)
              : values;
      query.equals.push({ column, values: normalised });
    } else if (name in matchParams) {
      query.matches.push({ ...matchParams[name], ids: ids(name, values) });
    } else if (linkParam.test(name)) {
      const [, kind, type] = linkParam.exec(name)!;
      query.links.push({
        kind: kind as 'source' | 'destination',
        type: cbvShortName(type, 'sourceDestType')!,
        values: ids(name, values),
      });
    } else if (name === 'perPage') {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1 || n > maxPerPage)
        errors.push({ field: name, code: 'field.tooBig', params: { maximum: maxPerPage } });
      else query.perPage = n;
    } else if (name === 'nextPageToken') {
      const after = readToken(text, query.fingerprint);
      if (after === null) errors.push({ field: name, code: 'epcis.query.badToken' });
      query.after = after;
    } else {
      errors.push({ field: name, code: 'epcis.query.unknownParameter' });
    }
  }
  if (errors.length) throw badRequest(errors, 'epcis-invalid-query');
  return query;
}

/** The token is tied to the query it pages through, so it cannot be replayed against another one. */
function fingerprintOf(params: Record<string, unknown>): string {
  const stable = Object.entries(params)
    .filter(([k]) => k !== 'nextPageToken' && k !== 'perPage')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return crypto.createHash('sha256').update(JSON.stringify(stable)).digest('base64url').slice(0, 16);
}

export function nextPageToken(query: EventQuery, lastPk: number): string {
  return Buffer.from(`${lastPk}.${query.fingerprint}`).toString('base64url');
}

function readToken(token: string, fingerprint: string): number | null {
  const [pk, print] = Buffer.from(token, 'base64url').toString().split('.');
  const n = Number(pk);
  return print === fingerprint && Number.isSafeInteger(n) && n >= 0 ? n : null;
}
