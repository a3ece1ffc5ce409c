import crypto from 'node:crypto';
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, Problem, requireActor } from '../platform/index.ts';
import { answerEvents } from './epcis.answer.ts';
import { standingQuery } from './epcis.delivery.ts';
import { type SocketSubscriber, SubscriptionDispatcher } from './epcis.dispatcher.ts';
import { epcisExceptionType } from './epcis.exceptions.ts';
import * as named from './epcis.named-queries.ts';
import { eventVisibility } from './epcis.policy.ts';
import { queryOwner } from './epcis.queries.policy.ts';
import { nextPageToken, parseEventQuery } from './epcis.query.ts';
import type { EpcisRoutesOptions } from './epcis.routes.ts';
import { nextScheduledTime } from './epcis.schedule.ts';
import { queryEvents } from './epcis.service.ts';
import type { NamedQuery } from './epcis.subscriptions.repo.ts';
import * as subscriptions from './epcis.subscriptions.ts';

const tag = { tags: ['EPCIS 2.0'] };
const queryName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N}._~-]+$/u);
const page = z.object({
  perPage: z.coerce.number().int().min(1).max(1000).default(30),
  nextPageToken: z.string().max(1000).optional(),
});
const byName = z.object({ queryName: z.string().min(1).max(200) });
const bySubscription = byName.extend({ subscriptionID: z.string().min(1).max(100) });
const queryString = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
/** What a WebSocket handshake on /queries/{queryName}/events may say besides paging (the binding's GS1-Query-*). */
const socketParams = [
  'stream',
  'reportIfEmpty',
  'initialRecordTime',
  ...Object.keys(subscriptions.querySchedule.shape),
];

/**
 * Named queries and subscriptions of the EPCIS 2.0 REST binding (`/queries`): stored per organisation, run with
 * what that organisation may read; webhooks delivered by the SubscriptionDispatcher, WebSockets at
 * GET /queries/{queryName}/events with `stream=true` or a schedule, as the binding's OpenAPI says.
 */
export default async function queriesRoutes(app: FastifyInstance, opts: EpcisRoutesOptions) {
  await app.register(websocket);
  // problems carry the binding's exception type, as under the rest of /epcis; a stored query's bad parameters are
  // the QueryParameterException GET /epcis/events gives for them
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), problemType } as typeof route.config;
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const visibilityOf = async (organisationId: string) =>
    eventVisibility([organisationId], opts.linkValuesFor ? await opts.linkValuesFor([organisationId]) : []);
  const dispatcher = new SubscriptionDispatcher(app.db, {
    maxAttempts: app.config.webhookMaxAttempts,
    retrySeconds: app.config.webhookRetrySeconds,
    allow: app.config.webhookAllow,
    visibilityOf,
  });
  app.addHook('onReady', async () => dispatcher.start());
  app.addHook('onSend', async (_request, reply) => {
    reply
      .header('GS1-EPCIS-Version', '2.0.0')
      .header('GS1-CBV-Version', '2.0.0')
      .header('GS1-Extensions', '');
  });
  app.addHook('onClose', async () => dispatcher.stop());

  const owner = (request: FastifyRequest) => {
    const header = request.headers['x-organisation-id'];
    return queryOwner(requireActor(request), Array.isArray(header) ? header[0] : header || undefined);
  };
  const namedQuery = (request: FastifyRequest<{ Params: { queryName: string } }>) =>
    named.requireNamedQuery(app.db, owner(request), request.params.queryName);

  r.post(
    '/queries',
    {
      schema: {
        ...tag,
        summary: 'Create a named query',
        body: z.object({ name: queryName, query: z.record(z.string(), z.unknown()) }),
      },
    },
    async (request, reply) => {
      const { name, query } = request.body;
      await named.createNamedQuery(app.db, { organisationId: owner(request), name, query });
      return reply
        .status(201)
        .header('Location', `/epcis/queries/${encodeURIComponent(name)}`)
        .send(named.presentNamedQuery({ name, query }));
    },
  );

  r.get(
    '/queries',
    { schema: { ...tag, summary: 'Named queries', querystring: page } },
    async (request, reply) => {
      const { perPage, nextPageToken: token } = request.query;
      const rows = await named.listNamedQueries(app.db, owner(request), readPageToken(token), perPage + 1);
      linkNext(request, reply, rows.length > perPage ? rows[perPage - 1].name : null);
      return rows.slice(0, perPage).map(named.presentNamedQuery);
    },
  );

  r.get('/queries/:queryName', { schema: { ...tag, params: byName } }, async (request) =>
    named.presentNamedQuery(await namedQuery(request)),
  );

  r.delete('/queries/:queryName', { schema: { ...tag, params: byName } }, async (request, reply) => {
    const query = await named.deleteNamedQuery(app.db, owner(request), request.params.queryName);
    dispatcher.closeSocketsOf(query.id);
    return reply.status(204).send();
  });

  // prepared in preHandler, before a WebSocket handshake is answered, so a bad request is refused over HTTP
  const sockets = new WeakMap<FastifyRequest, Omit<SocketSubscriber, 'send' | 'close'>>();
  r.route({
    method: 'GET',
    url: '/queries/:queryName/events',
    schema: {
      ...tag,
      summary: 'Run a named query; with Upgrade: websocket, subscribe to it',
      params: byName,
      querystring: queryString,
    },
    preHandler: async (request) => {
      if (!request.ws) return;
      // a page of another site must not open a socket with a visitor's session cookie
      const origin = request.headers.origin;
      if (origin && origin !== new URL(app.config.baseUrl).origin)
        throw new Problem(403, 'epcis-socket-origin');
      sockets.set(request, await socketSubscriber(await namedQuery(request), request.query));
    },
    handler: async (request, reply) => {
      const query = await namedQuery(request);
      const { perPage, nextPageToken: token, ...rest } = request.query;
      refuseUnknown(Object.keys(rest));
      const parsed = parseEventQuery(
        {
          ...named.queryParamsOf(query.query as Record<string, unknown>),
          ...(perPage === undefined ? {} : { perPage }),
          ...(token === undefined ? {} : { nextPageToken: token }),
        },
        named.bindingsOf(query.query),
      );
      const { events, more } = await queryEvents(app.db, parsed, await visibilityOf(query.organisationId));
      if (more) {
        const last = events[events.length - 1];
        const at = parsed.order.column === 'record_time' ? last.recordTime : last.eventTime;
        const next = nextPageToken(parsed, { pk: last.pk, at: new Date(at).toISOString() });
        const url = new URL(request.url, 'http://local');
        url.searchParams.set('nextPageToken', next);
        reply.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
      }
      return answerEvents(app.db, request, reply, events, query.name);
    },
    wsHandler: (socket, request) => {
      const prepared = sockets.get(request)!;
      const subscriber: SocketSubscriber = {
        ...prepared,
        send: (document) => socket.send(JSON.stringify(document)),
        close: () => socket.close(1000),
      };
      dispatcher.addSocket(subscriber);
      socket.on('close', () => dispatcher.removeSocket(subscriber));
      // from an initialRecordTime in the past, what is already there goes out now
      dispatcher.wake('capture');
    },
  });

  async function socketSubscriber(query: NamedQuery, params: Record<string, string | string[]>) {
    const value = (name: string) => (Array.isArray(params[name]) ? params[name][0] : params[name]);
    refuseUnknown(Object.keys(params).filter((name) => !socketParams.includes(name)));
    const schedule = Object.fromEntries(
      Object.keys(subscriptions.querySchedule.shape)
        .filter((name) => value(name) !== undefined)
        .map((name) => [name, value(name)]),
    );
    const matcher = subscriptions.subscriptionControls(
      {
        stream: value('stream') === 'true' ? true : undefined,
        schedule: Object.keys(schedule).length ? schedule : undefined,
      },
      '/querystring',
    );
    const initial = value('initialRecordTime');
    const since = initial === undefined ? new Date() : new Date(initial);
    if (Number.isNaN(since.getTime()))
      throw badRequest(
        [{ field: '/querystring/initialRecordTime', code: 'epcis.query.badTime' }],
        'epcis-subscription-controls',
      );
    return {
      subscriptionID: crypto.randomUUID(),
      queryId: query.id,
      queryName: query.name,
      query: standingQuery(named.readStoredQuery(query.query), since),
      visibility: await visibilityOf(query.organisationId),
      schedule: matcher,
      reportIfEmpty: value('reportIfEmpty') === 'true',
      cursor: { cursorPk: 0, sent: new Set<number>() },
      nextAt: matcher ? nextScheduledTime(matcher, new Date()) : new Date(),
    };
  }

  r.post(
    '/queries/:queryName/subscriptions',
    {
      schema: {
        ...tag,
        summary: 'Subscribe a webhook to a named query',
        params: byName,
        body: subscriptions.subscriptionInput,
      },
    },
    async (request, reply) => {
      const query = await namedQuery(request);
      const subscription = await subscriptions.createSubscription(
        app.db,
        query,
        request.body,
        app.config.webhookAllow,
      );
      dispatcher.wakeAll();
      return reply
        .status(201)
        .header(
          'Location',
          `/epcis/queries/${encodeURIComponent(query.name)}/subscriptions/${subscription.id}`,
        )
        .send(subscriptions.presentSubscription(subscription, query.name));
    },
  );

  r.get(
    '/queries/:queryName/subscriptions',
    { schema: { ...tag, summary: 'Subscriptions of a named query', params: byName, querystring: page } },
    async (request, reply) => {
      const query = await namedQuery(request);
      const { perPage, nextPageToken: token } = request.query;
      const rows = await subscriptions.listSubscriptions(app.db, query, readPageToken(token), perPage + 1);
      linkNext(request, reply, rows.length > perPage ? rows[perPage - 1].id : null);
      return rows.slice(0, perPage).map((s) => subscriptions.presentSubscription(s, query.name));
    },
  );

  r.get(
    '/queries/:queryName/subscriptions/:subscriptionID',
    { schema: { ...tag, params: bySubscription } },
    async (request) => {
      const query = await namedQuery(request);
      const subscription = await subscriptions.requireSubscription(
        app.db,
        query,
        request.params.subscriptionID,
      );
      return subscriptions.presentSubscription(subscription, query.name);
    },
  );

  r.delete(
    '/queries/:queryName/subscriptions/:subscriptionID',
    { schema: { ...tag, params: bySubscription } },
    async (request, reply) => {
      await subscriptions.deleteSubscription(
        app.db,
        await namedQuery(request),
        request.params.subscriptionID,
      );
      return reply.status(204).send();
    },
  );

  r.post(
    '/queries/:queryName/subscriptions/:subscriptionID/resume',
    { schema: { ...tag, summary: 'Resume a parked webhook subscription (TXNG)', params: bySubscription } },
    async (request) => {
      const query = await namedQuery(request);
      const subscription = await subscriptions.resumeSubscription(
        app.db,
        query,
        request.params.subscriptionID,
      );
      dispatcher.wakeAll();
      return subscriptions.presentSubscription(subscription, query.name);
    },
  );
}

const problemType = (problem: Problem, request: FastifyRequest) =>
  problem.code === 'epcis-invalid-query'
    ? 'epcisException:QueryParameterException'
    : epcisExceptionType(problem, request);

function refuseUnknown(names: string[]) {
  if (names.length)
    throw badRequest(
      names.map((field) => ({ field, code: 'epcis.query.unknownParameter' })),
      'epcis-invalid-query',
    );
}

const readPageToken = (token: string | undefined) =>
  token === undefined ? null : Buffer.from(token, 'base64url').toString();

/** The binding's paging: a Link to the next page, whose token is the last key of this one. */
function linkNext(request: FastifyRequest, reply: FastifyReply, lastKey: string | null) {
  if (lastKey === null) return;
  const url = new URL(request.url, 'http://local');
  url.searchParams.set('nextPageToken', Buffer.from(lastKey).toString('base64url'));
  reply.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
}
