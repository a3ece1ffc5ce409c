import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackupCommand } from './backup.ts';
import { loadConfig } from './config.ts';
import { type Database, openDatabase } from './db.ts';

const collect = () => {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => {
    text += chunk;
  });
  return { stream, text: () => text };
};

async function run(command: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const out = collect();
  const err = collect();
  const code = await runBackupCommand(command, args, loadConfig(env), out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

const probeRows = async (database: Database) => {
  const result = await database.db.execute(
    sql`select record_id from sync_records where kind = 'backup-probe' order by record_id`,
  );
  return (result as unknown as { rows: { record_id: string }[] }).rows.map((r) => r.record_id);
};

describe('txng backup and txng restore (embedded database)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-backup-'));
  const dataDir = path.join(root, 'data');
  const file = path.join(root, 'txng.tar.gz');
  const env = { TXNG_DATA_DIR: dataDir };
  let database: Database | null = null;

  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: null, dataDir });
    for (const id of ['a', 'b', 'c'])
      await database.db.execute(
        sql`insert into sync_records (kind, record_id, version, payload) values ('backup-probe', ${id}, 1, '{}')`,
      );
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses a data folder a running program holds', async () => {
    const res = await run('backup', [file], env);
    expect(res.code).toBe(1);
    expect(res.err).toContain(`is in use by process ${process.pid}`);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('backs up a stopped data folder and checks the file by opening it', async () => {
    await database?.close();
    database = null;
    const res = await run('backup', [file], env);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^Backed up .* opened it again: \d+ migrations, \d+ tables\.\n$/);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    // the lock is given back
    expect(fs.existsSync(path.join(dataDir, '.txng.lock'))).toBe(false);
  });

  it('restores into an empty folder, and the program opens it with its rows', async () => {
    const fresh = path.join(root, 'fresh');
    const res = await run('restore', [file], { TXNG_DATA_DIR: fresh });
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^Restored .* opened it: \d+ migrations/);
    const restored = await openDatabase({ databaseUrl: null, dataDir: fresh });
    try {
      expect(await probeRows(restored)).toEqual(['a', 'b', 'c']);
    } finally {
      await restored.close();
    }
  });

  it('refuses a folder that is not empty unless --force, which moves it aside', async () => {
    const refused = await run('restore', [file], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('is not empty (it holds a database)');
    expect(refused.err).toContain('--force');
    const forced = await run('restore', [file, '--force'], env);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('Moved the data folder in place aside to');
    const aside = fs.readdirSync(root).filter((name) => name.startsWith('data.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(fs.existsSync(path.join(root, aside[0], 'PG_VERSION'))).toBe(true);
    const restored = await openDatabase({ databaseUrl: null, dataDir });
    try {
      expect(await probeRows(restored)).toEqual(['a', 'b', 'c']);
    } finally {
      await restored.close();
    }
  });

  it('says what is wrong with a missing folder, a missing file, or a file that is no backup', async () => {
    expect((await run('backup', [file], { TXNG_DATA_DIR: path.join(root, 'none') })).err).toContain(
      'There is no embedded database in',
    );
    expect((await run('restore', [path.join(root, 'nothing.tar.gz')], env)).err).toContain(
      'There is no backup file',
    );
    const junk = path.join(root, 'junk.tar.gz');
    fs.writeFileSync(junk, 'not a backup');
    await expect(run('restore', [junk], { TXNG_DATA_DIR: path.join(root, 'junk-target') })).rejects.toThrow();
    expect((await run('backup', [], env)).code).toBe(2);
  });

  it('on PostgreSQL, points to pg_dump and pg_restore (exit 2), from the command line too', async () => {
    const res = await run('backup', [file], { DATABASE_URL: 'postgres://db.example/txng' });
    expect(res.code).toBe(2);
    expect(res.err).toContain('pg_dump --format=custom');
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('TXNG_') && name !== 'DATABASE_URL'),
    );
    const cli = spawnSync(process.execPath, ['bin/txng.js', 'restore', 'x.dump'], {
      env: { ...env, DATABASE_URL: 'postgres://db.example/txng' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('pg_restore --no-owner');
  });
});
