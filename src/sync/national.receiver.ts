import type { Config } from '../platform/index.ts';
import { DeliveryError } from './delivery-error.ts';
import { checkForNationalPortal } from './national.check.ts';
import { type PortalError, portalErrorReason, waitingReason } from './national.errors.ts';
import { PortalTokens } from './national.token.ts';
import {
  chainPath,
  type PortalRequest,
  portalKinds,
  portalRequest,
  type WireContext,
} from './national.wire.ts';
import type { ItemOutcome, Receiver, ReceiverReason, SyncItem } from './receiver.ts';

const timeoutMs = 30_000;

export interface NationalPortalOptions {
  url: string;
  clientId: string;
  clientSecret: string;
  /** The province's public base URL (TXNG_BASE_URL): images it serves must be reachable from outside. */
  baseUrl: string;
  provinceName: string;
  /** The clock tokens expire by (tests move it). */
  now?: () => number;
}

/** The national portal (issue 14 §2), configured by TXNG_NATIONAL_URL and its client credentials; null otherwise. */
export function nationalReceiverFromConfig(config: Config): Receiver | null {
  const national = config.sync.national;
  return national
    ? nationalPortalReceiver({ ...national, baseUrl: config.baseUrl, provinceName: config.provinceName })
    : null;
}

/** An answer of the portal to one request: done, refused for good, or not yet. */
type Answer = { status: 'confirmed' } | { status: 'rejected' | 'retry'; reason: ReceiverReason };

export function nationalPortalReceiver(opts: NationalPortalOptions): Receiver {
  const tokens = new PortalTokens(opts, opts.now);
  const ctx: WireContext = { baseUrl: opts.baseUrl, origin: `${opts.provinceName}, Việt Nam` };
  // chains this process has made sure of: an event's chain is asked for once, then only its events go
  const chains = new Set<string>();

  const send = (request: PortalRequest, key: string) => call(opts.url, tokens, request, key);

  async function deliverOne(item: SyncItem): Promise<Answer> {
    const request = portalRequest(item, ctx);
    if (item.kind === 'event' && request.method === 'PUT') {
      for (const gtin of (request.body?.chains as string[]) ?? []) {
        if (chains.has(gtin)) continue;
        const made = await send({ method: 'PUT', path: chainPath(gtin), body: { gtin } }, `chain:${gtin}`);
        if (made.status !== 'confirmed') return made;
        chains.add(gtin);
      }
    }
    const answer = await send(request, item.key);
    // a chain the portal lost is asked for again on the next try
    if (item.kind === 'event' && answer.status === 'retry')
      for (const gtin of (request.body?.chains as string[]) ?? []) chains.delete(gtin);
    return answer;
  }

  return {
    id: 'national',
    label: { vi: 'Cổng truy xuất nguồn gốc quốc gia', en: 'National traceability portal' },
    kinds: portalKinds,
    check: (item) => checkForNationalPortal(item, opts.baseUrl),
    /**
     * One request per item, in order (the portal takes records one by one, and a product must be there before
     * its lots and events). A transport failure before anything went through throws; after, the items already
     * confirmed stay so and the rest are tried again.
     */
    async deliver(items) {
      const outcomes: ItemOutcome[] = [];
      for (const [i, item] of items.entries()) {
        let answer: Answer;
        try {
          answer = await deliverOne(item);
        } catch (error) {
          if (!(error instanceof DeliveryError) || i === 0) throw error;
          const reason = error.reason;
          return [
            ...outcomes,
            ...items.slice(i).map((rest) => ({ key: rest.key, status: 'retry' as const, reason })),
          ];
        }
        outcomes.push({ key: item.key, ...answer });
      }
      return outcomes;
    },
  };
}

/** One request with a bearer token; a 401 drops the token and tries once more with a new one. */
async function call(
  base: string,
  tokens: PortalTokens,
  request: PortalRequest,
  key: string,
): Promise<Answer> {
  for (let attempt = 1; ; attempt++) {
    const token = await tokens.bearer();
    const response = await fetchPortal(base, token, request, key);
    if (response.status === 401 && attempt === 1) {
      await response.body?.cancel();
      tokens.drop(token);
      continue;
    }
    return answerOf(request, response);
  }
}

async function fetchPortal(base: string, token: string, request: PortalRequest, key: string) {
  try {
    return await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        'idempotency-key': key,
        accept: 'application/json',
        'accept-language': 'vi',
        ...(request.body ? { 'content-type': 'application/json' } : {}),
      },
      body: request.body ? JSON.stringify(request.body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new DeliveryError(
      timedOut
        ? {
            vi: 'Cổng quốc gia không trả lời kịp, sẽ gửi lại sau.',
            en: 'The national portal did not answer in time.',
          }
        : {
            vi: 'Không kết nối được tới Cổng quốc gia, sẽ gửi lại sau.',
            en: 'The national portal could not be reached.',
          },
    );
  }
}

async function answerOf(request: PortalRequest, response: Response): Promise<Answer> {
  const status = response.status;
  const errors = await portalErrors(response);
  if (response.ok) return { status: 'confirmed' };
  // what is to be withdrawn is not there: it is as good as withdrawn
  if (status === 404 && request.method === 'DELETE') return { status: 'confirmed' };
  if (status >= 500 || status === 408 || status === 429)
    throw new DeliveryError({
      vi: `Cổng quốc gia đang bận hoặc gặp sự cố (mã ${status}), sẽ gửi lại sau.`,
      en: `The national portal is busy or failing (status ${status}); it will be tried again.`,
    });
  // the province's credentials, not the record: keep the records and try again once it is fixed
  if (status === 401 || status === 403)
    throw new DeliveryError({
      vi: 'Cổng quốc gia không cho phép tài khoản kết nối của tỉnh gửi dữ liệu này (kiểm tra TXNG_NATIONAL_CLIENT_ID và quyền của tài khoản).',
      en: "The national portal does not let the province's client send this (check TXNG_NATIONAL_CLIENT_ID and its rights).",
    });
  const waiting = errors.map(waitingReason).find((r) => r !== null);
  if (waiting) return { status: 'retry', reason: waiting };
  if (!errors.length)
    return {
      status: 'rejected',
      reason: {
        vi: `Cổng quốc gia từ chối bản ghi (mã ${status}) mà không nói lý do.`,
        en: `The national portal refused the record (status ${status}) without saying why.`,
      },
    };
  return { status: 'rejected', reason: joined(errors.map(portalErrorReason)) };
}

/** Several problems of one record read as one answer, pointing at the first field. */
function joined(reasons: ReceiverReason[]): ReceiverReason {
  if (reasons.length === 1) return reasons[0];
  const field = reasons.find((r) => r.field)?.field;
  return {
    vi: reasons.map((r) => r.vi).join(' '),
    en: reasons.map((r) => r.en).join(' '),
    ...(field ? { field } : {}),
  };
}

/** `{ "errors": [...] }` or `{ "error": {...} }`, whichever the portal answers; [] when neither. */
async function portalErrors(response: Response): Promise<PortalError[]> {
  const body = (await response.json().catch(() => null)) as { errors?: unknown; error?: unknown } | null;
  const list = Array.isArray(body?.errors) ? body.errors : body?.error ? [body.error] : [];
  return list.filter(
    (e): e is PortalError => !!e && typeof e === 'object' && typeof (e as PortalError).code === 'string',
  );
}
