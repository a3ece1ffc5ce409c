import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, requireActor } from '../platform/index.ts';
import {
  alertsQuery,
  alertView,
  batchInput,
  deviceInput,
  deviceView,
  excursionView,
  ingestResult,
  lotSensorsView,
  newDeviceView,
  readingInput,
  thresholdInput,
  thresholdView,
} from './sensors.api.ts';
import { mayManageSensors, mayPublishExcursions, mayReadSensors } from './sensors.policy.ts';
import * as service from './sensors.service.ts';

const tags = ['sensors'];
const idParams = z.object({ id: z.uuid() });
const managers = allow(mayManageSensors);
const deviceKeyHeader = 'x-device-key';

/** `/api/sensors`: devices and their readings, thresholds, alerts, a lot's readings (decision 059). */
export async function sensorRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const warn = (m: string) => app.log.warn(m);
  const mailSoon = (opened: number) => {
    if (opened) void service.mailAlerts(app.db, app.sendMail, warn);
  };

  app.get(
    '/sensors/devices',
    {
      preValidation: managers,
      schema: { tags, summary: 'The organisation’s sensor devices', response: { 200: z.array(deviceView) } },
    },
    async (request) => service.listDevicesFor(app.db, requireActor(request)),
  );

  app.post(
    '/sensors/devices',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'Register a device; its key is in this answer only',
        body: deviceInput,
        response: { 201: newDeviceView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createDevice(app.db, request.body, requireActor(request))),
  );

  app.delete(
    '/sensors/devices/:id',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'Revoke a device: its key writes nothing more',
        params: idParams,
        response: { 200: deviceView },
      },
    },
    async (request) => service.revokeDeviceFor(app.db, request.params.id, requireActor(request)),
  );

  const deviceHeaders = z.object({ [deviceKeyHeader]: z.string().max(200).optional() });
  // the device's key is checked at the door, before its body is read: no key, an unknown one or another device's
  // is 401/403 whatever the body holds (as every other non-public route answers an anonymous caller)
  const devices = new WeakMap<object, Awaited<ReturnType<typeof service.authenticateDevice>>>();
  const deviceDoor = async (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    const key = request.headers[deviceKeyHeader];
    devices.set(
      request,
      await service.authenticateDevice(app.db, id, typeof key === 'string' ? key : undefined),
    );
  };
  const doorDevice = (request: FastifyRequest) => {
    const device = devices.get(request);
    if (!device) throw new Error('device door not passed');
    return device;
  };
  /** The door's device stores its readings (`at` names each one's place in the body); excursions are mailed soon. */
  const ingest = async (
    request: FastifyRequest,
    readings: Parameters<typeof service.ingestDeviceReadings>[2],
    at: (i: number) => string,
  ) => {
    const result = await service.ingestDeviceReadings(app.db, doorDevice(request), readings, {
      source: 'device',
      at,
    });
    mailSoon(result.excursionsOpened);
    return result;
  };

  app.post(
    '/sensors/devices/:id/readings',
    {
      onRequest: deviceDoor,
      // a device is no person and holds no API key: its own key, in X-Device-Key, opens its own device only
      config: { public: true },
      schema: {
        tags,
        summary: 'One reading of a device (X-Device-Key: its key)',
        params: idParams,
        headers: deviceHeaders,
        body: readingInput,
        response: { 201: ingestResult },
      },
    },
    async (request, reply) => reply.status(201).send(await ingest(request, [request.body], () => '/body')),
  );

  app.post(
    '/sensors/devices/:id/readings/batch',
    {
      onRequest: deviceDoor,
      config: { public: true },
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags,
        summary: 'A logger’s backlog, up to 5,000 readings: all stored or none (X-Device-Key: its key)',
        params: idParams,
        headers: deviceHeaders,
        body: batchInput,
        response: { 201: ingestResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await ingest(request, request.body.readings, (i) => `/body/readings/${i}`)),
  );

  app.get(
    '/sensors/thresholds',
    {
      preValidation: managers,
      schema: { tags, summary: 'Thresholds in force', response: { 200: z.array(thresholdView) } },
    },
    async (request) => service.listThresholdsFor(app.db, requireActor(request)),
  );

  app.post(
    '/sensors/thresholds',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'A range for a product, location or shipment, and how long out of it is an excursion',
        body: thresholdInput,
        response: { 201: thresholdView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createThreshold(app.db, request.body, requireActor(request))),
  );

  app.delete(
    '/sensors/thresholds/:id',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'Stop a threshold (kept, no longer in force)',
        params: idParams,
        response: { 200: thresholdView },
      },
    },
    async (request) => service.removeThreshold(app.db, request.params.id, requireActor(request)),
  );

  app.get(
    '/sensors/alerts',
    {
      preValidation: allow(mayReadSensors),
      schema: {
        tags,
        summary: 'Excursion alerts: the organisation’s, or those sent to the officer’s sector',
        querystring: alertsQuery,
        response: {
          200: z.object({
            items: z.array(alertView),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (request) => service.listAlertsFor(app.db, requireActor(request), request.query),
  );

  app.get(
    '/sensors/lots/:id',
    {
      preValidation: allow(mayReadSensors),
      schema: {
        tags,
        summary: 'A lot’s readings, ranges and excursions (its chart)',
        params: idParams,
        response: { 200: lotSensorsView },
      },
    },
    async (request) => service.lotSensorsFor(app.db, request.params.id, requireActor(request)),
  );

  for (const [path, publish] of [
    ['publish', true],
    ['unpublish', false],
  ] as const)
    app.post(
      `/sensors/excursions/:id/${path}`,
      {
        preValidation: allow(mayPublishExcursions),
        schema: {
          tags,
          summary: publish
            ? 'Show an excursion on the lot’s consumer page (the department decides)'
            : 'Take an excursion off the consumer page',
          params: idParams,
          response: { 200: excursionView },
        },
      },
      async (request) => service.publishExcursion(app.db, request.params.id, publish, requireActor(request)),
    );
}
