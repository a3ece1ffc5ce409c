// Excursion detection (decision 059): pure, over one series (a device, or an EPCIS lot or place) and one threshold,
// reading by reading in time order. No database here: the service loads the running excursion, calls `detect` and
// writes what it returns.

export interface Range {
  min: number | null;
  max: number | null;
  /** Seconds out of range before it counts (0: at once). */
  durationSeconds: number;
}

export interface Point {
  at: Date;
  value: number;
}

/** A time out of range: `pending` until it has lasted the duration, then `open`, `closed` once back in range. */
export interface Excursion {
  state: 'pending' | 'open' | 'closed';
  startedAt: Date;
  lastOutAt: Date;
  endedAt: Date | null;
  worstValue: number;
  worstAt: Date;
}

export interface Detection {
  /** The excursion still running after the readings (pending or open), or null. */
  running: Excursion | null;
  /** Excursions that ended within the readings and lasted long enough (closed). */
  closed: Excursion[];
  /** True when the running excursion passed in it was pending and is now dropped (it ended too soon). */
  dropped: boolean;
  /** Excursions that became open here (an alert each): the running one, closed ones, or both. */
  opened: Excursion[];
}

/** How far a value is outside the range (0 inside it). */
export function distanceOut(range: Range, value: number): number {
  if (range.max !== null && value > range.max) return value - range.max;
  if (range.min !== null && value < range.min) return range.min - value;
  return 0;
}

const lasted = (range: Range, from: Date, to: Date) =>
  to.getTime() - from.getTime() >= range.durationSeconds * 1000;

/**
 * Runs the readings (in time order; readings at or before the running excursion's last reading are taken as they
 * come) through the range, starting from the running excursion. Out of range starts a pending excursion, whose worst
 * value is the one furthest out; it opens once the time from its first reading out to the latest reading out reaches
 * the duration, or when a reading back in range comes that long after its start (the goods were out of range all
 * that time). A reading back in range closes an open excursion at its time, and drops a pending one that did not
 * last.
 */
export function detect(range: Range, running: Excursion | null, points: Point[]): Detection {
  let current: Excursion | null = running ? { ...running } : null;
  const closed: Excursion[] = [];
  const opened: Excursion[] = [];
  let dropped = false;
  let carried = running !== null;
  for (const p of points) {
    const out = distanceOut(range, p.value);
    if (out > 0) {
      if (!current) {
        current = {
          state: 'pending',
          startedAt: p.at,
          lastOutAt: p.at,
          endedAt: null,
          worstValue: p.value,
          worstAt: p.at,
        };
      } else {
        if (out > distanceOut(range, current.worstValue)) {
          current.worstValue = p.value;
          current.worstAt = p.at;
        }
        if (p.at > current.lastOutAt) current.lastOutAt = p.at;
      }
      if (current.state === 'pending' && lasted(range, current.startedAt, current.lastOutAt)) {
        current.state = 'open';
        opened.push(current);
      }
      continue;
    }
    if (!current) continue;
    if (current.state === 'pending' && lasted(range, current.startedAt, p.at)) {
      current.state = 'open';
      opened.push(current);
    }
    if (current.state === 'open') {
      current.state = 'closed';
      current.endedAt = p.at;
      closed.push(current);
    } else if (carried) {
      dropped = true;
    }
    current = null;
    carried = false;
  }
  return { running: current, closed, dropped, opened };
}
