import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { demoApiKey } from '../demo/index.ts';
import { openDatabase } from '../platform/index.ts';
import { epcisDocument, freePort } from '../test/index.ts';

/**
 * The program killed with SIGKILL in the middle of captures, on the embedded database: every capture answered 202
 * is there whole after a restart, no document is half-stored, and sending everything again stores each event once.
 */
const documents = 40;
const eventsPerDocument = 25;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-crash-'));
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const eventId = (doc: number, n: number) =>
  `urn:uuid:c4a5e000-0000-4000-8000-${String(doc * 1000 + n).padStart(12, '0')}`;
const document = (doc: number) =>
  epcisDocument(
    Array.from({ length: eventsPerDocument }, (_, n) => ({
      type: 'ObjectEvent',
      eventID: eventId(doc, n),
      eventTime: '2026-06-20T08:00:00+07:00',
      eventTimeZoneOffset: '+07:00',
      // a GTIN no organisation of the demo province holds: anyone approved may speak of it
      epcList: [`https://id.gs1.org/01/09506000134352/21/crash-${doc}-${n}`],
      action: 'OBSERVE',
      bizStep: 'inspecting',
    })),
  );

async function start(): Promise<string> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['bin/txng.js', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TXNG_DATA_DIR: dataDir,
      TXNG_DEMO: '1',
      TXNG_BASE_URL: baseUrl,
      LOG_LEVEL: 'error',
    },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the program exited with ${child.exitCode}`);
    if (
      await fetch(`${baseUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return baseUrl;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the program did not become healthy in 90 s');
}

async function capture(baseUrl: string, organisationId: string, doc: number) {
  const res = await fetch(`${baseUrl}/epcis/capture`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${demoApiKey}`,
      'x-organisation-id': organisationId,
      'content-type': 'application/ld+json',
    },
    body: JSON.stringify(document(doc)),
  });
  return res.status;
}

async function storedPerDocument(): Promise<number[]> {
  const database = await openDatabase({ databaseUrl: null, dataDir });
  try {
    const result = (await database.db.execute(
      sql`SELECT event_id AS id, count(*)::int AS n FROM epcis_events WHERE event_id LIKE 'urn:uuid:c4a5e000-%' GROUP BY event_id`,
    )) as unknown as { rows: { id: string; n: number }[] };
    const counts = new Map(result.rows.map((r) => [r.id, r.n]));
    expect([...counts.values()].every((n) => n === 1)).toBe(true); // never twice
    return Array.from({ length: documents }, (_, doc) =>
      Array.from({ length: eventsPerDocument }, (_, n) => counts.get(eventId(doc, n)) ?? 0).reduce(
        (a, b) => a + b,
      ),
    );
  } finally {
    await database.close();
  }
}

describe('SIGKILL during capture', () => {
  it('loses no acknowledged capture, half-stores none, and duplicates nothing after a restart', async () => {
    let baseUrl = await start();
    const me = await fetch(`${baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${demoApiKey}` } });
    const organisationId = ((await me.json()) as { organisationIds: string[] }).organisationIds[0];

    const acknowledged = new Set<number>();
    let next = 0;
    const sender = async () => {
      while (next < documents) {
        const doc = next++;
        const status = await capture(baseUrl, organisationId, doc).catch(() => 0);
        if (status === 202) acknowledged.add(doc);
        if (acknowledged.size === 8) child!.kill('SIGKILL'); // with the other sender's capture in flight
      }
    };
    await Promise.all([sender(), sender()]);
    await new Promise((r) =>
      child!.exitCode !== null || child!.signalCode ? r(null) : child!.once('exit', r),
    );
    expect(acknowledged.size).toBeGreaterThanOrEqual(8);
    expect(acknowledged.size).toBeLessThan(documents);

    const afterCrash = await storedPerDocument();
    for (const doc of acknowledged) expect(afterCrash[doc], `document ${doc}`).toBe(eventsPerDocument);
    for (const stored of afterCrash) expect([0, eventsPerDocument]).toContain(stored);

    baseUrl = await start();
    for (let doc = 0; doc < documents; doc++) expect(await capture(baseUrl, organisationId, doc)).toBe(202);
    child!.kill('SIGTERM');
    await new Promise((r) => (child!.exitCode !== null ? r(null) : child!.once('exit', r)));
    expect(await storedPerDocument()).toEqual(Array(documents).fill(eventsPerDocument));
  }, 240_000);
});
