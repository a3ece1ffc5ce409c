import type { CaptureRule } from '../epcis/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import { anyReceiverTakes, queueItems } from './outbox.ts';
import { type SyncItem, syncKey } from './receiver.ts';

/** An event never changes: its one version; a declaration that it was wrong withdraws it as the next. */
type CapturedDocument = Parameters<CaptureRule>[1];

const capturedVersion = 1;
const retractedVersion = 2;

/**
 * The EPCIS capture rule (decision 051), inside the capture's transaction: every event an organisation captures
 * leaves as it was captured, and an error declaration withdraws the event it declares wrong. A stamp run revoked
 * leaves as its decommissioning event. The same event captured again has the same key and is queued once.
 */
export async function queueCapture(tx: DbOrTx, captured: CapturedDocument): Promise<void> {
  if (!anyReceiverTakes('event') || !captured.events.length) return;
  const items = captured.events.map((event) =>
    eventItem(event.eventId, event.document, captured.organisationId, event.isErrorDeclaration),
  );
  await queueItems(tx, items);
}

/** An event as it leaves: version 1 as captured, or its error declaration withdrawing it as version 2. */
export function eventItem(
  eventId: string,
  document: Record<string, unknown>,
  organisationId: string,
  declared: boolean,
): { item: SyncItem; label: string } {
  const version = declared ? retractedVersion : capturedVersion;
  const item: SyncItem = {
    key: syncKey('event', eventId, version),
    kind: 'event',
    recordId: eventId,
    version,
    action: declared ? 'withdraw' : 'upsert',
    payload: document,
    organisationId,
    reason: declared ? declarationReason(document) : null,
  };
  return { item, label: eventLabel(document, declared) };
}

function declarationReason(document: Record<string, unknown>): string | null {
  const declaration = document.errorDeclaration as { reason?: unknown } | undefined;
  return typeof declaration?.reason === 'string' ? declaration.reason : null;
}

const steps: Record<string, string> = {
  commissioning: 'tạo mã',
  harvesting: 'thu hoạch',
  growing: 'nuôi trồng',
  farming: 'canh tác',
  producing: 'sản xuất',
  assembling: 'lắp ráp',
  packing: 'đóng gói',
  shipping: 'xuất hàng',
  receiving: 'nhận hàng',
  inspecting: 'kiểm tra',
  storing: 'lưu kho',
  retail_selling: 'bán lẻ',
  decommissioning: 'thu hồi tem',
  encoding: 'in tem',
  holding: 'tạm dừng',
  transforming: 'chế biến',
};

const dayFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** "Sự kiện thu hoạch ngày 03/12/2026", "Hủy sự kiện đóng gói ngày …": no ids, the day in Vietnam's time. */
export function eventLabel(document: Record<string, unknown>, declared: boolean) {
  // a bare CBV word, its URN or its Web URI (`https://ref.gs1.org/cbv/BizStep-packing`)
  const bizStep =
    typeof document.bizStep === 'string'
      ? document.bizStep.replace(/^.*[:/]/, '').replace(/^BizStep-/, '')
      : '';
  const time = typeof document.eventTime === 'string' ? new Date(document.eventTime) : null;
  const day = time && !Number.isNaN(time.getTime()) ? ` ngày ${dayFormat.format(time)}` : '';
  const what = steps[bizStep] ? `Sự kiện ${steps[bizStep]}` : 'Sự kiện truy xuất';
  return `${declared ? 'Hủy ' : ''}${what}${day}`;
}
