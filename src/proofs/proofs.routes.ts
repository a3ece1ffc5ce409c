import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, conflict, notFound } from '../platform/index.ts';
import { eventProof, recordProof } from './proofs.build.ts';
import {
  allCheckpoints,
  latestCheckpoint,
  listCheckpoints,
  makeCheckpoint,
  presentCheckpoint,
} from './proofs.checkpoints.ts';
import { publicKeys, signingKey } from './proofs.keys.ts';
import './proofs.messages.ts';
import { eq } from 'drizzle-orm';
import { canMakeCheckpoint } from './proofs.policy.ts';
import { checkpoints } from './proofs.schema.ts';

const tags = ['proofs'];

const hex64 = z.string();
const pathStep = z.object({ side: z.enum(['left', 'right']), hash: hex64 });
const statement = z.object({
  type: z.literal('txng-checkpoint'),
  version: z.literal(1),
  province: z.string(),
  seq: z.number(),
  fromId: z.number(),
  toId: z.number(),
  records: z.number(),
  root: z.string(),
  headHash: z.string(),
  previous: z.string().nullable(),
  issuedAt: z.string(),
  keyId: z.string(),
});
export const checkpointView = z.object({
  seq: z.number(),
  statement,
  /** The exact text that was signed (the statement as canonical JSON). */
  statementText: z.string(),
  /** Ed25519 signature of statementText, base64. */
  signature: z.string(),
  keyId: z.string(),
});
const recordView = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityRef: z.string(),
  hash: z.string(),
  seal: z.string().nullable(),
  leaf: z.string(),
  path: z.array(pathStep),
});
export const proofView = z.object({
  type: z.literal('txng-proof'),
  version: z.literal(1),
  event: z
    .object({
      eventId: z.string(),
      isErrorDeclaration: z.boolean(),
      contentHash: z.string(),
      rowDigest: z.string(),
      leaf: z.string(),
      path: z.array(pathStep),
      captureRoot: z.string(),
    })
    .optional(),
  record: recordView,
  checkpoint: checkpointView.extend({ publicKey: z.string() }),
});
const keyView = z.object({ keyId: z.string(), publicKey: z.string(), createdAt: z.string() });

export async function proofsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const publicRead = { public: true, rateLimit: { max: 120, timeWindow: 60_000 } } as const;

  app.get(
    '/proofs/checkpoints',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Public: the signed checkpoints of the audit chain, newest first',
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(checkpointView), page: z.number(), pageSize: z.number() }),
        },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const rows = await listCheckpoints(app.db, { limit: pageSize, offset: (page - 1) * pageSize });
      return { items: rows.map(presentCheckpoint), page, pageSize };
    },
  );

  app.get(
    '/proofs/checkpoints/export',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags,
        summary:
          'Public: every checkpoint and every public key in one file, for a third party (the national portal, a ' +
          'newspaper) to keep: a later rewrite of the log cannot match the copies they hold',
        response: {
          200: z.object({
            type: z.literal('txng-checkpoints'),
            exportedAt: z.string(),
            keys: z.array(keyView),
            checkpoints: z.array(checkpointView),
          }),
        },
      },
    },
    async (_request, reply) => {
      const [rows, keys] = await Promise.all([allCheckpoints(app.db), publicKeys(app.db)]);
      const exportedAt = new Date().toISOString();
      reply.header(
        'content-disposition',
        `attachment; filename="txng-checkpoints-${exportedAt.slice(0, 10)}.json"`,
      );
      return {
        type: 'txng-checkpoints' as const,
        exportedAt,
        keys: keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString() })),
        checkpoints: rows.map(presentCheckpoint),
      };
    },
  );

  app.get(
    '/proofs/checkpoints/:seq',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Public: one signed checkpoint',
        params: z.object({ seq: z.coerce.number().int().min(1).max(2_000_000_000) }),
        response: { 200: checkpointView },
      },
    },
    async (request) => {
      const [row] = await app.db.select().from(checkpoints).where(eq(checkpoints.seq, request.params.seq));
      if (!row) throw notFound('proofs.checkpoint-not-found');
      return presentCheckpoint(row);
    },
  );

  app.post(
    '/proofs/checkpoints',
    {
      preValidation: allow(canMakeCheckpoint),
      schema: {
        tags,
        summary:
          'Sign a checkpoint now over the records since the last one (the department administrator; one is also ' +
          'signed daily and by `txng checkpoint`); 409 when there is nothing new',
        response: { 201: checkpointView },
      },
    },
    async (_request, reply) => {
      const made = await makeCheckpoint(app.db, {
        province: app.config.provinceName,
        keyFile: app.config.checkpointKeyFile,
        trigger: 'admin',
      });
      if (!made) throw conflict('proofs.nothing-new');
      reply.code(201);
      return presentCheckpoint(made);
    },
  );

  app.get(
    '/proofs/public-key',
    {
      config: publicRead,
      schema: {
        tags,
        summary:
          'Public: the province’s Ed25519 public keys (PEM) that sign checkpoints, the current one first',
        response: { 200: z.object({ current: keyView.nullable(), keys: z.array(keyView) }) },
      },
    },
    async () => {
      const latest = await latestCheckpoint(app.db);
      const keys = (await publicKeys(app.db)).map((k) => ({ ...k, createdAt: k.createdAt.toISOString() }));
      const current = keys.find((k) => k.keyId === latest?.keyId) ?? keys[keys.length - 1] ?? null;
      return { current, keys };
    },
  );

  app.get(
    '/proofs/public-key.pem',
    {
      config: publicRead,
      schema: { tags, summary: 'Public: the current public key as a PEM file, for `txng verify --key`' },
    },
    async (_request, reply) => {
      const latest = await latestCheckpoint(app.db);
      const keys = await publicKeys(app.db);
      const current =
        keys.find((k) => k.keyId === latest?.keyId) ??
        keys[keys.length - 1] ??
        (await signingKey(app.db, app.config.checkpointKeyFile));
      return reply
        .type('application/x-pem-file')
        .header('content-disposition', `attachment; filename="txng-${current.keyId}.pem"`)
        .send(current.publicKey);
    },
  );

  app.get(
    '/proofs/records/:id',
    {
      config: publicRead,
      schema: {
        tags,
        summary:
          'Public: the proof of one audit record — its leaf (nothing personal: the record by hash), the Merkle ' +
          'path and the signed checkpoint; 404 until a checkpoint covers it',
        params: z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
        response: { 200: proofView },
      },
    },
    async (request) => {
      const proof = await recordProof(app.db, request.params.id);
      if (!proof) throw notFound('proofs.no-proof');
      return proof;
    },
  );

  app.get(
    '/proofs/events',
    {
      config: publicRead,
      schema: {
        tags,
        summary:
          'Public: the proof of one captured EPCIS event — its leaf, its path to its capture’s sealed root, that ' +
          'record’s path and the signed checkpoint; 404 until a checkpoint covers it',
        querystring: z.object({ eventID: z.string().trim().min(1).max(500) }),
        response: { 200: proofView },
      },
    },
    async (request) => {
      const proof = await eventProof(app.db, request.query.eventID);
      if (!proof) throw notFound('proofs.no-event-proof');
      return proof;
    },
  );
}
