import fc from 'fast-check';

/** The part of JSON Schema that the OpenAPI document of TXNG uses (what zod's converter writes). */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  nullable?: boolean;
}

/** Real rows to aim at: a valid-looking id that names nothing only ever reaches a 404. */
export interface Known {
  uuids: string[];
  strings: string[];
}

const dayMs = 86_400_000;
// mostly recent days, sometimes the ends of what a four-digit year allows
const isoDate = fc
  .oneof(
    {
      weight: 5,
      arbitrary: fc.integer({ min: Date.UTC(2000, 0, 1) / dayMs, max: Date.UTC(2040, 0, 1) / dayMs }),
    },
    {
      weight: 1,
      // year 0 included: PostgreSQL has none, so a schema must refuse it
      arbitrary: fc.integer({
        min: Date.parse('0000-01-01T00:00:00Z') / dayMs,
        max: Date.parse('9999-12-31T00:00:00Z') / dayMs,
      }),
    },
  )
  .map((d) => new Date(d * dayMs).toISOString().slice(0, 10));
// zod's date-time takes any offset up to ±23:59; PostgreSQL only up to ±15:59
const isoDateTime = fc
  .tuple(
    isoDate,
    fc.integer({ min: 0, max: 86_399 }),
    fc.constantFrom('Z', '+07:00', '-05:00', '+14:00', '+15:59', '+16:00', '-23:59'),
  )
  .map(([day, s, zone]) => `${day}T${new Date(s * 1000).toISOString().slice(11, 19)}${zone}`);
const vietnamese = ['Bưởi da xanh', 'Hợp tác xã Điều', 'Chôm chôm Long Khánh', 'kg', 'Ấp 3'];

function stringFor(schema: JsonSchema, known: Known): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...known.uuids) },
        { weight: 1, arbitrary: fc.uuid() },
      );
    case 'date':
      return isoDate;
    case 'date-time':
      return isoDateTime;
    case 'email':
      // fast-check's addresses are RFC 5322's, most of which zod's stricter pattern refuses: plain ones get further
      return fc.oneof(
        fc
          .tuple(
            fc.stringMatching(/^[a-z][a-z0-9.]{0,10}$/),
            fc.constantFrom('htx.vn', 'gmail.com', 'so-nn.gov.vn'),
          )
          .map(([user, domain]) => `${user}@${domain}`),
        fc.emailAddress(),
      );
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern), { size: 'small' });
    } catch {
      // a pattern fast-check cannot build from: plain text, the server refuses it as it should
    }
  }
  // picked from lists that fit, never filtered: a filter that nothing passes would never end
  const fitting = [...vietnamese, ...known.strings].filter(
    (s) => s.length >= minLength && s.length <= maxLength,
  );
  const text = fc.string({ minLength, maxLength });
  return fitting.length ? fc.oneof(text, fc.constantFrom(...fitting)) : text;
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exclusive = schema.exclusiveMinimum;
  const min = typeof exclusive === 'number' ? exclusive : schema.minimum;
  const max = schema.maximum;
  if (integer)
    return fc.integer({
      min: Math.max(min ?? -1_000_000, Number.MIN_SAFE_INTEGER),
      max: Math.min(max ?? 1_000_000, Number.MAX_SAFE_INTEGER),
    });
  return fc.double({ min: min ?? -1e9, max: max ?? 1e9, noNaN: true, noDefaultInfinity: true });
}

/**
 * Values that a JSON Schema describes, leaning towards valid ones (so requests get past validation and into the
 * code behind it); the mutations in `hostile.ts` make them invalid afterwards.
 */
export function arbitraryFor(schema: JsonSchema | undefined, known: Known, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 8) return fc.jsonValue({ maxDepth: 2 });
  const value = plainArbitrary(schema, known, depth);
  return schema.nullable ? fc.option(value, { nil: null, freq: 5 }) : value;
}

function plainArbitrary(schema: JsonSchema, known: Known, depth: number): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, known, depth + 1)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema, known);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFor(schema.items, known, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, s]) => [key, arbitraryFor(s, known, depth + 1)]),
      );
      const required = (schema.required ?? []).filter((k) => k in properties);
      return fc.record(model, { requiredKeys: required });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
