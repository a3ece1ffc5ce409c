import crypto from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { isValidGln, isValidGtin } from '../gs1/index.ts';

/**
 * A SIMULATOR of the national traceability portal's API, for tests only: the model docs/sync-national.md assumes
 * (the real interface is not public). It runs on a random loopback port and checks what the real portal is
 * expected to check: OAuth 2.0 client-credentials tokens that expire; an organisation profile is activated only for
 * a tax code registered on the portal and its GLN; products need an active organisation, a GTIN with a right check
 * digit, images it can fetch, net quantity and unit, applied standards; production orders (lots) and chains need
 * their product; events need their chains. Tests can make it fail, expire its tokens or go down.
 */
export interface PortalError {
  code: string;
  field?: string;
  message?: string;
  value?: string;
}

type Body = Record<string, unknown>;

export interface NationalPortalSimulator {
  url: string;
  clientId: string;
  clientSecret: string;
  /** A business registered itself on the portal with this tax code and GLN: the province may activate it. */
  registerEnterprise(taxCode: string, gln: string): void;
  /** The portal cannot fetch this image (gone, private, too large). */
  breakImage(url: string): void;
  /** Every token issued so far stops working at once (as a portal restart or a revocation does). */
  expireTokens(): void;
  /** Tokens live this many seconds (`expires_in`). */
  tokenLifetime: number;
  /** The next `count` API calls (not token requests) answer `status`, after `after` calls answered as usual. */
  failNext(count: number, status: number, after?: number): void;
  /** Down: every connection is dropped unanswered, token endpoint included; `up()` ends it. */
  down(): void;
  up(): void;
  /** What the portal holds, by collection and the province's id. */
  records: Map<string, Map<string, Body>>;
  /** Profiles activated, by the province's organisation id. */
  active: Set<string>;
  chains: Set<string>;
  /** Every request: method, path, status answered. */
  log: { method: string; path: string; status: number }[];
  tokensIssued: number;
  close(): Promise<void>;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : '');

function productErrors(b: Body, broken: Set<string>): PortalError[] {
  const errors: PortalError[] = [];
  const gtin = str(b.gtin);
  if (!gtin) errors.push({ code: 'REQUIRED', field: 'gtin' });
  else if (!/^\d{8}$|^\d{12,14}$/.test(gtin))
    errors.push({ code: 'INVALID_FORMAT', field: 'gtin', value: gtin, message: 'not a GTIN' });
  else if (!isValidGtin(gtin)) errors.push({ code: 'GTIN_CHECK_DIGIT', field: 'gtin', value: gtin });
  for (const field of ['name', 'netQuantityUnit', 'origin'])
    if (!str(b[field])) errors.push({ code: 'REQUIRED', field });
  if (!(typeof b.netQuantity === 'number' && b.netQuantity > 0))
    errors.push({ code: 'REQUIRED', field: 'netQuantity' });
  const images = Array.isArray(b.images) ? b.images : [];
  if (!images.length) errors.push({ code: 'REQUIRED', field: 'images' });
  images.forEach((url, i) => {
    const fetchable = typeof url === 'string' && /^https?:\/\//.test(url) && !broken.has(url);
    if (!fetchable) errors.push({ code: 'IMAGE_UNREACHABLE', field: `images[${i}]`, value: String(url) });
  });
  if (!Array.isArray(b.standards) || !b.standards.length)
    errors.push({ code: 'REQUIRED', field: 'standards' });
  return errors;
}

export async function startNationalPortalSimulator(): Promise<NationalPortalSimulator> {
  const app = Fastify({ logger: false });
  const clientId = 'txng-province';
  const clientSecret = crypto.randomBytes(12).toString('hex');
  const enterprises = new Map<string, string>();
  const broken = new Set<string>();
  const tokens = new Map<string, number>();
  const records = new Map<string, Map<string, Body>>();
  const active = new Set<string>();
  const chains = new Set<string>();
  const log: NationalPortalSimulator['log'] = [];
  let failing = { count: 0, status: 500, after: 0 };
  let isDown = false;
  const collection = (name: string) => {
    if (!records.has(name)) records.set(name, new Map());
    return records.get(name) as Map<string, Body>;
  };

  const sim: NationalPortalSimulator = {
    url: '',
    clientId,
    clientSecret,
    registerEnterprise: (taxCode, gln) => enterprises.set(taxCode, gln),
    breakImage: (url) => broken.add(url),
    expireTokens: () => tokens.clear(),
    tokenLifetime: 3600,
    failNext: (count, status, after = 0) => {
      failing = { count, status, after };
    },
    down: () => {
      isDown = true;
    },
    up: () => {
      isDown = false;
    },
    records,
    active,
    chains,
    log,
    tokensIssued: 0,
    close: () => app.close(),
  };

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.addHook('onRequest', async (request, reply) => {
    if (isDown) {
      request.raw.socket.destroy();
      return reply.hijack();
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    log.push({ method: request.method, path: request.url.split('?')[0], status: reply.statusCode });
  });

  const fail = (reply: FastifyReply, status: number, errors: PortalError[]) =>
    reply.status(status).send({ errors });

  app.post('/oauth2/token', async (request, reply) => {
    const [id, secret] = Buffer.from(
      String(request.headers.authorization ?? '').replace(/^Basic /, ''),
      'base64',
    )
      .toString()
      .split(':')
      .map(decodeURIComponent);
    if ((request.body as Body | undefined)?.grant_type !== 'client_credentials')
      return reply.status(400).send({ error: 'unsupported_grant_type' });
    if (id !== clientId || secret !== clientSecret)
      return reply.status(401).send({ error: 'invalid_client' });
    const token = crypto.randomBytes(16).toString('hex');
    tokens.set(token, Date.now() + sim.tokenLifetime * 1000);
    sim.tokensIssued++;
    return { access_token: token, token_type: 'Bearer', expires_in: sim.tokenLifetime };
  });

  // every API call: a live token, then any failure the test asked for
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
    const until = tokens.get(token);
    if (!until || until < Date.now()) return reply.status(401).send({ error: { code: 'TOKEN_EXPIRED' } });
    if (failing.count > 0 && failing.after-- <= 0) {
      failing.count--;
      return reply.status(failing.status).send({ error: { code: 'SERVER_ERROR', message: 'Lỗi hệ thống' } });
    }
  };

  const organisationActive = (b: Body): PortalError[] =>
    active.has(str(b.organizationId))
      ? []
      : [{ code: 'ORGANIZATION_NOT_ACTIVE', field: 'organizationId', value: str(b.organizationId) }];

  const validators: Record<string, (b: Body, id: string) => { status: number; errors: PortalError[] }> = {
    organizations: (b, id) => {
      const taxCode = str(b.taxCode);
      const registered = enterprises.get(taxCode);
      if (!taxCode) return { status: 422, errors: [{ code: 'REQUIRED', field: 'taxCode' }] };
      if (registered === undefined)
        return {
          status: 422,
          errors: [{ code: 'TAX_CODE_NOT_REGISTERED', field: 'taxCode', value: taxCode }],
        };
      const glns = Array.isArray(b.glns) ? b.glns : [];
      if (!glns.includes(registered))
        return { status: 422, errors: [{ code: 'GLN_MISMATCH', field: 'gln', value: str(b.gln) }] };
      if (!str(b.name)) return { status: 422, errors: [{ code: 'REQUIRED', field: 'name' }] };
      active.add(id);
      return { status: 200, errors: [] };
    },
    products: (b) => {
      const waiting = organisationActive(b);
      if (waiting.length) return { status: 409, errors: waiting };
      return { status: 422, errors: productErrors(b, broken) };
    },
    facilities: (b) => {
      const waiting = organisationActive(b);
      if (waiting.length) return { status: 409, errors: waiting };
      const gln = str(b.gln);
      if (!gln) return { status: 422, errors: [{ code: 'REQUIRED', field: 'gln' }] };
      return {
        status: 422,
        errors: isValidGln(gln) ? [] : [{ code: 'GLN_CHECK_DIGIT', field: 'gln', value: gln }],
      };
    },
    'production-orders': (b) => {
      const waiting = organisationActive(b);
      if (waiting.length) return { status: 409, errors: waiting };
      const gtin = str(b.gtin);
      const known = [...collection('products').values()].some((p) => p.gtin === gtin);
      if (!known)
        return { status: 409, errors: [{ code: 'REFERENCE_NOT_FOUND', field: 'gtin', value: gtin }] };
      const errors: PortalError[] = [];
      for (const field of ['lotNumber', 'productionDate'])
        if (!str(b[field])) errors.push({ code: 'REQUIRED', field });
      return { status: 422, errors };
    },
    events: (b) => {
      const chainsOf = Array.isArray(b.chains) ? b.chains : [];
      if (!chainsOf.length) return { status: 422, errors: [{ code: 'REQUIRED', field: 'chains' }] };
      const missing = chainsOf.find((g) => !chains.has(String(g)));
      if (missing)
        return { status: 409, errors: [{ code: 'REFERENCE_NOT_FOUND', field: 'chains', value: missing }] };
      return { status: 422, errors: str(b.eventTime) ? [] : [{ code: 'REQUIRED', field: 'eventTime' }] };
    },
  };

  app.register(async (api) => {
    api.addHook('preHandler', guard);
    api.put('/api/v1/chains/:gtin', async (request, reply) => {
      const { gtin } = request.params as { gtin: string };
      const known = [...collection('products').values()].some((p) => p.gtin === gtin);
      if (!known) return fail(reply, 409, [{ code: 'REFERENCE_NOT_FOUND', field: 'gtin', value: gtin }]);
      chains.add(gtin);
      return { gtin };
    });
    api.put('/api/v1/:collection/:id', async (request, reply) => {
      const { collection: name, id } = request.params as { collection: string; id: string };
      const validate = validators[name];
      if (!validate) return reply.status(404).send({ error: { code: 'NOT_FOUND' } });
      const body = (request.body ?? {}) as Body;
      const { status, errors } = validate(body, id);
      if (errors.length) return fail(reply, status, errors);
      collection(name).set(id, body);
      return { id, status: 'accepted' };
    });
    api.delete('/api/v1/:collection/:id', async (request, reply) => {
      const { collection: name, id } = request.params as { collection: string; id: string };
      if (!validators[name] || !collection(name).delete(id))
        return reply.status(404).send({ error: { code: 'NOT_FOUND' } });
      if (name === 'organizations') active.delete(id);
      return reply.status(204).send();
    });
  });

  sim.url = await app.listen({ host: '127.0.0.1', port: 0 });
  return sim;
}
