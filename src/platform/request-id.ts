import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from './db.ts';

/**
 * Request ids (issue 15 §3, docs/operations.md "Logs and request ids"). Every request has one: the caller's
 * `X-Request-Id` when it is well formed (a proxy or a client's own trace), else a new UUID. Fastify logs it as
 * `reqId` on every line of the request, the answer carries it back in `X-Request-Id`, and on PostgreSQL the
 * request's transactions carry it in `application_name` (`txng <id>`), where pg_stat_activity and the server's
 * log (`%a`) show it.
 */

// what fits in application_name (63 bytes, printable ASCII) after the `txng ` prefix, and in a log line as it is
const wellFormed = /^[A-Za-z0-9._:-]{1,58}$/;

/** Fastify's `genReqId`: the caller's id when well formed, else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && wellFormed.test(given) ? given : crypto.randomUUID();
}

interface RequestContext {
  id: string;
}

const context = new AsyncLocalStorage<RequestContext>();

/** The id of the request this code runs for, or null outside any request (jobs, the scheduler, the CLI). */
export const currentRequestId = (): string | null => context.getStore()?.id ?? null;

/** Runs `fn` as if inside the request `id` (tests, and work a request hands on). */
export const withRequestId = <T>(id: string, fn: () => T): T => context.run({ id }, fn);

const contexts = new WeakMap<object, RequestContext>();

/** Sends the id back and makes it the request's async context (again after the body is read: see below). */
export function registerRequestIds(app: FastifyInstance) {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    const store = { id: request.id };
    contexts.set(request, store);
    context.run(store, done);
  });
  // the body is read in the socket's own async context: the handler would otherwise run outside the request's
  app.addHook('preValidation', (request, _reply, done) => {
    const store = contexts.get(request);
    if (store) context.run(store, done);
    else done();
  });
}

const carrying = Symbol('txng.requestIdInTransactions');

/**
 * Makes every transaction begun inside a request say, as its first statement, `SET LOCAL application_name =
 * 'txng <id>'`: local to the transaction, so the pooled connection goes back to the pool without it. One
 * more statement per transaction of a request (not per query, and nothing for a request that opens no
 * transaction, as the resolver's reads): the cost is measured in docs/operations.md.
 */
export function carryRequestIdIntoTransactions(db: Db) {
  const target = db as Db & { [carrying]?: true };
  if (target[carrying]) return;
  const begin = db.transaction.bind(db);
  const transaction: Db['transaction'] = (work, config) => {
    const id = currentRequestId();
    if (!id || !wellFormed.test(id)) return begin(work, config);
    return begin(async (tx) => {
      // written into the statement, not bound: a simple query is one message to the server, not a parse and a
      // bind; the id is letters, digits and ._:- only (checked just above), so nothing in it can be SQL
      await tx.execute(sql.raw(`set local application_name = '${applicationName(id)}'`));
      return work(tx);
    }, config);
  };
  Object.assign(target, { transaction, [carrying]: true });
}

/** What pg_stat_activity shows for a transaction of request `id`. */
export const applicationName = (id: string) => `txng ${id}`;
