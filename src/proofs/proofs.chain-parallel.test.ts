import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditChainPage,
  auditRowsInRange,
  ChainHashers,
  checkChainPage,
  isoOfTimestamp,
  MerkleAccumulator,
  merkleRoot,
  recordAudit,
  recordLeaf,
  recordLeafFields,
} from '../audit/index.ts';
import { createTestApp, epcisDocument, makeOrganisation, objectEvent, type TestApp } from '../test/index.ts';
import { makeCheckpoint } from './proofs.checkpoints.ts';
import { verifyChain } from './proofs.verify.ts';

/**
 * The quick pass of `verifyChain` (pages hashed in a worker thread, joined at their edges) against the careful one
 * (row by row, as it always was): the same report, word for word, whatever is broken and wherever — in the first
 * page, on a page's edge, on a checkpoint's edge, in the last page, a row deleted. Pages of 4 rows here.
 */
describe('the whole chain checked in pages, in a worker thread', () => {
  let t: TestApp;
  let ids: number[] = [];
  /** Where in `ids` each checkpoint ends. */
  let edges: number[] = [];
  const quick = (extra: Parameters<typeof verifyChain>[1] = {}) =>
    verifyChain(t.db, { pageSize: 4, workers: 1, ...extra });
  const careful = () => verifyChain(t.db, { parallel: false });

  beforeAll(async () => {
    t = await createTestApp();
    const org = (await makeOrganisation(t.db)).id;
    const write = async (n: number) => {
      for (let i = 0; i < n; i++)
        await recordAudit(t.db, {
          actor: {
            kind: 'user',
            id: `u-${i % 3}`,
            name: i % 2 ? 'Trần Thị Ánh' : 'Nguyễn Văn "Duyệt"',
            role: 'org_owner',
            organisationIds: [org],
            sector: null,
            communes: [],
          },
          action: i % 2 ? 'update' : 'approve',
          entityType: 'lot',
          entityId: `lot-${i}`,
          organisationId: org,
          before: i % 3 ? { quantity: i, ghiChú: 'sầu riêng' } : null,
          after: { quantity: i + 1, tags: ['a', { z: 1, a: [null, 1.5] }], ß: true },
        });
    };
    await write(9);
    const res = await t.app.inject({
      method: 'POST',
      url: '/epcis/capture',
      headers: {
        ...t.as({ role: 'org_owner', organisationIds: [org] }),
        'content-type': 'application/ld+json',
      },
      payload: JSON.stringify(epcisDocument([objectEvent('p-1'), objectEvent('p-2')])),
    });
    expect(res.statusCode).toBe(202);
    // two checkpoints (each part starts a new page in the quick pass), then rows after the last one
    const before = await count();
    await write(12 - before);
    await makeCheckpoint(t.db, { province: 'Đồng Nai', keyFile: null, trigger: 'cli' });
    await write(6);
    await makeCheckpoint(t.db, { province: 'Đồng Nai', keyFile: null, trigger: 'cli' });
    await write(7);
    ids = ((await t.db.execute(sql`SELECT id::int AS id FROM audit_log ORDER BY id`)) as any).rows.map(
      (r: { id: number }) => r.id,
    );
    edges = (
      (await t.db.execute(sql`SELECT to_id::int AS id FROM checkpoints ORDER BY seq`)) as any
    ).rows.map((r: { id: number }) => ids.indexOf(r.id));
  });
  afterAll(async () => {
    await t.close();
  });

  async function count() {
    return ((await t.db.execute(sql`SELECT count(*)::int AS n FROM audit_log`)) as any).rows[0].n as number;
  }

  /** Runs `check` with the row edited, then puts it back as it was. */
  async function edited(id: number, change: ReturnType<typeof sql>, check: () => Promise<void>) {
    const saved = ((await t.db.execute(sql`SELECT * FROM audit_log WHERE id = ${id}`)) as any).rows[0];
    await t.db.execute(sql`UPDATE audit_log SET ${change} WHERE id = ${id}`);
    try {
      await check();
    } finally {
      await t.db.execute(sql`UPDATE audit_log SET after = ${saved.after}, prev_hash = ${saved.prev_hash},
        actor_name = ${saved.actor_name} WHERE id = ${id}`);
    }
  }

  /** Runs `check` with the row deleted, then puts it back. */
  async function deleted(id: number, check: () => Promise<void>) {
    const saved = ((await t.db.execute(sql`SELECT * FROM audit_log WHERE id = ${id}`)) as any).rows[0];
    await t.db.execute(sql`DELETE FROM audit_log WHERE id = ${id}`);
    try {
      await check();
    } finally {
      await t.db.execute(sql`INSERT INTO audit_log (id, at, actor_id, actor_kind, actor_role, actor_name, organisation_id,
        action, entity_type, entity_id, before, after, subject_label, actor_organisation, prev_hash, hash)
        VALUES (${saved.id}, ${saved.at}, ${saved.actor_id}, ${saved.actor_kind}, ${saved.actor_role}, ${saved.actor_name},
        ${saved.organisation_id}, ${saved.action}, ${saved.entity_type}, ${saved.entity_id}, ${saved.before}, ${saved.after},
        ${saved.subject_label}, ${saved.actor_organisation}, ${saved.prev_hash}, ${saved.hash})`);
    }
  }

  /** The quick pass (with a worker and without) says exactly what the careful one says. */
  async function sameAsCareful(expected: { kind: string; recordId: number; text?: RegExp }) {
    const want = await careful();
    expect(want.valid).toBe(false);
    expect(want.broken).toMatchObject({ kind: expected.kind, recordId: expected.recordId });
    if (expected.text) expect(want.broken!.text).toMatch(expected.text);
    expect(await quick()).toEqual(want);
    expect(await quick({ workers: 0 })).toEqual(want);
    expect(await quick({ events: false })).toEqual(
      await verifyChain(t.db, { parallel: false, events: false }),
    );
  }

  it('holds as written, without the careful pass, and counts as the careful pass does', async () => {
    let from: number | null = null;
    const report = await quick({ onCarefulFrom: (id) => (from = id) });
    expect(from).toBe(null);
    expect(report).toEqual(await careful());
    expect(report).toMatchObject({ valid: true, checkpoints: 2, events: 2, records: ids.length });
    expect(await verifyChain(t.db)).toEqual(report);
    expect(await quick({ workers: 0 })).toEqual(report);
  });

  it('starts its worker threads (not falling back to hashing on this thread)', async () => {
    const hashers = await ChainHashers.open(2);
    try {
      expect(hashers.size).toBe(2);
      const page = await auditChainPage(t.db, 0, Number.MAX_SAFE_INTEGER, 8);
      expect(await hashers.check(page.text)).toEqual(checkChainPage(page.text));
    } finally {
      await hashers.close();
    }
  });

  it('reads a time’s text as the Date the ORM makes of it would write it', () => {
    for (const text of [
      '2026-12-07 01:22:00.819+00',
      '2026-12-07 01:22:00.8+00',
      '2026-12-07 01:22:00.81+00',
      '2026-12-07 01:22:00+00',
      '2026-12-07 01:22:00.819123+00',
      '2026-12-07 08:22:00.819+07',
      '2026-02-28 23:59:59.999+00',
      '0099-01-01 00:00:00+00',
      '0999-01-01 00:00:00+00',
      '1000-01-01 00:00:00.5+00',
      '9999-12-31 23:59:59.999+00',
    ])
      expect(isoOfTimestamp(text)).toBe(new Date(text).toISOString());
  });

  it('a page read as JSON text hashes as the ORM’s rows do (same leaves, same Merkle root)', async () => {
    const rows = await auditRowsInRange(t.db, 0, Number.MAX_SAFE_INTEGER, 1000);
    const page = await auditChainPage(t.db, 0, Number.MAX_SAFE_INTEGER, 1000);
    expect(page).toMatchObject({ count: rows.length, lastId: rows[rows.length - 1].id });
    const checked = checkChainPage(page.text);
    expect(checked).toMatchObject({ count: rows.length, bad: -1, firstPrevHash: rows[0].prevHash });
    const tree = new MerkleAccumulator();
    for (const s of checked.subtrees) expect(tree.pushSubtree(s.hash, s.size)).toBe(true);
    expect(tree.root()).toBe(merkleRoot(rows.map((r) => recordLeaf(recordLeafFields(r)))));
    // and pages of 4 joined as subtrees give the same root
    const joined = new MerkleAccumulator();
    for (let after = 0; ; ) {
      const p = await auditChainPage(t.db, after, Number.MAX_SAFE_INTEGER, 4);
      for (const s of checkChainPage(p.text).subtrees) expect(joined.pushSubtree(s.hash, s.size)).toBe(true);
      if (p.count < 4) break;
      after = p.lastId!;
    }
    expect(joined.root()).toBe(tree.root());
  });

  it('an edited row in the first page, on a page’s edge, on a checkpoint’s edge, in the last page', async () => {
    for (const at of [0, 1, 3, 4, 7, 8, edges[0], edges[0] + 1, edges[1], edges[1] + 1, ids.length - 1]) {
      const id = ids[at];
      await edited(id, sql`actor_name = 'Kẻ sửa'`, () =>
        sameAsCareful({ kind: 'record', recordId: id, text: /đã bị sửa sau khi ghi/ }),
      );
    }
  });

  it('a link edited on a page’s edge: named as a row removed or changed before it', async () => {
    for (const at of [4, 8, edges[0] + 1, edges[1] + 1]) {
      const id = ids[at];
      await edited(id, sql`prev_hash = ${'f'.repeat(64)}`, () =>
        sameAsCareful({ kind: 'record', recordId: id, text: /có bản ghi bị xoá hoặc sửa/ }),
      );
    }
  });

  it('a row deleted on a page’s edge, on a checkpoint’s edge, and the last one', async () => {
    expect(edges).toHaveLength(2);
    for (const at of [0, 3, 4, 7, 8, edges[0], edges[0] + 1, edges[1], edges[1] + 1, ids.length - 1]) {
      const id = ids[at];
      const next = ids[at + 1];
      await deleted(id, async () => {
        const want = await careful();
        // a checkpoint's last record gone: the checkpoint no longer matches; the newest record, after the last
        // checkpoint: nothing can tell (the chain is shorter, not broken); any other: the next one's link
        if (edges.includes(at)) expect(want.broken).toMatchObject({ kind: 'checkpoint', recordId: id });
        else if (next === undefined) expect(want.valid).toBe(true);
        else expect(want.broken).toMatchObject({ kind: 'record', recordId: next });
        expect(await quick()).toEqual(want);
        expect(await quick({ workers: 0 })).toEqual(want);
      });
    }
    expect((await quick()).valid).toBe(true);
  });

  it('a captured event edited: named by its eventID, as the careful pass names it', async () => {
    const { rows } = (await t.db.execute(
      sql`SELECT event_id FROM epcis_events ORDER BY event_id LIMIT 1`,
    )) as any;
    const eventId = rows[0].event_id as string;
    await t.db.execute(sql`UPDATE epcis_events SET biz_location = 'x' WHERE event_id = ${eventId}`);
    try {
      const want = await careful();
      expect(want.broken).toMatchObject({ kind: 'event', eventId });
      expect(await quick()).toEqual(want);
    } finally {
      await t.db.execute(sql`UPDATE epcis_events SET biz_location = NULL WHERE event_id = ${eventId}`);
    }
    expect((await quick()).valid).toBe(true);
  });
});
