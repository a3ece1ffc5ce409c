import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inclusionPath, leafHash, merkleRoot, nodeHash, recordAudit, rootFromPath } from '../audit/index.ts';
import { loadConfig } from '../platform/index.ts';
import { createTestApp, epcisDocument, makeOrganisation, objectEvent, type TestApp } from '../test/index.ts';
import { forgetProofCache, type Proof } from './proofs.build.ts';
import { makeCheckpoint } from './proofs.checkpoints.ts';
import { runVerifyCommand } from './proofs.cli.ts';
import { keyIdOf } from './proofs.keys.ts';
import { verifyChain, verifyProof } from './proofs.verify.ts';

/** RFC 9162's tree written the plain recursive way, to hold the streaming one to it. */
function naiveRoot(leaves: string[]): string {
  if (leaves.length === 0) return crypto.createHash('sha256').digest('hex');
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
}

describe('Merkle tree', () => {
  const leaves = Array.from({ length: 13 }, (_, i) => leafHash(`leaf ${i}`));

  it('gives RFC 9162’s root for every size, built one leaf at a time', () => {
    for (let n = 0; n <= leaves.length; n++)
      expect(merkleRoot(leaves.slice(0, n))).toBe(naiveRoot(leaves.slice(0, n)));
  });

  it('leads every leaf to the root by its path, and no other leaf by that path', () => {
    for (let n = 1; n <= leaves.length; n++) {
      const tree = leaves.slice(0, n);
      const root = merkleRoot(tree);
      for (let i = 0; i < n; i++) {
        const p = inclusionPath(tree, i);
        expect(rootFromPath(tree[i], p)).toBe(root);
        if (n > 1) expect(rootFromPath(tree[(i + 1) % n], p)).not.toBe(root);
      }
    }
  });

  it('a leaf cannot pass for a node (the 0x00 and 0x01 prefixes)', () => {
    const [a, b] = leaves;
    expect(
      leafHash(Buffer.concat([Buffer.from(a, 'hex'), Buffer.from(b, 'hex')]).toString('latin1')),
    ).not.toBe(nodeHash(a, b));
  });
});

describe('checkpoints and proofs', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  const admin = () => t.as({ role: 'dost_admin' });
  const eventIds = [
    'urn:uuid:6f0c3b1e-0d5e-4c1e-9a61-000000000001',
    'urn:uuid:6f0c3b1e-0d5e-4c1e-9a61-000000000002',
    'urn:uuid:6f0c3b1e-0d5e-4c1e-9a61-000000000003',
  ];
  let approvalId: number;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-proofs-'));

  beforeAll(async () => {
    t = await createTestApp();
    orgA = (await makeOrganisation(t.db)).id;
    orgB = (await makeOrganisation(t.db)).id;
    await recordAudit(t.db, {
      actor: {
        kind: 'user',
        id: 'u-1',
        name: 'Nguyễn Văn Duyệt',
        role: 'dost_reviewer',
        organisationIds: [],
        sector: null,
        communes: [],
      },
      action: 'approve',
      entityType: 'product',
      entityId: '3f1d0d3a-6a55-4a8b-9a0e-5d1f9d0b7a11',
      organisationId: orgA,
      before: { reviewStatus: 'submitted' },
      after: { reviewStatus: 'approved', phone: '0912345678' },
    });
    approvalId = ((await t.db.execute(sql`SELECT max(id)::int AS id FROM audit_log`)) as any).rows[0].id;
    const res = await t.app.inject({
      method: 'POST',
      url: '/epcis/capture',
      headers: {
        ...t.as({ role: 'org_owner', organisationIds: [orgA] }),
        'content-type': 'application/ld+json',
      },
      payload: JSON.stringify(epcisDocument(eventIds.map((id, i) => objectEvent(`p-${i}`, { eventID: id })))),
    });
    expect(res.statusCode).toBe(202);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a capture enters the chain as one row sealing its events', async () => {
    const { rows } = (await t.db.execute(
      sql`SELECT entity_id, organisation_id, after FROM audit_log WHERE entity_type = 'epcis_capture'`,
    )) as any;
    expect(rows).toHaveLength(1);
    expect(rows[0].organisation_id).toBe(orgA);
    expect(rows[0].after).toMatchObject({ events: 3 });
    expect(rows[0].after.root).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].after.leafPrefixes).toHaveLength(24);
  });

  it('no proof before a checkpoint covers the record: 404 in words', async () => {
    const res = await t.app.inject({ url: `/api/proofs/records/${approvalId}` });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().title).toMatch(/Chưa có bằng chứng/);
  });

  it('only the department’s administrator signs a checkpoint on demand; another organisation cannot', async () => {
    const asOrg = await t.app.inject({
      method: 'POST',
      url: '/api/proofs/checkpoints',
      headers: t.as({ role: 'org_owner', organisationIds: [orgB] }),
    });
    expect(asOrg.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/proofs/checkpoints' });
    expect(anonymous.statusCode).toBe(401);
    const made = await t.app.inject({ method: 'POST', url: '/api/proofs/checkpoints', headers: admin() });
    expect(made.statusCode).toBe(201);
    expect(made.json().statement).toMatchObject({ seq: 1, fromId: 0, type: 'txng-checkpoint' });
    const again = await t.app.inject({ method: 'POST', url: '/api/proofs/checkpoints', headers: admin() });
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toMatch(/Không có bản ghi mới/);
  });

  it('publishes the checkpoints, the public key (JSON and PEM) and an export a third party can keep', async () => {
    const list = await t.app.inject({ url: '/api/proofs/checkpoints' });
    expect(list.json().items).toHaveLength(1);
    const one = await t.app.inject({ url: '/api/proofs/checkpoints/1' });
    expect(one.statusCode).toBe(200);
    const key = await t.app.inject({ url: '/api/proofs/public-key' });
    expect(key.json().current.publicKey).toContain('BEGIN PUBLIC KEY');
    expect(JSON.stringify(key.json())).not.toContain('PRIVATE');
    const pem = await t.app.inject({ url: '/api/proofs/public-key.pem' });
    expect(pem.headers['content-disposition']).toContain('attachment');
    expect(crypto.createPublicKey(pem.body).asymmetricKeyType).toBe('ed25519');
    const exported = await t.app.inject({ url: '/api/proofs/checkpoints/export' });
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.json()).toMatchObject({ type: 'txng-checkpoints', checkpoints: [{ seq: 1 }] });
  });

  it('refuses bad input with a problem document, never a 500', async () => {
    for (const url of [
      '/api/proofs/records/abc',
      '/api/proofs/records/0',
      '/api/proofs/checkpoints/x',
      '/api/proofs/events',
      '/api/proofs/checkpoints?page=0',
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
    expect((await t.app.inject({ url: '/api/proofs/checkpoints/99' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/proofs/events?eventID=urn:uuid:nope' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/proofs/records/999999' })).statusCode).toBe(404);
  });

  it('a record’s proof verifies offline, and tells another organisation nothing personal', async () => {
    const res = await t.app.inject({ url: `/api/proofs/records/${approvalId}` });
    expect(res.statusCode).toBe(200);
    const proof = res.json() as Proof;
    const text = JSON.stringify(proof);
    for (const secret of ['Nguyễn', '0912345678', '3f1d0d3a-6a55-4a8b-9a0e-5d1f9d0b7a11', orgA, 'u-1'])
      expect(text).not.toContain(secret);
    expect(proof.record).toMatchObject({ id: approvalId, action: 'approve', entityType: 'product' });
    const verdict = verifyProof(proof);
    expect(verdict.valid).toBe(true);
    expect(verdict.keyFromCaller).toBe(false);
  });

  it('an event’s proof goes event → capture’s root → record → signed checkpoint', async () => {
    const res = await t.app.inject({ url: `/api/proofs/events?eventID=${encodeURIComponent(eventIds[1])}` });
    expect(res.statusCode).toBe(200);
    const proof = res.json() as Proof;
    expect(proof.event?.eventId).toBe(eventIds[1]);
    expect(proof.record.seal).toBe(proof.event?.captureRoot);
    expect(verifyProof(proof).valid).toBe(true);
  });

  it('an edited proof, a forged signature or another key fail, each named', async () => {
    const proof = (
      await t.app.inject({ url: `/api/proofs/events?eventID=${encodeURIComponent(eventIds[0])}` })
    ).json() as Proof;
    const edited = structuredClone(proof);
    edited.event!.contentHash = edited.event!.contentHash.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    const v1 = verifyProof(edited);
    expect(v1.valid).toBe(false);
    expect(v1.steps.find((s) => !s.ok)?.text).toMatch(/KHÔNG khớp/);
    const moved = structuredClone(proof);
    moved.checkpoint.statementText = moved.checkpoint.statementText.replace('"records":', '"records":1');
    expect(verifyProof(moved).valid).toBe(false);
    const other = crypto
      .generateKeyPairSync('ed25519')
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const v3 = verifyProof(proof, other);
    expect(v3.valid).toBe(false);
    expect(v3.steps.at(-1)?.text).toMatch(/không phải khoá đã cho/);
  });

  it('txng verify <proof.json> --key checks offline; an edited file fails with exit 1', async () => {
    const proof = (await t.app.inject({ url: `/api/proofs/records/${approvalId}` })).json();
    const pem = (await t.app.inject({ url: '/api/proofs/public-key.pem' })).body;
    fs.writeFileSync(path.join(tmp, 'proof.json'), JSON.stringify(proof));
    fs.writeFileSync(path.join(tmp, 'key.pem'), pem);
    const out: string[] = [];
    const sink = { write: (s: string) => out.push(s) } as unknown as NodeJS.WritableStream;
    const noDb = () => {
      throw new Error('no database needed');
    };
    expect(
      await runVerifyCommand([path.join(tmp, 'proof.json'), '--key', path.join(tmp, 'key.pem')], noDb, sink),
    ).toBe(0);
    expect(out.join('')).toContain('Bằng chứng hợp lệ');
    proof.record.at = '2020-01-01T00:00:00.000Z';
    fs.writeFileSync(path.join(tmp, 'bad.json'), JSON.stringify(proof));
    out.length = 0;
    expect(
      await runVerifyCommand([path.join(tmp, 'bad.json'), '--key', path.join(tmp, 'key.pem')], noDb, sink),
    ).toBe(1);
    expect(out.join('')).toContain(`bản ghi số ${approvalId}`);
    expect(out.join('')).toContain('Dấu băm của bản ghi KHÔNG khớp');
    expect(await runVerifyCommand([], noDb, sink)).toBe(2);
  });

  describe('the whole chain against the database', () => {
    it('holds as written', async () => {
      const report = await verifyChain(t.db);
      expect(report).toMatchObject({ valid: true, checkpoints: 1, events: 3 });
    });

    it('names an audit row edited directly in the database', async () => {
      await t.db.execute(
        sql`UPDATE audit_log SET after = '{"reviewStatus":"rejected"}' WHERE id = ${approvalId}`,
      );
      try {
        const report = await verifyChain(t.db);
        expect(report.valid).toBe(false);
        expect(report.broken).toMatchObject({ kind: 'record', recordId: approvalId });
        expect(report.broken!.text).toContain(`bản ghi số ${approvalId}`);
        expect(report.broken!.text).toMatch(/đã bị sửa sau khi ghi/);
      } finally {
        await t.db.execute(
          sql`UPDATE audit_log SET after = '{"reviewStatus":"approved","phone":"0912345678"}' WHERE id = ${approvalId}`,
        );
      }
      expect((await verifyChain(t.db)).valid).toBe(true);
    });

    it('names a stored event edited directly in the database', async () => {
      await t.db.execute(
        sql`UPDATE epcis_events SET document = jsonb_set(document, '{bizStep}', '"receiving"') WHERE event_id = ${eventIds[2]}`,
      );
      try {
        const report = await verifyChain(t.db);
        expect(report.valid).toBe(false);
        expect(report.broken).toMatchObject({ kind: 'event', eventId: eventIds[2] });
        expect(report.broken!.text).toContain(`Sự kiện ${eventIds[2]}`);
      } finally {
        await t.db.execute(
          sql`UPDATE epcis_events SET document = jsonb_set(document, '{bizStep}', '"shipping"') WHERE event_id = ${eventIds[2]}`,
        );
      }
      // a column the queries read, not only the document
      await t.db.execute(sql`UPDATE epcis_events SET biz_location = 'x' WHERE event_id = ${eventIds[0]}`);
      try {
        expect((await verifyChain(t.db)).broken).toMatchObject({ kind: 'event', eventId: eventIds[0] });
      } finally {
        await t.db.execute(sql`UPDATE epcis_events SET biz_location = NULL WHERE event_id = ${eventIds[0]}`);
      }
      expect((await verifyChain(t.db)).valid).toBe(true);
    });

    it('names the records removed after a checkpoint, and a checkpoint edited', async () => {
      await recordAudit(t.db, { actor: null, action: 'update', entityType: 'product', entityId: 'p-2' });
      const second = await makeCheckpoint(t.db, { province: 'Đồng Nai', keyFile: null, trigger: 'cli' });
      expect(second?.seq).toBe(2);
      const saved = ((await t.db.execute(sql`SELECT * FROM audit_log WHERE id = ${second!.toId}`)) as any)
        .rows[0];
      await t.db.execute(sql`DELETE FROM audit_log WHERE id = ${second!.toId}`);
      try {
        const report = await verifyChain(t.db);
        expect(report.broken?.kind).toBe('checkpoint');
        expect(report.broken?.text).toMatch(/đã bị xoá/);
      } finally {
        await t.db.execute(sql`INSERT INTO audit_log (id, at, actor_id, actor_kind, actor_role, actor_name, organisation_id,
          action, entity_type, entity_id, before, after, subject_label, actor_organisation, prev_hash, hash)
          VALUES (${saved.id}, ${saved.at}, ${saved.actor_id}, ${saved.actor_kind}, ${saved.actor_role}, ${saved.actor_name},
          ${saved.organisation_id}, ${saved.action}, ${saved.entity_type}, ${saved.entity_id}, ${saved.before}, ${saved.after},
          ${saved.subject_label}, ${saved.actor_organisation}, ${saved.prev_hash}, ${saved.hash})`);
      }
      expect((await verifyChain(t.db)).valid).toBe(true);
      await t.db.execute(sql`UPDATE checkpoints SET root = ${'0'.repeat(64)} WHERE seq = 1`);
      const report = await verifyChain(t.db);
      expect(report.broken).toMatchObject({ kind: 'checkpoint' });
      expect(report.broken?.text).toMatch(/điểm mốc số 1/);
      forgetProofCache();
    });
  });
});

describe('record leaf', () => {
  it('is the leaf of the canonical JSON of its fields (written in key order for speed)', async () => {
    const { canonicalJson, leafHash, recordLeaf } = await import('../audit/index.ts');
    const f = {
      id: 7,
      at: '2026-12-06T00:00:00.000Z',
      action: 'approve',
      entityType: 'product',
      entityRef: 'a'.repeat(64),
      hash: 'b'.repeat(64),
      seal: null,
    };
    expect(recordLeaf(f)).toBe(leafHash(canonicalJson({ kind: 'record', ...f })));
  });
});

describe('the hashes, written for speed, give the bytes they always gave', () => {
  /** canonicalJson as first written (decision 013). */
  function firstCanonical(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
    if (Array.isArray(value)) return `[${value.map(firstCanonical).join(',')}]`;
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${firstCanonical(v)}`).join(',')}}`;
  }

  it('canonicalJson, chainHash and leafHash', async () => {
    const { canonicalJson, chainHash, leafHash } = await import('../audit/index.ts');
    const values = [
      null,
      'x',
      1.5,
      [1, { b: 2, a: [null, 'é', { Z: 1, a: undefined, _: 0 }] }],
      { ß: 1, Ä: 2, a: { '10': 1, '9': 2, x: [] }, u: undefined, t: true },
    ];
    for (const v of values) expect(canonicalJson(v)).toBe(firstCanonical(v));
    const row = {
      at: new Date('2026-12-06T01:02:03.004Z'),
      actorId: 'u',
      actorKind: 'user',
      actorRole: 'org_owner',
      actorName: 'Lê Thị Hoa',
      organisationId: null,
      action: 'update',
      entityType: 'lot',
      entityId: 'l-1',
      before: { q: 1 },
      after: { q: 2, note: 'sầu riêng' },
    };
    const body = firstCanonical({ ...row, at: row.at.toISOString() });
    expect(chainHash('p'.repeat(64), row)).toBe(
      crypto.createHash('sha256').update('p'.repeat(64)).update('\n').update(body).digest('hex'),
    );
    expect(leafHash('dữ liệu')).toBe(
      crypto
        .createHash('sha256')
        .update(Buffer.from([0]))
        .update('dữ liệu')
        .digest('hex'),
    );
  });
});

describe('the province’s key from a file (TXNG_CHECKPOINT_KEY_FILE)', () => {
  it('is checked at start and signs the checkpoints; a file that is no Ed25519 key stops the program', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-key-'));
    try {
      const pair = crypto.generateKeyPairSync('ed25519');
      const file = path.join(dir, 'province.pem');
      fs.writeFileSync(file, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
      const notKey = path.join(dir, 'notes.txt');
      fs.writeFileSync(notKey, 'not a key');
      expect(loadConfig({ TXNG_CHECKPOINT_KEY_FILE: file }).checkpointKeyFile).toBe(file);
      expect(() => loadConfig({ TXNG_CHECKPOINT_KEY_FILE: notKey })).toThrow(/TXNG_CHECKPOINT_KEY_FILE/);
      expect(() => loadConfig({ TXNG_CHECKPOINT_KEY_FILE: path.join(dir, 'missing.pem') })).toThrow(
        /TXNG_CHECKPOINT_KEY_FILE/,
      );
      const t = await createTestApp();
      try {
        await recordAudit(t.db, { actor: null, action: 'update', entityType: 'product', entityId: 'k-1' });
        const made = await makeCheckpoint(t.db, { province: 'Đồng Nai', keyFile: file, trigger: 'cli' });
        expect(made?.keyId).toBe(keyIdOf(pair.publicKey));
      } finally {
        await t.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
