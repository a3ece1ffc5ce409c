export const queuedKinds = ['organisation', 'location', 'product', 'lot', 'event', 'stamp'] as const;
export type QueuedKind = (typeof queuedKinds)[number];

export interface QueuedAll {
  receivers: { id: string; label: string; queued: Record<QueuedKind, number>; total: number }[];
}

/**
 * One line per receiver in words: "Cổng truy xuất nguồn gốc quốc gia: 3 cơ sở, 1.204 sự kiện truy xuất", or that
 * it had everything already.
 */
export function queuedLines(
  result: QueuedAll,
  words: { kind: (kind: QueuedKind) => string; number: (n: number) => string; nothing: string },
): string[] {
  return result.receivers.map((r) => {
    const parts = queuedKinds
      .filter((kind) => r.queued[kind] > 0)
      .map((kind) => `${words.number(r.queued[kind])} ${words.kind(kind)}`);
    return `${r.label}: ${parts.length ? parts.join(', ') : words.nothing}`;
  });
}
