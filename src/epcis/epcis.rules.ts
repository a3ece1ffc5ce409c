import { type FieldError, isRealDateTime } from '../platform/index.ts';
import { identifierProblem } from './epcis.ids.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const timeWithZone = /(Z|[+-]\d{2}:\d{2})$/i;
const zoneOffset = /^[+-]((0\d|1[0-3]):[0-5]\d|14:00)$/;

/** Fields holding instance identifiers, and lists of quantity elements holding class identifiers. */
const idLists = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'];
const quantityLists = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];

/**
 * The rules of EPCIS 2.0 and CBV 2.0 that the JSON Schema cannot express: GS1 check digits inside EPC URNs and
 * Digital Links, where ILMD may appear, a transformation with something to transform, times with offsets.
 */
export function eventRuleErrors(event: unknown, at: string): FieldError[] {
  if (!isObject(event)) return [];
  const errors: FieldError[] = [];
  const type = event.type;

  const checkId = (value: unknown, field: string) => {
    if (typeof value !== 'string') return;
    const problem = identifierProblem(value);
    if (problem)
      errors.push({ field, code: problem.code, params: { ...problem.params, reason: problem.reason } });
  };
  checkId(event.parentID, `${at}/parentID`);
  for (const list of idLists)
    asArray(event[list]).forEach((v, i) => {
      checkId(v, `${at}/${list}/${i}`);
    });
  for (const list of quantityLists)
    asArray(event[list]).forEach((q, i) => {
      if (isObject(q)) checkId(q.epcClass, `${at}/${list}/${i}/epcClass`);
    });
  for (const place of ['readPoint', 'bizLocation'])
    if (isObject(event[place])) checkId((event[place] as Json).id, `${at}/${place}/id`);
  for (const [list, key] of [
    ['sourceList', 'source'],
    ['destinationList', 'destination'],
    ['bizTransactionList', 'bizTransaction'],
  ])
    asArray(event[list]).forEach((s, i) => {
      if (isObject(s)) checkId(s[key], `${at}/${list}/${i}/${key}`);
    });

  if (
    event.ilmd !== undefined &&
    !(type === 'TransformationEvent' || (type === 'ObjectEvent' && event.action === 'ADD'))
  )
    errors.push({ field: `${at}/ilmd`, code: 'epcis.ilmdOnlyOnAdd' });

  if (type === 'TransformationEvent') {
    const lists = ['inputEPCList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList'];
    if (!lists.some((l) => asArray(event[l]).length > 0))
      errors.push({ field: at, code: 'epcis.transformationNeedsInputOrOutput' });
  }
  if (type === 'AggregationEvent' && (event.action === 'ADD' || event.action === 'DELETE') && !event.parentID)
    errors.push({
      field: `${at}/parentID`,
      code: 'epcis.parentIdRequired',
      params: { action: event.action },
    });

  const checkTime = (value: unknown, field: string) => {
    const error = timeError(value, field);
    if (error) errors.push(error);
  };
  checkTime(event.eventTime, `${at}/eventTime`);
  checkTime(event.recordTime, `${at}/recordTime`);
  if (isObject(event.errorDeclaration))
    checkTime(event.errorDeclaration.declarationTime, `${at}/errorDeclaration/declarationTime`);
  asArray(event.sensorElementList).forEach((element, i) => {
    if (!isObject(element)) return;
    const here = `${at}/sensorElementList/${i}`;
    const metadata = element.sensorMetadata;
    if (isObject(metadata))
      for (const key of ['time', 'startTime', 'endTime'])
        checkTime(metadata[key], `${here}/sensorMetadata/${key}`);
    asArray(element.sensorReport).forEach((report, j) => {
      if (isObject(report)) checkTime(report.time, `${here}/sensorReport/${j}/time`);
    });
  });
  if (typeof event.eventTimeZoneOffset === 'string' && !zoneOffset.test(event.eventTimeZoneOffset))
    errors.push({ field: `${at}/eventTimeZoneOffset`, code: 'epcis.timeZoneOffset' });
  return errors;
}

/**
 * GS1 identifiers in a document's master data (`epcisHeader.epcisMasterData`): element ids and children are
 * stored in their canonical form (epcis.masterdata.ts) and must be valid GS1 keys as an event's are. Before this,
 * `urn:epc:id:sgln:0054321.00729` (an SGLN without its extension) reached the store and was a 500.
 */
export function masterDataRuleErrors(document: unknown): FieldError[] {
  if (!isObject(document) || !isObject(document.epcisHeader)) return [];
  const masterData = document.epcisHeader.epcisMasterData;
  if (!isObject(masterData)) return [];
  const errors: FieldError[] = [];
  const checkId = (value: unknown, field: string) => {
    if (typeof value !== 'string') return;
    const problem = identifierProblem(value);
    if (problem)
      errors.push({ field, code: problem.code, params: { ...problem.params, reason: problem.reason } });
  };
  asArray(masterData.vocabularyList).forEach((vocabulary, i) => {
    if (!isObject(vocabulary)) return;
    asArray(vocabulary.vocabularyElementList).forEach((element, j) => {
      if (!isObject(element)) return;
      const at = `/epcisHeader/epcisMasterData/vocabularyList/${i}/vocabularyElementList/${j}`;
      checkId(element.id, `${at}/id`);
      asArray(element.children).forEach((child, k) => {
        checkId(child, `${at}/children/${k}`);
      });
    });
  });
  return errors;
}

/**
 * A time the schema's date-time format lets through must still exist: the fast format check takes 31 February,
 * hour 25 or an offset of +25:00, and the database then refused the row with a 500.
 */
export function timeError(value: unknown, field: string): FieldError | null {
  if (typeof value !== 'string') return null;
  if (!timeWithZone.test(value)) return { field, code: 'epcis.timeZoneRequired' };
  if (!isRealDateTime(value)) return { field, code: 'epcis.impossibleTime' };
  return null;
}
