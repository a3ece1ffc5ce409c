import { afterEach, describe, expect, it, vi } from 'vitest';
import { dashboardQuery, filtersFromAddress, withQuery } from './early.ts';
import { periodOf } from './pages/dashboard/period.ts';

/** Runs early.ts afresh as the browser would, at `address`, the API answering /api/auth/me with `me`. */
async function openAt(address: string, me: object | null, language?: string) {
  const url = new URL(address, 'http://txng.test');
  const classes = new Set<string>();
  const asked: { url: string; headers: Record<string, string> }[] = [];
  vi.stubGlobal('window', { location: { pathname: url.pathname, search: url.search } });
  const preloaded: string[] = [];
  vi.stubGlobal('document', {
    documentElement: { classList: { add: (c: string) => classes.add(c) } },
    // the build lists the dashboard's chunks on the script's tag
    querySelector: () => ({
      dataset: { dashboard: '/app/assets/DashboardPage-1.js /app/assets/Select-2.js' },
    }),
    createElement: () => ({}),
    head: { append: (link: { rel: string; href: string }) => preloaded.push(`${link.rel} ${link.href}`) },
  });
  vi.stubGlobal('localStorage', { getItem: () => language ?? null });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (u: string, init: { headers: Record<string, string> }) => {
      asked.push({ url: u, headers: init.headers });
      if (u === '/api/auth/me')
        return me
          ? new Response(JSON.stringify(me), { headers: { 'content-type': 'application/json' } })
          : new Response('{}', { status: 401 });
      return new Response('{"figures":{}}', { headers: { 'content-type': 'application/json' } });
    }),
  );
  vi.resetModules();
  const early = await import('./early.ts');
  await new Promise((r) => setTimeout(r, 10));
  return { early, asked, classes, preloaded };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the back office’s first script', () => {
  const admin = { role: 'dost_admin', mustChangePassword: false };

  it('asks for the person and, on the dashboard, for the figures the page will ask for — each taken once', async () => {
    const { early, asked, preloaded } = await openAt('/app/?from=2025-01&to=2025-12&commune=26734', admin);
    expect(preloaded).toEqual([
      'modulepreload /app/assets/DashboardPage-1.js',
      'modulepreload /app/assets/Select-2.js',
    ]);
    const figures = '/api/dashboard?commune=26734&from=2025-01&to=2025-12';
    expect(asked.map((a) => a.url)).toEqual(['/api/auth/me', figures]);
    expect(asked[0]!.headers).toEqual({ 'accept-language': 'vi', accept: 'application/json' });
    // the page's own address for them, from its filters (ProvinceDashboard)
    const filters = filtersFromAddress('?from=2025-01&to=2025-12&commune=26734');
    expect(withQuery('/api/dashboard', dashboardQuery(filters, periodOf(filters)))).toBe(figures);
    expect(await early.takeEarly(figures)).toBeInstanceOf(Response);
    expect(early.takeEarly(figures)).toBeUndefined();
    expect(early.takeEarly('/api/auth/me')).toBeDefined();
  });

  it('asks for this year’s figures when the address names no period, in the language chosen', async () => {
    const { asked } = await openAt('/app/?sector=agriculture', admin, 'en');
    const filters = filtersFromAddress('?sector=agriculture');
    expect(filters.preset).toBe('year');
    expect(asked[1]).toEqual({
      url: withQuery('/api/dashboard', dashboardQuery(filters, periodOf(filters))),
      headers: { 'accept-language': 'en', accept: 'application/json' },
    });
  });

  it('asks for the figures beside the person, not after: on the dashboard only, whoever opens it', async () => {
    for (const [address, me] of [
      ['/app/', { role: 'org_owner', mustChangePassword: false }],
      ['/app/', null],
      ['/app/organisations', admin],
      ['/app/lots/42', null],
    ] as const) {
      const { asked, preloaded } = await openAt(address, me);
      const dashboard = address === '/app/';
      expect(preloaded.length, address).toBe(dashboard ? 2 : 0);
      expect(
        asked.map((a) => a.url.replace(/\?.*/, '')),
        `${address} ${JSON.stringify(me)}`,
      ).toEqual(dashboard ? ['/api/auth/me', '/api/dashboard'] : ['/api/auth/me']);
    }
  });

  it('asks nothing on the pages before signing in, and hides the painted frame of the shell there', async () => {
    const { asked, classes } = await openAt('/app/sign-in?next=%2Fapp%2F', null);
    expect(asked).toEqual([]);
    expect([...classes]).toEqual(['boot-auth']);
  });

  it('drops what it asked once the app sends anything', async () => {
    const { early } = await openAt('/app/organisations', admin);
    early.dropEarly();
    expect(early.takeEarly('/api/auth/me')).toBeUndefined();
  });
});
