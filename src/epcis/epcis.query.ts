import crypto from 'node:crypto';
import {
  epcPatternToIdPattern,
  Gs1Error,
  gtinClassPattern,
  type IdLevel,
  type IdPattern,
} from '../gs1/index.ts';
import { badRequest, type FieldError, isRealDateTime } from '../platform/index.ts';
import { cbvShortName } from './epcis.extract.ts';
import { storedId } from './epcis.ids.ts';
import { type ExtensionConditions, readExtensionParam } from './epcis.query-ext.ts';

type Role = 'epc' | 'parent' | 'child' | 'input' | 'output';

/** A parsed EPCIS SimpleEventQuery (the REST binding's query parameters), ids already canonical. */
export interface EventQuery {
  eventTypes: string[] | null;
  times: { column: 'event_time' | 'record_time'; op: '>=' | '<'; value: string }[];
  equals: {
    column: 'action' | 'biz_step' | 'disposition' | 'read_point' | 'biz_location' | 'event_id';
    values: string[];
  }[];
  /** MATCH_*: identifiers equal to one of `ids` or LIKE one of `likes` (EPC patterns, classes). */
  matches: { roles: Role[]; isClass: boolean; ids: string[]; likes: string[] }[];
  links: { kind: 'source' | 'destination' | 'bizTransaction'; type: string; values: string[] }[];
  /** Conditions on the stored document: it matches when any of the JSON paths finds an item (vars bound). */
  paths: { paths: string[]; vars: Record<string, unknown> }[];
  /** Any time found at these JSON paths of the document, compared as a time (offsets and all). */
  timesAt: { paths: string[]; op: '>=' | '<'; value: string }[];
  /** EXISTS_errorDeclaration */
  declared: boolean;
  /** WD_readPoint, WD_bizLocation: the places and, by master data, every place under them. */
  within: { column: 'read_point' | 'biz_location'; values: string[] }[];
  /** Extension fields, values in one unit, master-data attributes (epcis.query-ext.ts). */
  extensions: ExtensionConditions;
  order: { column: 'event_time' | 'record_time' | null; direction: 'ASC' | 'DESC' };
  eventCountLimit: number | null;
  maxEventCount: number | null;
  perPage: number;
  after: { pk: number; at: string | null } | null;
  fingerprint: string;
}

/** JSONPath conditions: the template's `$v…` are bound to the values; never a value in the path text. */
const anyOf = (prefixes: string[], values: unknown[]) => ({
  paths: prefixes.map((p) => `${p} ? (${values.map((_, i) => `@ == $v${i}`).join(' || ')})`),
  vars: Object.fromEntries(values.map((v, i) => [`v${i}`, v])),
});
const compare = (prefixes: string[], op: string, value: number) => ({
  paths: prefixes.map((p) => `${p} ? (@ ${op} $v)`),
  vars: { v: value },
});

const quantityPaths = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'].map(
  (list) => `$.${list}[*].quantity`,
);
const metadata = (field: string) => `$.sensorElementList[*].sensorMetadata.${field}`;
const report = (field: string) => `$.sensorElementList[*].sensorReport[*].${field}`;
const comparisons = { EQ: '==', GT: '>', GE: '>=', LT: '<', LE: '<=' } as const;

/** Sensor fields compared for equality (EPCIS 2.0 §8.2.7.1), where each may be written. */
const sensorEquals: Record<string, string[]> = {
  EQ_deviceID: [metadata('deviceID'), report('deviceID')],
  EQ_dataProcessingMethod: [metadata('dataProcessingMethod'), report('dataProcessingMethod')],
  EQ_bizRules: [metadata('bizRules')],
  EQ_microorganism: [report('microorganism')],
  EQ_chemicalSubstance: [report('chemicalSubstance')],
  EQ_stringValue: [report('stringValue')],
  EQ_hexBinaryValue: [report('hexBinaryValue')],
  EQ_uriValue: [report('uriValue')],
};
const sensorTimes: Record<string, [string[], '>=' | '<']> = {
  GE_time: [[metadata('time'), report('time')], '>='],
  LT_time: [[metadata('time'), report('time')], '<'],
  GE_startTime: [[metadata('startTime'), report('startTime')], '>='],
  LT_startTime: [[metadata('startTime'), report('startTime')], '<'],
  GE_endTime: [[metadata('endTime'), report('endTime')], '>='],
  LT_endTime: [[metadata('endTime'), report('endTime')], '<'],
  GE_errorDeclaration_Time: [['$.errorDeclaration.declarationTime'], '>='],
  LT_errorDeclaration_Time: [['$.errorDeclaration.declarationTime'], '<'],
};
const numberParam = /^(EQ|GT|GE|LT|LE)_(quantity|percRank)$/;

/** A CBV word in every form a document may write it: bare, CURIE and full URI. */
const cbvForms = (values: string[], kind: 'Disp' | 'ER', short: (v: string) => string | null) =>
  values.flatMap((v) => {
    const bare = short(v) ?? v;
    return [bare, `cbv:${kind}-${bare}`, `https://ref.gs1.org/cbv/${kind}-${bare}`];
  });
/** A measurement type in every form: bare, gs1: CURIE and GS1 Web Vocabulary URI. */
const measurementForms = (values: string[]) =>
  values.flatMap((v) => {
    const bare = v.replace(/^(gs1:|https:\/\/gs1\.org\/voc\/)/, '');
    return [bare, `gs1:${bare}`, `https://gs1.org/voc/${bare}`];
  });

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
const linkParam = /^EQ_(source|destination|bizTransaction)_(.+)$/;

export const maxPerPage = 1000;

/**
 * Parses the query string of GET /epcis/events (values of list parameters are separated by `|`); `bindings` are the
 * namespace prefixes the request declares for extension field names (GS1-Extensions, a named query's @context).
 */
export function parseEventQuery(
  params: Record<string, unknown>,
  bindings: Record<string, string> = {},
): EventQuery {
  const errors: FieldError[] = [];
  const query: EventQuery = {
    eventTypes: null,
    times: [],
    equals: [],
    matches: [],
    links: [],
    paths: [],
    timesAt: [],
    declared: false,
    within: [],
    extensions: { fields: [], attributes: [], paths: [] },
    order: { column: null, direction: 'ASC' },
    eventCountLimit: null,
    maxEventCount: null,
    perPage: 30,
    after: null,
    fingerprint: fingerprintOf(params, bindings),
  };
  const count = (name: string, text: string, max = Number.MAX_SAFE_INTEGER) => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > max) {
      errors.push({ field: name, code: 'epcis.query.badCount', params: { maximum: max } });
      return null;
    }
    return n;
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
      const { roles, isClass } = matchParams[name];
      const level = isClass ? 'class' : 'instance';
      const found = matchPatterns(
        values,
        level,
        (vs) => ids(name, vs),
        (value, reason) =>
          errors.push({ field: name, code: 'epcis.query.badEpcPattern', params: { value, reason } }),
      );
      query.matches.push({ roles, isClass, ...found });
    } else if (linkParam.test(name)) {
      const [, kind, type] = linkParam.exec(name)!;
      query.links.push({
        kind: kind as 'source' | 'destination' | 'bizTransaction',
        type: cbvShortName(type, kind === 'bizTransaction' ? 'bizTransactionType' : 'sourceDestType')!,
        values: ids(name, values),
      });
    } else if (name === 'EQ_persistentDisposition_set' || name === 'EQ_persistentDisposition_unset') {
      const which = name.endsWith('_set') ? 'set' : 'unset';
      const forms = cbvForms(values, 'Disp', (v) => cbvShortName(v, 'disposition'));
      query.paths.push(anyOf([`$.persistentDisposition.${which}[*]`], forms));
    } else if (name === 'EQ_transformationID') {
      query.paths.push(anyOf(['$.transformationID'], values));
    } else if (name === 'EQ_errorReason') {
      const forms = cbvForms(values, 'ER', (v) =>
        v.replace(/^(urn:epcglobal:cbv:er:|cbv:ER-|https:\/\/ref\.gs1\.org\/cbv\/ER-)/, ''),
      );
      query.paths.push(anyOf(['$.errorDeclaration.reason'], forms));
    } else if (name === 'EQ_correctiveEventID') {
      query.paths.push(anyOf(['$.errorDeclaration.correctiveEventIDs[*]'], values));
    } else if (name === 'EXISTS_errorDeclaration') {
      query.declared = true;
    } else if (name === 'EXISTS_sensorElementList') {
      query.paths.push({ paths: ['$.sensorElementList[*]'], vars: {} });
    } else if (name === 'EQ_type') {
      query.paths.push(anyOf([report('type')], measurementForms(values)));
    } else if (name === 'EQ_booleanValue') {
      if (text !== 'true' && text !== 'false') errors.push({ field: name, code: 'epcis.query.badBoolean' });
      else query.paths.push(anyOf([report('booleanValue')], [text === 'true']));
    } else if (name in sensorEquals) {
      const ids_ =
        name === 'EQ_deviceID' ? [...new Set([...values, ...values.map((v) => safeStoredId(v))])] : values;
      query.paths.push(anyOf(sensorEquals[name], ids_));
    } else if (name in sensorTimes) {
      const [paths, op] = sensorTimes[name];
      if (!isRealDateTime(text)) errors.push({ field: name, code: 'epcis.query.badTime' });
      else query.timesAt.push({ paths, op, value: new Date(text).toISOString() });
    } else if (numberParam.test(name)) {
      const [, family, field] = numberParam.exec(name)!;
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) errors.push({ field: name, code: 'epcis.query.badNumber' });
      else
        query.paths.push(
          compare(
            field === 'quantity' ? quantityPaths : [report('percRank')],
            comparisons[family as keyof typeof comparisons],
            n,
          ),
        );
    } else if (name === 'WD_readPoint' || name === 'WD_bizLocation') {
      query.within.push({
        column: name === 'WD_readPoint' ? 'read_point' : 'biz_location',
        values: ids(name, values),
      });
    } else if (name === 'orderBy') {
      if (text === 'eventTime' || text === 'recordTime') {
        query.order.column = text === 'eventTime' ? 'event_time' : 'record_time';
        if (!('orderDirection' in params)) query.order.direction = 'DESC';
      } else errors.push({ field: name, code: 'epcis.query.badOrderBy' });
    } else if (name === 'orderDirection') {
      if (text === 'ASC' || text === 'DESC') query.order.direction = text;
      else errors.push({ field: name, code: 'epcis.query.badOrderDirection' });
    } else if (name === 'eventCountLimit') {
      query.eventCountLimit = count(name, text);
    } else if (name === 'maxEventCount') {
      query.maxEventCount = count(name, text);
    } else if (name === 'perPage') {
      const n = count(name, text, maxPerPage);
      if (n !== null) query.perPage = n;
    } else if (name === 'nextPageToken') {
      const after = readToken(text, query.fingerprint);
      if (after === null) errors.push({ field: name, code: 'epcis.query.badToken' });
      query.after = after;
    } else if (!readExtensionParam(name, text, values, bindings, query.extensions, errors)) {
      errors.push({ field: name, code: 'epcis.query.unknownParameter' });
    }
  }
  if (query.eventCountLimit !== null && query.maxEventCount !== null)
    errors.push({ field: 'maxEventCount', code: 'epcis.query.limitAndMax' });
  if (query.order.column === null && 'orderDirection' in params)
    errors.push({ field: 'orderDirection', code: 'epcis.query.directionWithoutOrder' });
  // eventCountLimit: at most that many events, in one page
  if (query.eventCountLimit !== null) query.perPage = Math.min(query.eventCountLimit, maxPerPage);
  if (errors.length) throw badRequest(errors, 'epcis-invalid-query');
  return query;
}

/**
 * What MATCH_* values match (EPCIS 2.0 §8.2.7.1.1): an EPC pattern URI (`urn:epc:idpat:…`) its identifiers; a
 * product class (GTIN, lot) given to an instance parameter its serialised items, to a class parameter (a GTIN)
 * its lots; anything else itself.
 */
function matchPatterns(
  values: string[],
  level: IdLevel,
  storedIds: (values: string[]) => string[],
  refuse: (value: string, reason: unknown) => void,
): { ids: string[]; likes: string[] } {
  const ids: string[] = [];
  const likes: string[] = [];
  for (const value of values) {
    let pattern: IdPattern | null = null;
    try {
      pattern = epcPatternToIdPattern(value, level);
    } catch (err) {
      if (!(err instanceof Gs1Error)) throw err;
      refuse(value, err.params.reason);
      continue;
    }
    if (!pattern) {
      const [id] = storedIds([value]);
      if (id === undefined) continue;
      pattern = gtinClassPattern(id, level) ?? { ids: [id], likes: [] };
    }
    ids.push(...pattern.ids);
    likes.push(...pattern.likes);
  }
  return { ids, likes };
}

const safeStoredId = (value: string) => {
  try {
    return storedId(value);
  } catch {
    return value;
  }
};

/** The token is tied to the query it pages through, so it cannot be replayed against another one. */
function fingerprintOf(params: Record<string, unknown>, bindings: Record<string, string>): string {
  const stable = Object.entries(params)
    .filter(([k]) => k !== 'nextPageToken' && k !== 'perPage')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([stable, bindings]))
    .digest('base64url')
    .slice(0, 16);
}

/** The last event of a page: its key and, when the query orders by a time, that time (the cursor follows both). */
export function nextPageToken(query: EventQuery, last: { pk: number; at: string | null }): string {
  const at = query.order.column ? (last.at ?? '') : '';
  return Buffer.from(`${last.pk}~${query.fingerprint}~${at}`).toString('base64url');
}

function readToken(token: string, fingerprint: string): { pk: number; at: string | null } | null {
  const [pk, print, at = ''] = Buffer.from(token, 'base64url').toString().split('~');
  const n = Number(pk);
  if (print !== fingerprint || !Number.isSafeInteger(n) || n < 0) return null;
  if (at && Number.isNaN(Date.parse(at))) return null;
  return { pk: n, at: at || null };
}
