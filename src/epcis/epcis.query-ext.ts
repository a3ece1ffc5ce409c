import { type FieldError, isRealDateTime } from '../platform/index.ts';
import { standardPrefixes } from './epcis.context.ts';

/**
 * The SimpleEventQuery parameters whose names carry a field name or a unit (EPCIS 2.0 §8.2.7.1, the query schema's
 * patternProperties): extension fields (`EQ_example:myField`, `GE_ILMD_…`, `EXISTS_INNER_…`), sensor values in one
 * unit (`GE_value_CEL`), quantities in one unit (`EQ_quantity_KGM`) and master-data attributes (`HASATTR_…`,
 * `EQ_ATTR_…`).
 */

/** How a field name may be written in a stored event: `prefix:local` keys whose prefix one of `namespaces` binds, or the `literals` as they are. */
export interface FieldName {
  local: string;
  namespaces: string[];
  literals: string[];
}

export type FieldTest =
  | { kind: 'exists' }
  | { kind: 'equals'; values: unknown[] }
  | { kind: 'number'; op: '>' | '>=' | '<' | '<='; value: number }
  | { kind: 'time'; op: '==' | '>' | '>=' | '<' | '<='; value: string };

/** An extension field found in one of the objects at `bases` (or anywhere below them when `inner`), passing one of `tests`. */
export interface FieldCondition {
  bases: string[];
  inner: boolean;
  name: FieldName;
  tests: FieldTest[];
}

/**
 * HASATTR_ (values null) and EQ_ATTR_: the place's master data has one of the attributes (with one of the values),
 * named by full id (`ids`) or, when the query gave a bare name, by local name (`locals`).
 */
export interface AttributeCondition {
  column: 'read_point' | 'biz_location';
  ids: string[];
  locals: string[];
  values: string[] | null;
}

export interface ExtensionConditions {
  fields: FieldCondition[];
  attributes: AttributeCondition[];
  paths: { paths: string[]; vars: Record<string, unknown> }[];
}

const ops = { EQ: '==', GT: '>', GE: '>=', LT: '<', LE: '<=' } as const;

/** Where each scope's extension fields sit in an event. */
const scopes: Record<string, string[]> = {
  '': ['$'],
  ILMD_: ['$.ilmd'],
  ERROR_DECLARATION_: ['$.errorDeclaration'],
  SENSORELEMENT_: ['$.sensorElementList[*]'],
  SENSORMETADATA_: ['$.sensorElementList[*].sensorMetadata'],
  SENSORREPORT_: ['$.sensorElementList[*].sensorReport[*]'],
  readPoint_: ['$.readPoint'],
  bizLocation_: ['$.bizLocation'],
};
const fieldParam =
  /^(EQ|GT|GE|LT|LE|EXISTS)_(INNER_)?(ILMD_|ERROR_DECLARATION_|SENSORELEMENT_|SENSORMETADATA_|SENSORREPORT_|readPoint_|bizLocation_)?(.+)$/;
const unitParam =
  /^(EQ|GT|GE|LT|LE)_(value|minValue|maxValue|meanValue|sDev|percValue|quantity)_([A-Z0-9]{2,4})$/;
const attrParam = /^EQ_ATTR_(readPoint|bizLocation)_(.+)$/;
const hasAttrParam = /^HASATTR_(readPoint|bizLocation)$/;

const localPart = /^[A-Za-z_][\w.-]*$/;
const curie = /^([A-Za-z][\w.-]*):([A-Za-z_][\w.-]*)$/;
const offsetTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;
const numeric = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A field name as a query may write it: `prefix:local` (the prefix bound by the request — GS1-Extensions, a named
 * query's @context — or by the standard context, else matched as the stored event writes it), `{namespace}#local`
 * (EPCIS 1.x and the standard's abstract form), or the field's full IRI (`https://ns.example.com/epcis/myField`).
 */
export function fieldNameOf(text: string, bindings: Record<string, string>): FieldName | null {
  const short = curie.exec(text);
  if (short && !/^(https?|urn)$/.test(short[1])) {
    const [, prefix, local] = short;
    const ns = bindings[prefix] ?? standardPrefixes[prefix];
    if (!ns) return { local, namespaces: [], literals: [text] };
    return { local, namespaces: [ns], literals: [ns + local, ...(prefix in bindings ? [] : [text])] };
  }
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(text)) return null;
  const hash = text.lastIndexOf('#');
  if (hash > 0) {
    const [ns, local] = [text.slice(0, hash), text.slice(hash + 1)];
    return localPart.test(local) ? { local, namespaces: [ns, `${ns}#`], literals: [text] } : null;
  }
  const local = /[/:]([A-Za-z_][\w.-]*)$/.exec(text)?.[1];
  return local ? { local, namespaces: [text.slice(0, -local.length)], literals: [text] } : null;
}

/** Bindings a GS1-Extensions header gives (`ex=https://ns.example.com/epcis/, ex2=…`). */
export function extensionBindings(header: unknown): Record<string, string> {
  const bindings: Record<string, string> = {};
  for (const part of String(header ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) bindings[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return bindings;
}

/**
 * Reads one parameter of these families into `into`; false when the name is none of theirs (the caller then
 * refuses it as unknown). A value that does not fit is a field error naming the parameter.
 */
export function readExtensionParam(
  name: string,
  text: string,
  values: string[],
  bindings: Record<string, string>,
  into: ExtensionConditions,
  errors: FieldError[],
): boolean {
  const unit = unitParam.exec(name);
  if (unit) {
    const [, family, field, uom] = unit;
    if (family === 'EQ' && field !== 'value' && field !== 'quantity') return false;
    const texts = family === 'EQ' ? values : [text];
    const numbers = texts.map(Number);
    if (!texts.length || texts.some((t, i) => !numeric.test(t) || !Number.isFinite(numbers[i]))) {
      errors.push({ field: name, code: 'epcis.query.badNumber' });
      return true;
    }
    const items =
      field === 'quantity'
        ? ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'].map(
            (l) => `$.${l}[*]`,
          )
        : ['$.sensorElementList[*].sensorReport[*]'];
    const test = numbers.map((_, i) => `@.${field} ${ops[family as keyof typeof ops]} $v${i}`).join(' || ');
    into.paths.push({
      paths: items.map((p) => `${p} ? (@.uom == $uom && (${test}))`),
      vars: { uom, ...Object.fromEntries(numbers.map((n, i) => [`v${i}`, n])) },
    });
    return true;
  }
  const attr = attrParam.exec(name) ?? hasAttrParam.exec(name);
  if (attr) {
    const column = attr[1] === 'readPoint' ? 'read_point' : 'biz_location';
    const names = attr[2] === undefined ? values : [attr[2]];
    if (!values.length) errors.push({ field: name, code: 'epcis.query.emptyValue' });
    else
      into.attributes.push({
        column,
        ids: names.flatMap(attributeForms),
        locals: names.filter((n) => localPart.test(n)),
        values: attr[2] === undefined ? null : values,
      });
    return true;
  }
  const field = fieldParam.exec(name);
  if (!field) return false;
  const [, family, inner, scope = '', fieldText] = field;
  if ((scope === 'readPoint_' || scope === 'bizLocation_') && family !== 'EQ') return false;
  const fieldName = fieldNameOf(fieldText, bindings);
  if (!fieldName) return false;
  const tests = fieldTests(family, text, values);
  if (!tests)
    errors.push({
      field: name,
      code: family === 'EQ' ? 'epcis.query.emptyValue' : 'epcis.query.badNumberOrTime',
    });
  else into.fields.push({ bases: scopes[scope], inner: Boolean(inner), name: fieldName, tests });
  return true;
}

function fieldTests(family: string, text: string, values: string[]): FieldTest[] | null {
  if (family === 'EXISTS') return [{ kind: 'exists' }];
  const isTime = (v: string) => offsetTime.test(v) && isRealDateTime(v);
  const instant = (v: string) => new Date(v).toISOString().replace('Z', '+00:00');
  if (family === 'EQ') {
    if (!values.length) return null;
    // a value that reads as a number or boolean also finds the JSON number or boolean; a time, the same instant
    const typed = values.flatMap((v): unknown[] =>
      numeric.test(v) ? [Number(v)] : v === 'true' ? [true] : v === 'false' ? [false] : [],
    );
    const times = values
      .filter(isTime)
      .map((v): FieldTest => ({ kind: 'time', op: '==', value: instant(v) }));
    return [{ kind: 'equals', values: [...values, ...typed] }, ...times];
  }
  const op = ops[family as keyof typeof ops] as '>' | '>=' | '<' | '<=';
  if (numeric.test(text) && Number.isFinite(Number(text)))
    return [{ kind: 'number', op, value: Number(text) }];
  if (isTime(text)) return [{ kind: 'time', op, value: instant(text) }];
  return null;
}

/** An attribute name in the forms master data may write it: as given, its standard-prefix CURIE and expansion. */
function attributeForms(attribute: string): string[] {
  const forms = new Set([attribute]);
  for (const [prefix, ns] of Object.entries(standardPrefixes)) {
    if (attribute.startsWith(`${prefix}:`)) forms.add(ns + attribute.slice(prefix.length + 1));
    if (attribute.startsWith(ns) && localPart.test(attribute.slice(ns.length)))
      forms.add(`${prefix}:${attribute.slice(ns.length)}`);
  }
  return [...forms];
}

/** Time values in the documents are compared where they carry an offset, as the parameter's time is. */
export const storedTimePattern = offsetTime.source;
