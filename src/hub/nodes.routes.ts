import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, requireActor } from '../platform/index.ts';
import { hubDashboard } from './dashboard.service.ts';
import { createdNodeView, dashboardView, nodeInput, nodeView } from './hub.api.ts';
import { mayRunHub } from './hub.policy.ts';
import { listNodes, presentNode, registerNode, revokeNode } from './nodes.service.ts';

const tags = ['hub'];
const hubAdmin = allow(mayRunHub);

/** The hub administrator's API: province nodes and the dashboard. */
export async function nodesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/hub/nodes',
    {
      preValidation: hubAdmin,
      schema: { tags, summary: 'Province nodes registered on the hub', response: { 200: z.array(nodeView) } },
    },
    async () => (await listNodes(app.db)).map(presentNode),
  );
  app.post(
    '/hub/nodes',
    {
      preValidation: hubAdmin,
      schema: {
        tags,
        summary: 'Register a province node; its key is shown once',
        body: nodeInput,
        response: { 201: createdNodeView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerNode(app.db, request.body, requireActor(request))),
  );
  app.post(
    '/hub/nodes/:id/revoke',
    {
      preValidation: hubAdmin,
      schema: {
        tags,
        summary: 'Disable a province node: its key is refused from now on, what it sent stays',
        params: z.object({ id: z.uuid() }),
        response: { 200: nodeView },
      },
    },
    async (request) => revokeNode(app.db, request.params.id, requireActor(request)),
  );
  app.get(
    '/hub/dashboard',
    {
      preValidation: hubAdmin,
      schema: {
        tags,
        summary: 'Each province: what it sent, its last delivery, lag and refusals',
        response: { 200: dashboardView },
      },
    },
    async () => hubDashboard(app.db),
  );
}
