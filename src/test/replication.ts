import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './txng-process.ts';

/**
 * Two PostgreSQL servers in streaming replication, made by the test that needs them (the read replica of issue 15):
 * `initdb` a primary, `pg_basebackup -R` a hot standby from it, both on free ports in a temporary folder. The
 * servers run as the `postgres` user (initdb refuses root). Needs the PostgreSQL binaries (`initdb`,
 * `pg_basebackup`, `pg_ctl`); `replicationBinaries()` says where they are, or null.
 */
export interface ReplicatedPair {
  primaryUrl: string;
  standbyUrl: string;
  /** Stops replaying on the standby (it keeps receiving WAL): what it serves stays as it is, a lag on demand. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Waits until the standby has replayed everything the primary had written when this was called. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function replicationBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  for (const version of fs.readdirSync(root).sort().reverse()) {
    const bin = path.join(root, version, 'bin');
    if (['initdb', 'pg_basebackup', 'pg_ctl'].every((b) => fs.existsSync(path.join(bin, b)))) return bin;
  }
  return null;
}

export async function startReplicatedPair(bin: string): Promise<ReplicatedPair> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-replica-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', folder]);
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, tool), args, { stdio: 'pipe' });
  const primaryDir = path.join(folder, 'primary');
  const standbyDir = path.join(folder, 'standby');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const settings = (port: number) =>
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${folder}'`,
      'wal_level = replica',
      'max_wal_senders = 4',
      'hot_standby = on',
      // a test's servers: speed over durability (commits still write their WAL, which is what the standby gets)
      'fsync = off',
      'full_page_writes = off',
      'shared_buffers = 32MB',
    ].join('\n');
  const started: string[] = [];
  const stop = async () => {
    for (const dir of started.reverse())
      try {
        run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
      } catch {}
    fs.rmSync(folder, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    fs.appendFileSync(path.join(primaryDir, 'postgresql.conf'), `\n${settings(primaryPort)}\n`);
    run('pg_ctl', ['-D', primaryDir, '-l', path.join(folder, 'primary.log'), '-w', 'start']);
    started.push(primaryDir);
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      standbyDir,
      '-R',
      '-X',
      'stream',
    ]);
    fs.appendFileSync(path.join(standbyDir, 'postgresql.conf'), `\n${settings(standbyPort)}\n`);
    run('pg_ctl', ['-D', standbyDir, '-l', path.join(folder, 'standby.log'), '-w', 'start']);
    started.push(standbyDir);
  } catch (err) {
    await stop();
    throw err;
  }
  const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;
  const query = async (port: number, sql: string) => {
    const client = new pg.Client({ connectionString: url(port) });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    primaryUrl: url(primaryPort),
    standbyUrl: url(standbyPort),
    pauseReplay: async () => void (await query(standbyPort, 'SELECT pg_wal_replay_pause()')),
    resumeReplay: async () => void (await query(standbyPort, 'SELECT pg_wal_replay_resume()')),
    caughtUp: async (timeoutMs = 10_000) => {
      const [{ lsn }] = await query(primaryPort, 'SELECT pg_current_wal_insert_lsn()::text AS lsn');
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [{ done }] = await query(
          standbyPort,
          `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`,
        );
        if (done) return;
        if (Date.now() > deadline) throw new Error('the standby did not catch up');
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop,
  };
}
