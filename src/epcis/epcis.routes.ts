import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, notFound, Problem, requireActor } from '../platform/index.ts';
import { answerEvents } from './epcis.answer.ts';
import { listKnown } from './epcis.discovery.ts';
import {
  cbvXmlFormats,
  epcFormats,
  headerChoice,
  registeredCompanyPrefixes,
  translateIds,
} from './epcis.epc-format.ts';
import { epcisExceptionType } from './epcis.exceptions.ts';
import { captureOrganisation, defaultReadableOrganisations, eventVisibility } from './epcis.policy.ts';
import {
  epcisContextUrl,
  presentCaptureJob,
  presentCollection,
  standardEventTypes,
} from './epcis.presenter.ts';
import { nextPageToken, parseEventQuery } from './epcis.query.ts';
import { extensionBindings } from './epcis.query-ext.ts';
import * as service from './epcis.service.ts';
import { vendored } from './epcis.vendor.ts';
import { readXmlCapture } from './epcis.xml.ts';

export const captureBodyLimit = 20 * 1024 * 1024;

export interface EpcisRoutesOptions {
  /** The organisations whose events the actor reads (`null`: all), by the registry's rule. */
  readableOrganisationsFor?: (actor: Actor) => Promise<string[] | null>;
  /** Source/destination values (canonical GLN links …) that make an event visible to these organisations. */
  linkValuesFor?: (organisationIds: string[]) => Promise<string[]>;
}

const standardHeaders = {
  'GS1-EPCIS-Version': '2.0.0',
  'GS1-CBV-Version': '2.0.0',
  'GS1-EPCIS-Min': '2.0.0',
  'GS1-EPCIS-Max': '2.0.0',
  'GS1-CBV-Min': '2.0.0',
  'GS1-CBV-Max': '2.0.0',
  // what the reader may ask for in GS1-EPC-Format (Always_GS1_Digital_Link when it asks nothing)
  'GS1-EPC-Format': epcFormats.join(', '),
  'GS1-CBV-XML-Format': cbvXmlFormats.join(', '),
  'GS1-EPCIS-Capture-File-Size-Limit': String(captureBodyLimit),
};

const queryString = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const tag = { tags: ['EPCIS 2.0'] };

export default async function epcisRoutes(app: FastifyInstance, opts: EpcisRoutesOptions) {
  // problems under /epcis carry the binding's exception type (epcisException:…)
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), problemType: epcisExceptionType } as typeof route.config;
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  // EPCIS documents arrive as JSON, JSON-LD or XML: any other type (text/plain included) is 415.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    'application/ld+json',
    { parseAs: 'string', bodyLimit: captureBodyLimit },
    jsonParser,
  );
  // EPCIS 2.0 XML arrives as text and is converted to the JSON-LD model by the capture route.
  app.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'string', bodyLimit: captureBodyLimit },
    (_request, body, done) => done(null, body),
  );
  app.addHook('onSend', async (_request, reply) => {
    reply
      .header('GS1-EPCIS-Version', '2.0.0')
      .header('GS1-CBV-Version', '2.0.0')
      .header('GS1-Extensions', '');
  });

  const readableOrganisations = (actor: Actor) =>
    opts.readableOrganisationsFor
      ? opts.readableOrganisationsFor(actor)
      : Promise.resolve(defaultReadableOrganisations(actor));
  const visibility = async (request: FastifyRequest) => {
    const readable = await readableOrganisations(requireActor(request));
    const linkValues = readable?.length && opts.linkValuesFor ? await opts.linkValuesFor(readable) : [];
    return eventVisibility(readable, linkValues);
  };

  r.post(
    '/capture',
    { bodyLimit: captureBodyLimit, schema: { ...tag, summary: 'Capture an EPCIS 2.0 document' } },
    async (request, reply) => {
      const actor = requireActor(request);
      const organisationId = captureOrganisation(actor, headerValue(request, 'x-organisation-id'));
      const xml = typeof request.body === 'string';
      const document = xml ? await readXmlCapture(request.body as string) : request.body;
      const { captureId, eventIds } = await service.captureEpcisDocument(app.db, document, {
        organisationId,
        format: xml ? 'xml' : 'json',
      });
      return reply
        .status(202)
        .header('Location', `/epcis/capture/${captureId}`)
        .send({ captureID: captureId, eventCount: eventIds.length, eventIDs: eventIds.slice(0, 1000) });
    },
  );

  r.post(
    '/events',
    { bodyLimit: captureBodyLimit, schema: { ...tag, summary: 'Capture a single EPCIS event' } },
    async (request, reply) => {
      const actor = requireActor(request);
      const organisationId = captureOrganisation(actor, headerValue(request, 'x-organisation-id'));
      // one event is captured as JSON-LD; XML travels as a document through /capture
      if (typeof request.body === 'string') throw new Problem(415, 'unsupported-media-type');
      const { '@context': context, ...event } = (request.body ?? {}) as Record<string, unknown>;
      const document = {
        '@context': context ?? [epcisContextUrl],
        type: 'EPCISDocument',
        schemaVersion: '2.0',
        creationDate: new Date().toISOString(),
        epcisBody: { eventList: [event] },
      };
      const { eventIds } = await service
        .captureEpcisDocument(app.db, document, { organisationId })
        .catch((err) => {
          throw err instanceof Problem ? pointersIntoEvent(err) : err;
        });
      return reply
        .status(201)
        .header('Location', `/epcis/events/${encodeURIComponent(eventIds[0])}`)
        .send({ eventID: eventIds[0] });
    },
  );

  r.get(
    '/vocabularies',
    {
      schema: {
        ...tag,
        summary: 'Master data (vocabulary elements) the reader may see — a TXNG resource, docs/epcis.md',
        querystring: z.object({
          type: z.string().min(1).max(500).optional(),
          id: z
            .union([z.string().min(1).max(2000), z.array(z.string().min(1).max(2000)).max(500)])
            .optional(),
          perPage: z.coerce.number().int().min(1).max(10_000).default(1000),
        }),
      },
    },
    async (request) => {
      const { type, id, perPage } = request.query;
      const vocabularyList = await service.listMasterData(app.db, {
        organisationIds: await readableOrganisations(requireActor(request)),
        type,
        ids: id === undefined ? undefined : [id].flat(),
        limit: perPage,
      });
      return { vocabularyList };
    },
  );

  r.get('/capture', { schema: { ...tag, summary: 'Capture jobs' } }, async (request) => {
    const jobs = await service.listCaptureJobs(app.db, await readableOrganisations(requireActor(request)));
    return jobs.map(presentCaptureJob);
  });

  r.get(
    '/capture/:captureId',
    { schema: { ...tag, params: z.object({ captureId: z.uuid() }) } },
    async (request) => {
      const job = await service.getCaptureJob(
        app.db,
        request.params.captureId,
        await readableOrganisations(requireActor(request)),
      );
      return presentCaptureJob(job);
    },
  );

  const sendEvents = async (
    request: FastifyRequest,
    reply: FastifyReply,
    params: Record<string, unknown>,
  ) => {
    const query = parseEventQuery(params, extensionBindings(request.headers['gs1-extensions']));
    const { events, more } = await service.queryEvents(app.db, query, await visibility(request));
    if (more) {
      const last = events[events.length - 1];
      const at = query.order.column === 'record_time' ? last.recordTime : last.eventTime;
      const token = nextPageToken(query, { pk: last.pk, at: new Date(at).toISOString() });
      const url = new URL(request.url, 'http://local');
      url.searchParams.set('nextPageToken', token);
      reply.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
    }
    return answerEvents(app.db, request, reply, events);
  };

  r.get(
    '/events',
    { schema: { ...tag, summary: 'Query events (SimpleEventQuery)', querystring: queryString } },
    (request, reply) => sendEvents(request, reply, request.query),
  );

  r.get(
    '/events/:eventId',
    { schema: { ...tag, params: z.object({ eventId: z.string().min(1) }) } },
    async (request, reply) => {
      const { events } = await service.queryEvents(
        app.db,
        parseEventQuery({ EQ_eventID: request.params.eventId }),
        await visibility(request),
      );
      if (!events.length) throw notFound('epcis-event-not-found');
      return answerEvents(app.db, request, reply, events);
    },
  );

  const resources = [
    ['eventTypes', 'event_type', 'eventType'],
    ['bizSteps', 'biz_step', 'EQ_bizStep'],
    ['dispositions', 'disposition', 'EQ_disposition'],
    ['readPoints', 'read_point', 'EQ_readPoint'],
    ['bizLocations', 'biz_location', 'EQ_bizLocation'],
  ] as const;
  const page = z.object({
    perPage: z.coerce.number().int().min(1).max(1000).default(30),
    nextPageToken: z.string().min(1).max(2000).optional(),
  });
  const discovery = [...resources, ['epcs', 'epc', 'MATCH_anyEPC']] as const;
  for (const [resource, source, parameter] of discovery) {
    r.get(
      `/${resource}`,
      { schema: { ...tag, summary: `Known ${resource}, a page at a time`, querystring: page } },
      async (request, reply) => {
        const known = await listKnown(app.db, source, await visibility(request), request.query);
        if (known.nextPageToken) {
          const url = new URL(request.url, 'http://local');
          url.searchParams.set('nextPageToken', known.nextPageToken);
          reply.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
        }
        let member = known.values;
        // the standard event types are always known; EPCs are written as GS1-EPC-Format asks
        if (resource === 'eventTypes' && !request.query.nextPageToken)
          member = [...new Set([...standardEventTypes, ...member])];
        if (resource === 'epcs') {
          const format = headerChoice(
            request.headers['gs1-epc-format'],
            'GS1-EPC-Format',
            epcFormats,
            'Always_GS1_Digital_Link',
          );
          const prefixes = format === 'Always_EPC_URN' ? await registeredCompanyPrefixes(app.db) : [];
          member = translateIds(member, format, prefixes);
        }
        return presentCollection(member);
      },
    );
    r.get(
      `/${resource}/:value`,
      // a fixed ["events"]: reveals nothing
      { config: { public: true }, schema: { ...tag, params: z.object({ value: z.string().min(1) }) } },
      async () => presentCollection(['events']),
    );
    r.get(
      `/${resource}/:value/events`,
      { schema: { ...tag, params: z.object({ value: z.string().min(1) }), querystring: queryString } },
      (request, reply) => sendEvents(request, reply, { ...request.query, [parameter]: request.params.value }),
    );
  }

  // the top-level resources of the binding (HATEOAS discovery)
  r.get('/', { config: { public: true }, schema: { ...tag, summary: 'Top-level resources' } }, async () =>
    presentCollection([
      'queries',
      'capture',
      'events',
      'eventTypes',
      'epcs',
      'readPoints',
      'bizLocations',
      'dispositions',
      'bizSteps',
    ]),
  );

  app.get(
    '/context/epcis-context.jsonld',
    { config: { public: true }, schema: { hide: true } },
    async (_request, reply) =>
      reply
        .type('application/ld+json')
        .header('Cache-Control', 'public, max-age=86400')
        .send(vendored.context),
  );

  for (const path of ['/capture', '/events', '/']) {
    app.options(path, { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
      reply
        .headers(standardHeaders)
        .header('Allow', path === '/capture' ? 'OPTIONS, GET, POST' : 'OPTIONS, GET');
      return reply.status(204).send();
    });
  }
}

/** Errors of a single posted event name its fields from the event itself, not from the document around it. */
function pointersIntoEvent(problem: Problem): Problem {
  const wrapped = '/epcisBody/eventList/0';
  const errors = problem.errors.map((e) => ({
    ...e,
    field: e.field.startsWith(wrapped) ? e.field.slice(wrapped.length) || '/' : e.field,
  }));
  return new Problem(problem.status, problem.code, {
    errors,
    params: problem.params,
    headers: problem.headers,
  });
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value || undefined;
}
