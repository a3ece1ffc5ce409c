import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { t } from '../platform/index.ts';
import {
  eventProof,
  listCheckpoints,
  type Proof,
  publicKeys,
  recordProof,
  verifyProof,
} from '../proofs/index.ts';
import { renderMessagePage } from './message.page.ts';
import { pageLanguage } from './negotiate.ts';
import { renderCheckpointsPage, renderProofPage } from './proof.page.ts';

/**
 * The proofs for people (decision 057): the checkpoints and the key at /kiem-chung, a record's proof at
 * /kiem-chung/ban-ghi/:id, an event's at /kiem-chung/su-kien?eventID=… . The JSON is under /api/proofs.
 */
export async function proofPages(app: FastifyInstance) {
  const send = (request: FastifyRequest, reply: FastifyReply, status: number, page: string) =>
    reply
      .status(status)
      .header('content-language', pageLanguage(request))
      .type('text/html; charset=utf-8')
      .send(page);
  const message = (request: FastifyRequest, reply: FastifyReply, status: number, key: string) => {
    const lang = pageLanguage(request);
    return send(
      request,
      reply,
      status,
      renderMessagePage({
        lang,
        province: app.config.provinceName,
        selfPath: request.url,
        title: t(lang, 'proof.page.title'),
        text: t(lang, key),
      }),
    );
  };
  const proofPage = (request: FastifyRequest, reply: FastifyReply, proof: Proof, jsonUrl: string) => {
    const lang = pageLanguage(request);
    return send(
      request,
      reply,
      200,
      renderProofPage({
        lang,
        province: app.config.provinceName,
        selfPath: request.url,
        proof,
        // the page checks the proof as anyone would, with the key the province publishes
        verdict: verifyProof(proof),
        jsonUrl,
      }),
    );
  };

  app.get('/kiem-chung', { schema: { hide: true } }, async (request, reply) => {
    const lang = pageLanguage(request);
    const [rows, keys] = await Promise.all([
      listCheckpoints(app.db, { limit: 60, offset: 0 }),
      publicKeys(app.db),
    ]);
    return send(
      request,
      reply,
      200,
      renderCheckpointsPage({
        lang,
        province: app.config.provinceName,
        selfPath: request.url,
        checkpoints: rows,
        keyId: rows[0]?.keyId ?? keys.at(-1)?.keyId ?? null,
      }),
    );
  });

  app.get<{ Params: { id: string } }>(
    '/kiem-chung/ban-ghi/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const { id } = request.params;
      if (!/^[1-9]\d{0,15}$/.test(id)) return message(request, reply, 400, 'proof.page.bad');
      const proof = await recordProof(app.db, Number(id));
      if (!proof) return message(request, reply, 404, 'proof.page.none');
      return proofPage(request, reply, proof, `/api/proofs/records/${id}`);
    },
  );

  app.get<{ Querystring: { eventID?: string } }>(
    '/kiem-chung/su-kien',
    { schema: { hide: true } },
    async (request, reply) => {
      const eventId = typeof request.query.eventID === 'string' ? request.query.eventID.trim() : '';
      if (!eventId || eventId.length > 500) return message(request, reply, 400, 'proof.page.bad');
      const proof = await eventProof(app.db, eventId);
      if (!proof) return message(request, reply, 404, 'proof.page.none');
      return proofPage(request, reply, proof, `/api/proofs/events?eventID=${encodeURIComponent(eventId)}`);
    },
  );
}
