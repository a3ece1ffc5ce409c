/** The life of a stamp: allocated → active (bound to a lot) ⇄ deactivated; revoked is final. */
export type StampState = 'allocated' | 'active' | 'deactivated' | 'revoked';

export interface StampChange {
  firstSerial: number;
  lastSerial: number;
  action: string; // 'activate' | 'deactivate' | 'revoke' | 'print' | 'reprint'
  lot: string | null;
  at: Date;
}

export interface Segment {
  firstSerial: number;
  lastSerial: number;
  state: StampState;
  lot: string | null;
  since: Date | null;
}

const stateOf: Record<string, StampState | undefined> = {
  activate: 'active',
  deactivate: 'deactivated',
  revoke: 'revoked',
};

/**
 * Paints the changes, oldest first, over [first, last] and returns the runs of equal state. Ranges are few
 * rows with exceptions over sub-runs, so this is cheap even for a million stamps.
 */
export function paintSegments(first: number, last: number, changes: StampChange[]): Segment[] {
  let segments: Segment[] = [
    { firstSerial: first, lastSerial: last, state: 'allocated', lot: null, since: null },
  ];
  for (const change of changes) {
    const state = stateOf[change.action];
    if (!state) continue;
    const from = Math.max(first, change.firstSerial);
    const to = Math.min(last, change.lastSerial);
    if (from > to) continue;
    const next: Segment[] = [];
    for (const s of segments) {
      if (s.lastSerial < from || s.firstSerial > to) {
        next.push(s);
        continue;
      }
      if (s.firstSerial < from) next.push({ ...s, lastSerial: from - 1 });
      // a revoked stamp stays revoked, whatever comes after
      const painted =
        s.state === 'revoked'
          ? s
          : { ...s, state, lot: state === 'active' ? change.lot : s.lot, since: change.at };
      next.push({
        ...painted,
        firstSerial: Math.max(s.firstSerial, from),
        lastSerial: Math.min(s.lastSerial, to),
      });
      if (s.lastSerial > to) next.push({ ...s, firstSerial: to + 1 });
    }
    segments = merge(next);
  }
  return segments;
}

function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.lastSerial + 1 === s.firstSerial &&
      prev.state === s.state &&
      prev.lot === s.lot &&
      prev.since?.getTime() === s.since?.getTime()
    ) {
      prev.lastSerial = s.lastSerial;
    } else out.push({ ...s });
  }
  return out;
}

export function countByState(segments: Segment[]): Record<StampState, number> {
  const counts: Record<StampState, number> = { allocated: 0, active: 0, deactivated: 0, revoked: 0 };
  for (const s of segments) counts[s.state] += s.lastSerial - s.firstSerial + 1;
  return counts;
}
