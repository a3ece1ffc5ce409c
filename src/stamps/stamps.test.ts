import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, Problem } from '../platform/index.ts';
import { createTestApp, makeLot, makeProducer, type TestApp } from '../test/index.ts';
import { preparePrintRun } from './stamps.print.ts';
import { reserveSerials } from './stamps.repo.ts';
import { verifyStamp } from './stamps.verify.ts';

let t: TestApp;
let producer: Awaited<ReturnType<typeof makeProducer>>;
let owner: Record<string, string>;
let reviewer: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  producer = await makeProducer(t.db);
  owner = t.as({ role: 'org_owner', organisationIds: [producer.organisationId] });
  reviewer = t.as({ role: 'dost_reviewer' });
  for (const lot of ['L2026-03', 'L2026-04', 'A1']) await makeLot(t.db, { ...producer, lot });
});
afterAll(() => t?.close());

async function request(quantity: number, kind = 'traceability', gtin = producer.gtin) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/stamps/requests',
    headers: owner,
    payload: { organisationId: producer.organisationId, gtin, quantity, kind },
  });
  return res;
}

const decide = (reviewItemId: string, payload: unknown, headers = reviewer) =>
  t.app.inject({
    method: 'POST',
    url: `/api/review/items/${reviewItemId}/decision`,
    headers,
    payload: payload as any,
  });

async function rangeOf(requestId: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/stamps/requests/${requestId}`, headers: owner });
  return res.json();
}

async function approved(quantity: number, kind = 'traceability') {
  const created = (await request(quantity, kind)).json();
  const res = await decide(created.reviewItemId, { decision: 'approve' });
  expect(res.statusCode).toBe(200);
  return (await rangeOf(created.id)).range as { id: string; firstSerial: number; lastSerial: number };
}

const post = (url: string, payload: unknown, headers = owner) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as any });

describe('stamp requests', () => {
  it('rejects a GTIN with a wrong check digit, naming the field', async () => {
    const res = await request(10, 'traceability', '08930000000010');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0].field).toBe('/gtin');
  });

  it('should not let an organisation request stamps for another organisation', async () => {
    const other = t.as({ role: 'org_owner', organisationIds: [crypto.randomUUID()] });
    const res = await post(
      '/api/stamps/requests',
      { organisationId: producer.organisationId, gtin: producer.gtin, quantity: 5, kind: 'traceability' },
      other,
    );
    expect(res.statusCode).toBe(403);
  });

  it('should not let a producer approve its own request', async () => {
    const created = (await request(5)).json();
    expect(created.status).toBe('submitted');
    const res = await decide(created.reviewItemId, { decision: 'approve' }, owner);
    expect(res.statusCode).toBe(403);
    expect((await rangeOf(created.id)).range).toBeNull();
  });

  it('refusal needs a reason and allocates nothing; a decided request cannot be decided again', async () => {
    const created = (await request(5)).json();
    const noReason = await decide(created.reviewItemId, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    const refused = await decide(created.reviewItemId, { decision: 'reject', reason: 'Số lượng quá lớn' });
    expect(refused.statusCode).toBe(200);
    expect(await rangeOf(created.id)).toMatchObject({
      status: 'refused',
      reason: 'Số lượng quá lớn',
      range: null,
    });
    const again = await decide(created.reviewItemId, { decision: 'approve' });
    expect(again.statusCode).toBe(409);
  });

  it('a request for an unpublished product cannot be approved (blocking pre-check)', async () => {
    const draft = await makeProducer(t.db, { publishProduct: false });
    const headers = t.as({ role: 'org_owner', organisationIds: [draft.organisationId] });
    const created = (
      await post(
        '/api/stamps/requests',
        { organisationId: draft.organisationId, gtin: draft.gtin, quantity: 5, kind: 'traceability' },
        headers,
      )
    ).json();
    const res = await decide(created.reviewItemId, { decision: 'approve' });
    expect(res.statusCode).toBe(409);
  });

  it('approval allocates consecutive, non-overlapping ranges per GTIN', async () => {
    const a = await approved(100);
    const b = await approved(50);
    expect(a.lastSerial - a.firstSerial + 1).toBe(100);
    expect(b.firstSerial).toBe(a.lastSerial + 1);
    const listed = await t.app.inject({ method: 'GET', url: '/api/stamps/requests', headers: owner });
    expect(listed.json().items.length).toBeGreaterThanOrEqual(2);
  });

  it('the reviewer may approve fewer stamps than asked, with a reason the producer reads; never more', async () => {
    const created = (await request(5000)).json();
    const more = await decide(created.reviewItemId, { decision: 'approve', approvedQuantity: 6000 });
    expect(more.statusCode).toBe(400);
    expect(more.json().errors[0]).toMatchObject({
      field: '/body/approvedQuantity',
      code: 'stamps.approvedAboveRequested',
    });
    const silent = await decide(created.reviewItemId, { decision: 'approve', approvedQuantity: 2000 });
    expect(silent.statusCode).toBe(400);
    expect(silent.json().errors[0]).toMatchObject({ field: '/body/reason', code: 'stamps.fewerNeedsReason' });
    const returned = await decide(created.reviewItemId, {
      decision: 'return',
      reason: 'x',
      approvedQuantity: 2000,
    });
    expect(returned.statusCode).toBe(400);
    // nothing of the refused attempts stayed: the request is still pending
    const ok = await decide(created.reviewItemId, {
      decision: 'approve',
      approvedQuantity: 2000,
      reason: 'Đợt đầu cấp 2.000 tem; đề nghị thêm khi dùng hết',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const read = await rangeOf(created.id);
    expect(read).toMatchObject({
      quantity: 5000,
      approvedQuantity: 2000,
      reason: 'Đợt đầu cấp 2.000 tem; đề nghị thêm khi dùng hết',
    });
    expect(read.range.lastSerial - read.range.firstSerial + 1).toBe(2000);
  });

  it('parallel allocations never overlap', async () => {
    const sizes = Array.from({ length: 24 }, (_, i) => 1 + ((i * 37) % 500));
    const ranges = await Promise.all(
      sizes.map((n) => t.db.transaction((tx) => reserveSerials(tx, producer.gtin, n))),
    );
    const sorted = [...ranges].sort((x, y) => x.firstSerial - y.firstSerial);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].firstSerial).toBe(sorted[i - 1].lastSerial + 1);
    const total = ranges.reduce((sum, r) => sum + r.lastSerial - r.firstSerial + 1, 0);
    expect(total).toBe(sizes.reduce((x, y) => x + y, 0));
  });

  it('parallel approvals through HTTP get disjoint ranges', async () => {
    const created = await Promise.all(Array.from({ length: 8 }, () => request(1000).then((r) => r.json())));
    const decided = await Promise.all(created.map((c) => decide(c.reviewItemId, { decision: 'approve' })));
    expect(decided.map((d) => d.statusCode)).toEqual(created.map(() => 200));
    const ranges = (await Promise.all(created.map((c) => rangeOf(c.id))))
      .map((r) => r.range)
      .sort((x, y) => x.firstSerial - y.firstSerial);
    for (let i = 1; i < ranges.length; i++)
      expect(ranges[i].firstSerial).toBeGreaterThan(ranges[i - 1].lastSerial);
  });
});

describe('stamp life', () => {
  it('activates a run to a lot, deactivates part, revokes, and records EPCIS event ids', async () => {
    const range = await approved(1000);
    const base = `/api/stamps/ranges/${range.id}`;
    const act = await post(`${base}/activate`, {
      lot: 'L2026-03',
      firstSerial: range.firstSerial,
      lastSerial: range.firstSerial + 499,
    });
    expect(act.statusCode).toBe(200);
    expect(act.json().counts).toEqual({ allocated: 500, active: 500, deactivated: 0, revoked: 0 });
    expect(act.json().history[0]).toMatchObject({ action: 'activate', lot: 'L2026-03' });
    expect(act.json().history[0].eventId).toMatch(/^urn:uuid:/);

    const twice = await post(`${base}/activate`, { lot: 'L2026-04', serials: [range.firstSerial + 10] });
    expect(twice.statusCode).toBe(409);

    const deact = await post(`${base}/deactivate`, {
      serials: [range.firstSerial + 1, range.firstSerial + 2],
      reason: 'Tem rách',
    });
    expect(deact.json().counts.deactivated).toBe(2);
    const revoke = await post(`${base}/revoke`, {
      firstSerial: range.firstSerial + 2,
      lastSerial: range.firstSerial + 2,
    });
    expect(revoke.json().counts).toMatchObject({ deactivated: 1, revoked: 1 });
    const reactivate = await post(`${base}/activate`, { lot: 'L2026-03', serials: [range.firstSerial + 2] });
    expect(reactivate.statusCode).toBe(409);
  });

  it('rejects serials outside the range and an invalid lot', async () => {
    const range = await approved(10);
    const outside = await post(`/api/stamps/ranges/${range.id}/activate`, {
      lot: 'A1',
      serials: [range.lastSerial + 1],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].field).toBe('/serials');
    const badLot = await post(`/api/stamps/ranges/${range.id}/activate`, { lot: 'lô có dấu' });
    expect(badLot.statusCode).toBe(400);
    expect(badLot.json().errors[0].field).toBe('/lot');
  });

  it('should not let another organisation activate stamps', async () => {
    const range = await approved(10);
    const other = t.as({ role: 'org_owner', organisationIds: [crypto.randomUUID()] });
    const res = await post(`/api/stamps/ranges/${range.id}/activate`, { lot: 'A1' }, other);
    expect(res.statusCode).toBe(403);
  });

  it('prints a traceability sheet as PDF; anti-counterfeit stamps print once, then only as a reprint', async () => {
    const range = await approved(30);
    const pdf = await post(`/api/stamps/ranges/${range.id}/print`, { layout: 'a4' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const sheet = await t.app.inject({
      method: 'GET',
      url: `/api/stamps/ranges/${range.id}`,
      headers: owner,
    });
    // the first print is on the record like a reprint: who, when, which run, with its EPCIS event
    expect(sheet.json().history.map((h: any) => [h.action, h.firstSerial, h.lastSerial])).toEqual([
      ['print', range.firstSerial, range.lastSerial],
    ]);
    const [printed] = sheet.json().history;
    expect(printed.actorName).toBeTruthy();
    const event = await t.app.inject({
      method: 'GET',
      url: `/epcis/events/${encodeURIComponent(printed.eventId)}`,
      headers: owner,
    });
    expect(event.statusCode).toBe(200);
    expect(JSON.stringify(event.json())).toContain('encoding');

    const anti = await approved(5, 'anti_counterfeit');
    const first = await post(`/api/stamps/ranges/${anti.id}/print`, { layout: 'roll' });
    expect(first.statusCode).toBe(200);
    const again = await post(`/api/stamps/ranges/${anti.id}/print`, { layout: 'roll' });
    expect(again.statusCode).toBe(409);
    // the secret is in the link: a GS1 element string cannot carry it, a DataMatrix holding the link can
    const gs1 = await post(`/api/stamps/ranges/${anti.id}/print`, {
      carrier: 'gs1-datamatrix',
      reprint: true,
    });
    expect(gs1.statusCode).toBe(400);
    expect(gs1.json().errors[0]).toMatchObject({ field: '/carrier', code: 'stamps.secretNeedsLink' });
    const reprint = await post(`/api/stamps/ranges/${anti.id}/print`, { reprint: true });
    expect(reprint.statusCode).toBe(200);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/stamps/ranges/${anti.id}`,
      headers: owner,
    });
    expect(
      detail
        .json()
        .history.map((h: any) => h.action)
        .sort(),
    ).toEqual(['print', 'reprint']);
    const dm = await post(`/api/stamps/ranges/${anti.id}/print`, { carrier: 'datamatrix', reprint: true });
    expect(dm.statusCode).toBe(200);
  });

  it('two first prints of anti-counterfeit stamps fired at once: one succeeds, the other gets 409', async () => {
    const anti = await approved(4, 'anti_counterfeit');
    const results = await Promise.all([
      post(`/api/stamps/ranges/${anti.id}/print`, { layout: 'roll' }),
      post(`/api/stamps/ranges/${anti.id}/print`, { layout: 'roll' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('two first prints that both passed the early check: the second commit gets 409, the first PDF stays valid', async () => {
    const anti = await approved(3, 'anti_counterfeit');
    const actor: Actor = {
      kind: 'user',
      id: crypto.randomUUID(),
      name: 'Chủ cơ sở',
      role: 'org_owner',
      organisationIds: [producer.organisationId],
      sector: null,
      communes: [],
    };
    const query = { layout: 'a4', carrier: 'qr', reprint: false } as const;
    // both prepared before either commits: exactly the window the check under the lock closes
    const runs = await Promise.all([
      preparePrintRun(t.db, actor, anti.id, query, t.config.baseUrl),
      preparePrintRun(t.db, actor, anti.id, query, t.config.baseUrl),
    ]);
    const outcomes = await Promise.allSettled(runs.map((run) => run.commit()));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(Problem);
    expect((rejected.reason as Problem).status).toBe(409);
    const winner = runs[outcomes.findIndex((o) => o.status === 'fulfilled')];
    for (const label of winner.labels) {
      const url = new URL(label.code);
      const serial = url.pathname.split('/').at(-1)!;
      const check = await verifyStamp(t.db, {
        gtin: producer.gtin,
        serial,
        lot: null,
        secret: url.searchParams.get('s'),
      });
      expect(check.status).toBe('not_activated');
    }
  });
});
