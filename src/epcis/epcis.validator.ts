import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FieldError } from '../platform/index.ts';
import { withErrata } from './epcis.schema-errata.ts';
import { vendored } from './epcis.vendor.ts';

let compiled: ValidateFunction | null = null;

/** The official EPCIS 2.0 JSON Schema (vendored), compiled once per process. */
export function epcisSchemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
    // 'fast' formats: the same verdicts on every test document of both suites, at a fraction of the cost.
    (addFormatsModule as any)(ajv, { mode: 'fast' });
    compiled = ajv.compile(withErrata(JSON.parse(vendored.schema)));
  }
  return compiled;
}

const compositeKeywords = new Set(['if', 'anyOf', 'allOf', 'oneOf', 'not', 'then', 'else', '$ref']);

/** Validates against the official schema; returns the most specific problems, as JSON Pointers and message keys. */
export function schemaErrors(document: unknown): FieldError[] {
  const validate = epcisSchemaValidator();
  if (validate(document)) return [];
  return pickSpecific(validate.errors ?? []).map(toFieldError);
}

/**
 * ajv reports every failed branch of the schema's if/anyOf. The deepest concrete errors say what is wrong;
 * the composite ones only repeat that something below failed.
 */
function pickSpecific(errors: ErrorObject[]): ErrorObject[] {
  const concrete = errors.filter((e) => !compositeKeywords.has(e.keyword));
  const pool = concrete.length ? concrete : errors;
  const depth = (e: ErrorObject) => fieldOf(e).split('/').length;
  const deepest = Math.max(...pool.map(depth));
  const seen = new Set<string>();
  return pool
    .filter((e) => depth(e) === deepest)
    .filter((e) => {
      const key = `${fieldOf(e)} ${e.keyword}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 20);
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function fieldOf(e: ErrorObject): string {
  const p = e.params as Record<string, any>;
  if (e.keyword === 'required') return `${e.instancePath}/${escapePointer(p.missingProperty)}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${escapePointer(p.additionalProperty)}`;
  if (p?.propertyName !== undefined) return `${e.instancePath}/${escapePointer(p.propertyName)}`;
  return e.instancePath;
}

function toFieldError(e: ErrorObject): FieldError {
  const field = fieldOf(e) || '/';
  const p = e.params as Record<string, any>;
  switch (e.keyword) {
    case 'required':
      return { field, code: 'epcis.schema.required', params: { property: p.missingProperty } };
    case 'additionalProperties':
      return { field, code: 'epcis.schema.unknownField', params: { property: p.additionalProperty } };
    case 'type':
      return { field, code: 'epcis.schema.type', params: { expected: p.type } };
    case 'enum':
      return { field, code: 'epcis.schema.enum', params: { allowed: (p.allowedValues ?? []).join(', ') } };
    case 'const':
      return { field, code: 'epcis.schema.enum', params: { allowed: String(p.allowedValue) } };
    case 'format':
      if (p?.propertyName !== undefined)
        return { field, code: 'epcis.schema.unknownField', params: { property: p.propertyName } };
      return { field, code: 'epcis.schema.format', params: { format: p.format } };
    case 'pattern':
      return { field, code: 'epcis.schema.pattern', params: { pattern: p.pattern } };
    case 'minItems':
    case 'minLength':
      return { field, code: 'epcis.schema.tooShort', params: { limit: p.limit } };
    case 'maxItems':
    case 'maxLength':
      return { field, code: 'epcis.schema.tooLong', params: { limit: p.limit } };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { field, code: 'epcis.schema.range', params: { limit: `${p.comparison} ${p.limit}` } };
    case 'uniqueItems':
      return { field, code: 'epcis.schema.unique' };
    case 'propertyNames':
      return { field, code: 'epcis.schema.unknownField', params: { property: p.propertyName } };
    default:
      return { field, code: 'epcis.schema.invalid', params: { keyword: e.keyword } };
  }
}
