import fc from 'fast-check';
import { epcisPayload, epcisQuery, multipartPayload, type Payload, uploadFile } from './bodies.ts';
import {
  encodePart,
  hostileString,
  hostileValue,
  type Mutation,
  mutate,
  mutation,
  withUnstorable,
} from './hostile.ts';
import { arbitraryFor, type JsonSchema, type Known } from './schema-arbitrary.ts';

/** One request as `app.inject` takes it, and the actor it was sent as (for the report). */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  actor: string;
}

export interface Operation {
  method: string;
  /** the route as the OpenAPI document writes it, `{id}` and all */
  path: string;
  request: fc.Arbitrary<FuzzRequest>;
}

export interface FuzzContext {
  known: Known;
  /** identifiers an EPCIS event may carry: Digital Links and URNs of the seeded products and places */
  epcIds: string[];
  /** spreadsheets and images made ahead (building them inside a property would be slow) */
  prepared: Buffer[];
  /** request headers of each actor; `anonymous` has none */
  actors: Record<string, Record<string, string>>;
}

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const multipartRoutes = new Set(['POST /api/files', 'POST /api/imports/{kind}']);

function queryString(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value])
      parts.push(`${encodePart(key)}=${encodePart(typeof v === 'object' ? JSON.stringify(v) : String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

const fillPath = (path: string, params: Record<string, unknown>) =>
  path.replace(/\{(\w+)\}/g, (_, name) => encodePart(String(params[name] ?? '')));

/** Parameters as their schemas say: the attack, when there is one, is laid on afterwards in one place. */
function parametersArbitrary(parameters: Parameter[], where: 'path' | 'query', known: Known) {
  const chosen = parameters.filter((p) => p.in === where);
  const model = Object.fromEntries(chosen.map((p) => [p.name, arbitraryFor(p.schema, known)]));
  const required = chosen.filter((p) => p.required || where === 'path').map((p) => p.name);
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}

/**
 * One attack on an otherwise valid request, or none: a request wrong in five places is refused at the first and
 * never reaches the code behind validation, where the faults are.
 */
function attacked(params: Record<string, unknown>, names: string[], value: unknown, pick: number) {
  if (!names.length) return params;
  return { ...params, [names[pick % names.length]]: value };
}

/** A JSON body from the schema, then mutated (or not), sometimes sent broken or as another type. */
function jsonBody(schema: JsonSchema | undefined, known: Known): fc.Arbitrary<Payload> {
  return fc
    .record({
      value: arbitraryFor(schema, known),
      // half the bodies as the schema says, to get past validation into the code behind it
      mutations: fc.oneof(fc.constant<Mutation[]>([]), fc.array(mutation, { minLength: 1, maxLength: 2 })),
      framing: fc.constantFrom('json', 'json', 'json', 'json', 'json', 'json', 'truncated', 'text', 'none'),
    })
    .map(({ value, mutations, framing }) => {
      const text = JSON.stringify(mutate(value, mutations)) ?? 'null';
      if (framing === 'truncated')
        return { payload: text.slice(0, Math.max(1, text.length >> 1)), contentType: 'application/json' };
      if (framing === 'text') return { payload: text, contentType: 'text/plain' };
      if (framing === 'none') return {};
      return { payload: text, contentType: 'application/json' };
    });
}

const extraHeaders = (known: Known) =>
  fc.record(
    {
      'accept-language': fc.constantFrom('vi', 'en', 'en;q=0.1, vi;q=0', '*', 'x'.repeat(300)),
      accept: fc.constantFrom('application/json', 'text/html', 'application/ld+json', '*/*'),
      'x-organisation-id': fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...known.uuids) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: hostileString },
      ),
    },
    { requiredKeys: [] },
  );

/** Puts a request together: the actor's headers, a client address of its own (rate limits), the body's type. */
function assemble(ctx: FuzzContext, method: string, parts: fc.Arbitrary<{ url: string; body: Payload }>) {
  return fc
    .record({
      parts,
      // anonymous callers meet the 401 gate first: most runs go to the actors who get further
      actor: fc.oneof(
        { weight: 1, arbitrary: fc.constant('anonymous') },
        {
          weight: 4,
          arbitrary: fc.constantFrom(...Object.keys(ctx.actors).filter((a) => a !== 'anonymous')),
        },
      ),
      extra: extraHeaders(ctx.known),
      address: fc.ipV4(),
    })
    .map(({ parts: { url, body }, actor, extra, address }): FuzzRequest => {
      const headers: Record<string, string> = { ...extra, ...ctx.actors[actor], 'x-forwarded-for': address };
      // a header must be Latin-1 on the wire; anything else is the HTTP parser's to refuse, not the app's
      for (const [name, value] of Object.entries(headers))
        if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(value)) delete headers[name];
      if (body.contentType) headers['content-type'] = body.contentType;
      return { method, url, headers, payload: body.payload, actor };
    });
}

function fromOpenApi(method: string, path: string, op: OpenApiOperation, ctx: FuzzContext): Operation {
  const parameters = op.parameters ?? [];
  const key = `${method} ${path}`;
  const isEpcisEvents = path.startsWith('/epcis/') && path.endsWith('events') && method === 'GET';
  const query = isEpcisEvents ? epcisQuery(ctx.epcIds) : parametersArbitrary(parameters, 'query', ctx.known);
  const body: fc.Arbitrary<Payload> = multipartRoutes.has(key)
    ? multipartPayload(
        fc.dictionary(fc.constantFrom('organisationId', 'commit', 'note'), fc.string({ maxLength: 10 }), {
          maxKeys: 2,
        }),
        uploadFile(ctx.prepared),
        'file',
      )
    : key === 'POST /epcis/capture'
      ? epcisPayload(ctx.epcIds, false)
      : key === 'POST /epcis/events'
        ? epcisPayload(ctx.epcIds, true)
        : op.requestBody?.content?.['application/json']
          ? jsonBody(op.requestBody.content['application/json'].schema, ctx.known)
          : fc.constant({});
  const pathNames = parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const queryNames = parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const parts = fc
    .record({
      params: parametersArbitrary(parameters, 'path', ctx.known),
      query,
      body,
      // the body carries its own mutations; path and query get at most one hostile value between them
      target: fc.constantFrom('none', 'path', 'query', 'query'),
      value: fc.oneof(
        { weight: 1, arbitrary: hostileValue },
        { weight: 2, arbitrary: withUnstorable(fc.string({ maxLength: 12 })) },
      ),
      pick: fc.nat(),
    })
    .map(({ params, query: q, body: b, target, value, pick }) => {
      const p = target === 'path' ? attacked(params, pathNames, value, pick) : params;
      const qs = target === 'query' ? attacked(q, queryNames, value, pick) : q;
      return { url: fillPath(path, p) + queryString(qs), body: b };
    });
  return { method, path, request: assemble(ctx, method, parts) };
}

/** Routes the OpenAPI document hides: the consumer pages, the report form, the resolver. */
function hiddenOperations(ctx: FuzzContext): Operation[] {
  const gtin = fc.oneof(
    fc.constantFrom(...ctx.known.strings.filter((s) => /^\d{14}$/.test(s))),
    hostileString,
  );
  const segment = fc.oneof(fc.string({ maxLength: 20 }), hostileString);
  const digitalLink = fc
    .record({
      gtin,
      ai: fc.constantFrom('10', '21', '17', '99', 'x'),
      value: segment,
      linkType: fc.option(fc.constantFrom('gs1:pip', 'all', 'x')),
    })
    .map(
      ({ gtin: g, ai, value, linkType }) =>
        `/01/${encodePart(g)}/${ai}/${encodePart(value)}${linkType ? `?linkType=${encodePart(linkType)}` : ''}`,
    );
  const get = (prefix: string) =>
    assemble(
      ctx,
      'GET',
      digitalLink.map((dl) => ({ url: `${prefix}${dl}`, body: {} })),
    );
  const reportFields = fc.record(
    {
      uri: fc.oneof(
        digitalLink.map((dl) => `https://txng.example.vn${dl}`),
        hostileString,
      ),
      message: fc.oneof(fc.constantFrom('Tem giả', ''), hostileString),
      phone: fc.oneof(fc.constantFrom('0987654321'), hostileString),
      consent: fc.constantFrom('yes', 'on', 'no'),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, string>>;
  const photo = uploadFile(ctx.prepared);
  const scanLocation: JsonSchema = {
    type: 'object',
    properties: {
      scan: { type: 'integer', minimum: 1 },
      token: { type: 'string', maxLength: 64 },
      latitude: { type: 'number', minimum: -90, maximum: 90 },
      longitude: { type: 'number', minimum: -180, maximum: 180 },
    },
    required: ['scan', 'token', 'latitude', 'longitude'],
  };
  return [
    { method: 'GET', path: '/{digital link}', request: get('') },
    { method: 'GET', path: '/page/{digital link}', request: get('/page') },
    { method: 'GET', path: '/dpp/{digital link}', request: get('/dpp') },
    { method: 'GET', path: '/epil/{digital link}', request: get('/epil') },
    {
      method: 'GET',
      path: '/{compressed}',
      request: assemble(
        ctx,
        'GET',
        segment.map((s) => ({ url: `/${encodePart(s)}`, body: {} })),
      ),
    },
    {
      method: 'POST',
      path: '/page/report',
      request: assemble(
        ctx,
        'POST',
        multipartPayload(reportFields, photo, 'photo').map((body) => ({ url: '/page/report', body })),
      ),
    },
    {
      method: 'POST',
      path: '/page/scan-location',
      request: assemble(
        ctx,
        'POST',
        jsonBody(scanLocation, ctx.known).map((body) => ({ url: '/page/scan-location', body })),
      ),
    },
  ];
}

/** Every route of the OpenAPI document (each method), and the hidden public ones. */
export function operationsOf(
  document: { paths: Record<string, Record<string, OpenApiOperation>> },
  ctx: FuzzContext,
) {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths))
    for (const [method, op] of Object.entries(methods))
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method))
        operations.push(fromOpenApi(method.toUpperCase(), path, op, ctx));
  return [...operations, ...hiddenOperations(ctx)];
}
