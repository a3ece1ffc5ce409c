/**
 * The dashboard's first paint in a real browser (issue 13 §3: "the dashboard's first paint under 1 s on that data").
 * A fresh PostgreSQL database filled by ./province-data.ts (20,000 organisations, 100,000 products, 1,000,000 events,
 * 10,000,000 scans at scale 1) and a department administrator; the real program (`bin/txng.js start`, production
 * settings, its built back office) on a free port; Chromium signed in as the administrator opens the dashboard
 * afresh N times: navigation start → first contentful paint, → the shell (account menu) and → the figure cards
 * painted with their numbers. Beside it, in the same run: the same browser opening a bare route (/healthz) and a
 * page of the back office with no data to speak of (the API keys page), and GET /api/dashboard and /healthz from
 * node. Each timing twice: a new tab of the signed-in browser (its cache warm: a returning user) and a new browser
 * context holding only the session (nothing cached). PostgreSQL only:
 *   TXNG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/dashboard-paint.bench.ts
 * TXNG_BENCH_SCALE (default 1), TXNG_BENCH_RUNS (default 10), TXNG_BENCH_BUILD=1 builds the back office even when
 * it looks current, TXNG_BENCH_SHOT names the screenshot of the dashboard (default test-results/screenshots/; a
 * second one, `…-first.png`, is taken as soon as the page's first contentful paint is seen).
 * TXNG_BENCH_KEEP=name keeps the generated data in the database `name` and uses it again when it is there (the
 * data take minutes to generate at scale 1; a new administrator is made on each run).
 * TXNG_BENCH_PROGRAMS=before=/tmp/a,after=/tmp/b compares programs side by side on the same data: each folder holds
 * a copy of the program (bin/, src/ with its built back office src/web/dist, node_modules); each is started and
 * the runs alternate between them, so that a moment of load touches both alike. Without it: this folder's program
 * (its back office built when older than its sources).
 * The automatic checks are off in the server (TXNG_CHECKS_INTERVAL_MINUTES=0): their first run, a minute after
 * start, would read the same tables in the middle of the timings.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { BrowserContext, Cookie } from 'playwright-core';
import { buildBackOfficeNow } from '../journeys/build.ts';
import { launchBrowser, newContext } from '../journeys/support.ts';
import { createUser } from '../src/accounts/index.ts';
import { openDatabase } from '../src/platform/index.ts';
import { administrativeUnits } from '../src/registry/index.ts';
import { adminQuery } from '../src/test/template-database.ts';
import { freePort } from '../src/test/txng-process.ts';
import words from '../src/web/pages/dashboard/words.vi.json' with { type: 'json' };
import { generateProvince, placeInCommunes, provinceSize } from './province-data.ts';

const adminUrl = process.env.TXNG_BENCH_DATABASE_URL;
if (!adminUrl) {
  console.error(
    'Set TXNG_BENCH_DATABASE_URL to a PostgreSQL admin URL (this bench runs on PostgreSQL only).',
  );
  process.exit(1);
}
const scale = Number(process.env.TXNG_BENCH_SCALE ?? 1);
const runs = Number(process.env.TXNG_BENCH_RUNS ?? 10);
const shotFile = path.resolve(process.env.TXNG_BENCH_SHOT ?? 'test-results/screenshots/dashboard-paint.png');
// the generator spreads everything over `year - 1` and `year`: last year's data is all in the past
const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear() - 1;
const size = provinceSize(scale);
const email = `quantri-${crypto.randomBytes(4).toString('hex')}@bench.txng.vn`;
const password = `Sxq7-${crypto.randomBytes(9).toString('base64url')}`;

/** What the page watches for: the figure cards (skeletons until the answer comes) and the shell's account menu. */
const figures = `section[aria-label="${words.provinceDashboard.figures}"] .mantine-Card-root`;
const shell = '[data-testid="account-menu"]';

const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
};
const line = (label: string, xs: (number | undefined)[]) => {
  const got = xs.filter((x): x is number => x !== undefined);
  if (got.length < xs.length)
    console.log(`  ${label}: missing in ${xs.length - got.length} of ${xs.length} runs`);
  if (!got.length) return;
  const { median, p95 } = stats(got);
  console.log(`  ${label}: median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (n=${got.length})`);
};

/** The back office as the program serves it: built again when missing or older than any of its sources. */
function ensureBackOffice() {
  const index = path.resolve('src/web/dist/index.html');
  const newest = (dir: string): number =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.name !== 'dist' && e.name !== 'node_modules')
      .reduce((m, e) => {
        const p = path.join(dir, e.name);
        return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
      }, 0);
  const stale = !fs.existsSync(index) || fs.statSync(index).mtimeMs < newest(path.resolve('src/web'));
  if (!stale && process.env.TXNG_BENCH_BUILD !== '1') return console.log('Back office: built and current');
  const t0 = performance.now();
  buildBackOfficeNow();
  console.log(`Back office built: ${seconds(t0)}`);
}

async function startProgram(
  databaseUrl: string,
  cwd: string,
): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-paint-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/txng.js', 'start'], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      TXNG_DEMO: '0',
      TXNG_STAMP_KEY: crypto.randomBytes(32).toString('hex'),
      TXNG_SCAN_SALT: crypto.randomBytes(32).toString('hex'),
      TXNG_CHECKS_INTERVAL_MINUTES: '0',
      TXNG_DATA_DIR: dataDir,
      TXNG_BASE_URL: baseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the program exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGTERM'); // not left running behind the bench
      throw new Error(`the program in ${cwd} did not answer /healthz in 120 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Installed in every page before its own scripts: the first contentful paint, and for each watched selector the
 * moment its text was painted (Element Timing: the matching elements and everything inside them get an
 * `elementtiming` attribute as soon as they are in the document, before the frame that paints them) and, as a check,
 * the frame after it first matched (a rAF, then a task). All in ms since the navigation started (performance.now()'s
 * origin). A string, not a function: tsx would wrap a function's inner functions in a helper (`__name`) the page does
 * not have.
 */
const watchPaint = (watched: Record<string, string>) => `(() => {
  const watched = ${JSON.stringify(watched)};
  const marks = {};
  window.__paint = marks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') marks.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.renderTime > 0) marks[e.identifier] = Math.min(marks[e.identifier] ?? Infinity, e.renderTime);
  }).observe({ type: 'element', buffered: true });
  const check = () => {
    for (const [name, selector] of Object.entries(watched)) {
      if (marks[name + '.dom'] !== undefined) continue;
      const found = document.querySelectorAll(selector);
      if (!found.length) continue;
      marks[name + '.dom'] = performance.now();
      for (const el of found)
        for (const e of [el, ...el.querySelectorAll('*')]) e.setAttribute('elementtiming', name);
      requestAnimationFrame(() => setTimeout(() => { marks[name + '.frame'] = performance.now(); }, 0));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  check();
})();`;

/** Run in the page once it is painted: its marks and network milestones (a string, as `watchPaint`). */
const milestones = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const last = (test, key) => res.filter(test).reduce((m, r) => Math.max(m ?? 0, r[key]), undefined);
  return {
    ...window.__paint,
    html: nav?.responseEnd,
    dcl: nav?.domContentLoadedEventEnd,
    scripts: last((r) => r.name.endsWith('.js'), 'responseEnd'),
    'me.asked': last((r) => r.name.includes('/api/auth/me'), 'startTime'),
    me: last((r) => r.name.includes('/api/auth/me'), 'responseEnd'),
    'api.asked': last((r) => r.name.includes('/api/dashboard'), 'startTime'),
    api: last((r) => r.name.includes('/api/dashboard'), 'responseEnd'),
  };
})()`;

type Marks = Record<string, number | undefined>;

/** Opens `url` in a new tab of `context`, waits for every watched mark, returns them and closes the tab. */
async function open(context: BrowserContext, url: string, wait: string[], shot?: string): Promise<Marks> {
  const page = await context.newPage();
  const names = wait.flatMap((n) => (n === 'fcp' ? [n] : [n, `${n}.frame`]));
  try {
    await page.goto(url, { waitUntil: 'commit' });
    if (shot) {
      // what the first contentful paint shows (taken as soon as it is seen: a frame or two after it)
      await page.waitForFunction(
        () => (window as unknown as { __paint?: Marks }).__paint?.fcp !== undefined,
        null,
        {
          polling: 'raf',
        },
      );
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot.replace(/\.png$/, '-first.png') });
    }
    await page
      .waitForFunction(
        (names) => {
          const m = (window as unknown as { __paint?: Marks }).__paint;
          return !!m && names.every((n) => m[n] !== undefined);
        },
        names,
        { timeout: 60_000, polling: 50 },
      )
      .catch(async (e) => {
        const seen = await page.evaluate(() => (window as unknown as { __paint?: Marks }).__paint);
        const text = ((await page.locator('body').textContent()) ?? '').slice(0, 500);
        throw new Error(
          `${url}: waiting for ${names.join(', ')}, got ${JSON.stringify(seen)}; the page shows: ${text}`,
          {
            cause: e,
          },
        );
      });
    // where the time went: the page's own network milestones (resource timing), each the last of its kind
    const marks = (await page.evaluate(milestones)) as Marks;
    if (shot) {
      await page.waitForLoadState('networkidle');
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot, fullPage: true });
    }
    return marks;
  } finally {
    await page.close();
  }
}

async function timeFetch(url: string, cookie: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= n; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    if (i > 0) times.push(performance.now() - t0); // the first is a warm-up
  }
  return times;
}

const keep = process.env.TXNG_BENCH_KEEP;
if (keep && !/^[a-z_][a-z0-9_]*$/.test(keep))
  throw new Error('TXNG_BENCH_KEEP: a database name in lower case');
const name = keep ?? `txng_bench_paint_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${name}`;
const cleanup: (() => Promise<unknown>)[] = [];
/** The programs to time: `label=folder` pairs, or this folder's program alone (label ''). */
const programs = (process.env.TXNG_BENCH_PROGRAMS ?? '')
  .split(',')
  .filter(Boolean)
  .map((pair) => {
    const [label, dir] = pair.split('=');
    if (!label || !dir || !fs.existsSync(path.join(dir, 'src/web/dist/index.html')))
      throw new Error(`TXNG_BENCH_PROGRAMS: ${pair} is not label=folder with a built back office`);
    return { label, dir: path.resolve(dir) };
  });

/** Whether the kept database holds the generated data already (PostgreSQL's catalogue, then the organisations). */
async function generatedBefore(): Promise<boolean> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) return false;
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ connectionString: dbUrl.toString() });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM organisations');
    return rows[0].n === size.organisations;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

try {
  if (!programs.length) {
    ensureBackOffice();
    programs.push({ label: '', dir: process.cwd() });
  }
  const reuse = keep ? await generatedBefore() : false;
  if (!reuse) {
    if (keep) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  }
  if (!keep) cleanup.unshift(() => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const database = await openDatabase({ databaseUrl: dbUrl.toString(), dataDir: null });
  try {
    if (reuse) console.log(`The data generated before, kept in ${name}`);
    else {
      const t0 = performance.now();
      console.log(
        `Generating ${size.organisations} organisations, ${size.products} products, ${size.events} events, ${size.scans} scans over ${year - 1}–${year} …`,
      );
      await generateProvince(database.db, size, year);
      await placeInCommunes(
        database.db,
        administrativeUnits().units.map((u) => u.code),
      );
      console.log(`  generated in ${seconds(t0)}`);
    }
    await createUser(
      database.db,
      { email, name: 'Quản trị Sở KH&CN (bench)', role: 'dost_admin', password },
      null,
      { demo: false },
    );
  } finally {
    await database.close();
  }

  const servers: { label: string; baseUrl: string }[] = [];
  for (const { label, dir } of programs) {
    const program = await startProgram(dbUrl.toString(), dir);
    cleanup.unshift(() => program.stop());
    servers.push({ label, baseUrl: program.baseUrl });
    if (label) console.log(`Program ${label}: ${dir} at ${program.baseUrl}`);
  }
  const baseUrl = servers[0]!.baseUrl;
  const browser = await launchBrowser();
  cleanup.unshift(() => browser.close());
  const signedIn = await newContext(browser, 'desktop');
  const page = await signedIn.newPage();
  await page.goto(`${baseUrl}/app/sign-in`);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator(shell).waitFor();
  await page.close();
  // one session for every program: the same database, and a cookie of 127.0.0.1 goes to each of its ports
  const cookies: Cookie[] = await signedIn.cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  await signedIn.addInitScript(watchPaint({ figures, shell }));

  const period = `from=${year}-01&to=${year}-12`;
  const apiOf = (base: string) => `${base}/api/dashboard?${period}`;
  const dashboardOf = (base: string) => `${base}/app/?${period}`;
  // the first answer after installation rolls up every scan so far by month (once): the server is warm after it
  for (const { baseUrl } of servers) {
    const t0 = performance.now();
    const first = await fetch(apiOf(baseUrl), { headers: { cookie } });
    if (!first.ok)
      throw new Error(`${apiOf(baseUrl)}: ${first.status} ${(await first.text()).slice(0, 300)}`);
    const answer = (await first.json()) as { figures: { organisations: { registered: number } } };
    console.log(
      `  first GET /api/dashboard (rolls up the scans by month when new): ${seconds(t0)}; organisations ${answer.figures.organisations.registered}`,
    );
  }

  // warm-up of the browser and a look at what it shows: screenshots of the dashboard, at its first paint and done
  for (const { label, baseUrl } of servers) {
    const shot = label ? shotFile.replace(/\.png$/, `-${label}.png`) : shotFile;
    const cold = await newContext(browser, 'desktop');
    await cold.addCookies(cookies);
    await cold.addInitScript(watchPaint({ figures, shell }));
    await open(cold, dashboardOf(baseUrl), ['fcp', 'figures'], shot);
    await cold.close();
    console.log(`  screenshots: ${path.relative(process.cwd(), shot.replace(/\.png$/, '-first.png'))}, …`);
    await open(signedIn, dashboardOf(baseUrl), ['fcp', 'figures']);
    await open(signedIn, `${baseUrl}/healthz`, ['fcp']);
    await open(signedIn, `${baseUrl}/app/api-keys`, ['fcp', 'shell']);
  }

  /** A context holding only the session: nothing cached, as the first visit of the day after a deploy. */
  const coldContext = async () => {
    const context = await newContext(browser, 'desktop');
    await context.addCookies(cookies);
    await context.addInitScript(watchPaint({ figures, shell }));
    return context;
  };
  const results: Record<string, Marks[]> = {};
  const record = (key: string, m: Marks) => {
    results[key] = [...(results[key] ?? []), m];
  };
  const loads: number[] = [os.loadavg()[0]];
  // interleaved, so that a moment of load on the machine touches every kind of page (and every program) alike
  for (let i = 0; i < runs; i++) {
    for (const { label, baseUrl } of i % 2 ? [...servers].reverse() : servers) {
      const key = (what: string) => `${label} ${what}`;
      record(key('dashboard warm'), await open(signedIn, dashboardOf(baseUrl), ['fcp', 'shell', 'figures']));
      record(key('api-keys warm'), await open(signedIn, `${baseUrl}/app/api-keys`, ['fcp', 'shell']));
      record(key('healthz warm'), await open(signedIn, `${baseUrl}/healthz`, ['fcp']));
      const cold = await coldContext();
      record(key('dashboard cold'), await open(cold, dashboardOf(baseUrl), ['fcp', 'shell', 'figures']));
      await cold.close();
      const coldShell = await coldContext();
      record(key('api-keys cold'), await open(coldShell, `${baseUrl}/app/api-keys`, ['fcp', 'shell']));
      await coldShell.close();
    }
    loads.push(os.loadavg()[0]);
  }
  const nodeApi = await timeFetch(apiOf(baseUrl), cookie, runs);
  const nodeHealthz = await timeFetch(`${baseUrl}/healthz`, cookie, runs);

  console.log(
    `Chromium ${browser.version()}, 1366 × 900, ${runs} runs each; ms since navigation start (load average, 1 min, before and after each round: ${loads.map((x) => x.toFixed(1)).join(', ')}):`,
  );
  for (const { label } of servers) {
    if (label) console.log(`Program ${label}:`);
    for (const cache of ['warm', 'cold']) {
      const d = results[`${label} dashboard ${cache}`]!;
      const k = results[`${label} api-keys ${cache}`]!;
      console.log(
        ` ${cache === 'warm' ? 'a new tab of the signed-in browser (cache warm)' : 'a new context with the session only (nothing cached)'}:`,
      );
      line(
        `dashboard /app/?${period}: first contentful paint`,
        d.map((m) => m.fcp),
      );
      line(
        'dashboard: shell (account menu) painted',
        d.map((m) => m.shell),
      );
      line(
        'dashboard: figure cards painted with numbers',
        d.map((m) => m.figures),
      );
      line(
        'dashboard: the frame after the figure cards came (check)',
        d.map((m) => m['figures.frame']),
      );
      console.log(
        `  dashboard, each run: figures painted ${d.map((m) => m.figures?.toFixed(0)).join(', ')} ms; /api/dashboard waited ${d.map((m) => (m.api !== undefined && m['api.asked'] !== undefined ? (m.api - m['api.asked']).toFixed(0) : '?')).join(', ')} ms`,
      );
      for (const [key, label] of [
        ['html', 'HTML received'],
        ['scripts', 'the last script received'],
        ['dcl', 'DOMContentLoaded'],
        ['me.asked', '/api/auth/me asked'],
        ['me', '/api/auth/me answered'],
        ['api.asked', '/api/dashboard asked'],
        ['api', '/api/dashboard answered'],
      ])
        line(
          `  dashboard, on the way: ${label}`,
          d.map((m) => m[key!]),
        );
      line(
        'baseline /app/api-keys: first contentful paint',
        k.map((m) => m.fcp),
      );
      line(
        'baseline /app/api-keys: shell painted',
        k.map((m) => m.shell),
      );
    }
    line(
      'baseline /healthz in the browser: first contentful paint',
      results[`${label} healthz warm`]!.map((m) => m.fcp),
    );
  }
  console.log(' from node (fetch, HTTP keep-alive, the session cookie):');
  line(`GET /api/dashboard?${period}`, nodeApi);
  line('GET /healthz', nodeHealthz);
  console.log(
    `Load average at the end: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
} finally {
  for (const step of cleanup) await step().catch((e) => console.error(`cleanup: ${e}`));
}
