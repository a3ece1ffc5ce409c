import type { Config } from '../platform/index.ts';
import { DeliveryError } from './delivery-error.ts';
import {
  type ItemOutcome,
  type Receiver,
  type ReceiverReason,
  type SyncItem,
  syncKinds,
} from './receiver.ts';

/** Long enough for a hub storing a thousand items on a busy database; a hung connection is tried again later. */
const timeoutMs = 30_000;

/** The TXNG hub (issue 14 §2), configured by TXNG_HUB_URL and TXNG_HUB_KEY; null when no hub is set. */
export function hubReceiverFromConfig(config: Config): Receiver | null {
  const { hubUrl, hubKey } = config.sync;
  return hubUrl && hubKey ? hubReceiver(hubUrl, hubKey) : null;
}

export function hubReceiver(baseUrl: string, key: string): Receiver {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/hub/deliveries`;
  return {
    id: 'hub',
    label: { vi: 'Trung tâm dữ liệu (hub TXNG)', en: 'TXNG hub' },
    kinds: syncKinds,
    // the hub keeps whatever the province approved: it refuses nothing in advance
    check: () => [],
    deliver: (items) => post(url, key, items),
  };
}

async function post(url: string, key: string, items: SyncItem[]): Promise<ItemOutcome[]> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'accept-language': 'vi',
      },
      body: JSON.stringify({ items }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new DeliveryError(
      timedOut
        ? { vi: 'Trung tâm dữ liệu không trả lời kịp.', en: 'The hub did not answer in time.' }
        : { vi: 'Không kết nối được tới trung tâm dữ liệu.', en: 'The hub could not be reached.' },
    );
  }
  if (response.ok) return outcomes(items, await response.json().catch(() => null));
  const detail = await problemDetail(response);
  const status = response.status;
  if (status >= 500 || status === 408 || status === 429)
    throw new DeliveryError({
      vi: `Trung tâm dữ liệu đang bận hoặc gặp sự cố (mã ${status}), sẽ gửi lại sau.`,
      en: `The hub is busy or failing (status ${status}); it will be tried again.`,
    });
  // a wrong key is the province's configuration, not the records: keep them and try again once it is fixed
  if (status === 401 || status === 403)
    throw new DeliveryError({
      vi: 'Trung tâm dữ liệu không chấp nhận khóa của tỉnh (kiểm tra TXNG_HUB_KEY).',
      en: "The hub does not accept the province's key (check TXNG_HUB_KEY).",
    });
  const reason: ReceiverReason = {
    vi: `Trung tâm dữ liệu từ chối: ${detail ?? `mã ${status}`}`,
    en: `The hub refused the delivery (status ${status}).`,
  };
  return items.map((item) => ({ key: item.key, status: 'rejected', reason }));
}

/** One outcome per item in order; an answer that does not name an item leaves it to be tried again. */
function outcomes(items: SyncItem[], body: unknown): ItemOutcome[] {
  const results =
    body && typeof body === 'object' && Array.isArray((body as { results?: unknown }).results)
      ? (body as { results: ItemOutcome[] }).results
      : [];
  const byKey = new Map(results.filter((r) => r && typeof r.key === 'string').map((r) => [r.key, r]));
  return items.map(
    (item) =>
      byKey.get(item.key) ?? {
        key: item.key,
        status: 'retry',
        reason: {
          vi: 'Trung tâm dữ liệu chưa xác nhận bản ghi này.',
          en: 'The hub did not confirm this record.',
        },
      },
  );
}

async function problemDetail(response: Response): Promise<string | null> {
  const body = (await response.json().catch(() => null)) as { detail?: unknown; title?: unknown } | null;
  const text = body?.detail ?? body?.title;
  return typeof text === 'string' ? text.slice(0, 500) : null;
}
