import pg from 'pg';
import { afterAll, expect } from 'vitest';

/**
 * Decision 070 kept by the suite: on PostgreSQL no statement is sent to a connection that is still running one (a
 * transaction's reads side by side, which node-postgres 8 queues with a warning and pg 9 refuses; `sideBySide` is the
 * way). Each statement sent so is written down with the statement it waited for, and the test file that sent it
 * fails at its end, naming both. PGlite has no such connection: nothing to watch there.
 */
const watched = Symbol.for('txng.oneStatementAtATime');
// this file runs again before every test file of a fork (its modules are shared, decision 068): the driver is patched
// once, and what it writes down is kept where every run of this file finds it
const store = globalThis as unknown as Record<symbol, string[]>;
store[watched] ??= [];
const sentToBusy = store[watched];
const proto = pg.Client.prototype as unknown as Record<symbol, boolean> & {
  query: (this: { _activeQuery?: { text?: string } | null }, ...args: unknown[]) => unknown;
};
if (!proto[watched]) {
  proto[watched] = true;
  const query = proto.query;
  proto.query = function (this: { _activeQuery?: { text?: string } | null }, ...args: unknown[]) {
    const running = this._activeQuery;
    if (running) {
      const sent = args[0];
      const text = typeof sent === 'string' ? sent : ((sent as { text?: string } | null)?.text ?? '');
      const short = (q: string) => q.replace(/\s+/g, ' ').trim().slice(0, 120);
      sentToBusy.push(`${short(text)}   (while running: ${short(running.text ?? '')})`);
    }
    return query.apply(this, args);
  };
}

afterAll(() => {
  const found = sentToBusy.splice(0);
  expect(
    found,
    'statements sent to a connection still running one: read side by side with sideBySide',
  ).toEqual([]);
});
