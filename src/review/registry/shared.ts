import { type Actor, localToday, type Tx } from '../../platform/index.ts';
import { type ReviewedEntity, type ReviewStatus, setReviewStatus } from '../../registry/index.ts';
import type { Decision, PreCheck, ReviewHandler } from '../review.handlers.ts';

const statusOf: Record<Decision, ReviewStatus> = {
  approve: 'approved',
  return: 'returned',
  reject: 'rejected',
};

/** The part every registry entity shares: its reviewStatus follows the item (submitted, then the decision). */
export function registryStatusHooks(entity: ReviewedEntity): Pick<ReviewHandler, 'onSubmit' | 'onDecision'> {
  return {
    onSubmit: async (tx: Tx, id: string, actor: Actor, note: string | null) => {
      await setReviewStatus(tx, { entity, id, status: 'submitted', note, actor });
    },
    onDecision: async (tx, item, decision, actor, reason) => {
      await setReviewStatus(tx, {
        entity,
        id: item.entityId,
        status: statusOf[decision],
        note: reason,
        actor,
      });
    },
  };
}

/** A check that does not apply to this record: said so, never counted as passed or failed. */
export const notApplicable = (code: string): PreCheck => ({
  code,
  ok: true,
  blocking: false,
  applies: false,
});

/** A time as people in the province read it: dd/mm/yyyy HH:mm, Vietnam time. */
export const localTime = (time: Date) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(time);

export const check = (
  code: string,
  ok: boolean,
  blocking: boolean,
  params?: Record<string, unknown>,
): PreCheck => ({
  code,
  ok,
  blocking,
  params,
});

export const present = (value: unknown) =>
  value !== null && value !== undefined && (typeof value !== 'string' || value.trim() !== '');

export const todayIso = () => localToday();

/** An image a portal or a phone can fetch: an absolute http(s) URL, or a file this program serves. */
export function isFetchableImage(url: string): boolean {
  if (url.startsWith('/')) return !url.startsWith('//');
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The id of a file this program serves (`…/files/{uuid}`), which the national portal can always fetch. */
export function hostedFileId(url: string): string | null {
  const match = /\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?#]|$)/i.exec(
    url,
  );
  return match ? match[1].toLowerCase() : null;
}

/** `shipping` from any spelling of a CBV business step (bare, Web URI or URN). */
export function bizStepName(step: string | null): string | null {
  if (!step) return null;
  const match = /(?:BizStep-|bizstep:)([\w]+)$/i.exec(step);
  return (match ? match[1] : step).toLowerCase();
}
