import type { Filters } from './pages/dashboard/period.ts';

/**
 * The back office's first script: a few hundred bytes, its own chunk, loaded `async` at the top of index.html
 * (src/web/vite.config.ts puts it there), so it runs while the app's own scripts are still on their way. It asks
 * for the signed-in person and, when the address is the dashboard, for the figures the dashboard will show
 * (decision 056). The app's first GET of the same URL takes that answer
 * instead of asking again (api/client.ts), and handles it as its own: a 401 leads to the sign-in page, an error is
 * shown. Nothing is asked on the pages before signing in.
 *
 * It must import nothing at run time (types only): whatever it imported would become a chunk of its own, loaded
 * before it could ask. The app imports from it instead (the same module, run once).
 */

/** This month in Vietnam (UTC+7 all year), `YYYY-MM`. */
export const thisMonth = (now = Date.now()) => new Date(now + 7 * 3_600_000).toISOString().slice(0, 7);

type Query = Record<string, string | number | boolean | undefined | null>;

/** `path?a=1&b=2`, leaving out what is empty: the one way the app writes an API address. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The dashboard's filters start from the page's address (`?commune=…&sector=…&from=…&to=…`), so a link can open them. */
export function filtersFromAddress(search: string, now = Date.now()): Filters {
  const q = new URLSearchParams(search);
  const from = q.get('from');
  const to = q.get('to');
  const month = /^\d{4}-\d{2}$/;
  const custom = !!(from && to && month.test(from) && month.test(to));
  return {
    sector: q.get('sector'),
    commune: q.get('commune'),
    preset: custom ? 'custom' : 'year',
    from: custom ? from! : `${thisMonth(now).slice(0, 4)}-01`,
    to: custom ? to! : thisMonth(now),
  };
}

/** What GET /api/dashboard is asked for these filters over that period. */
export const dashboardQuery = (f: Filters, period: { from: string; to: string }) => ({
  sector: f.sector ?? undefined,
  commune: f.commune ?? undefined,
  from: period.from,
  to: period.to,
});

const early = new Map<string, Promise<Response>>();

/** The answer to a GET asked before the app ran, given once; undefined when it was not asked (or is dropped). */
export function takeEarly(url: string): Promise<Response> | undefined {
  const answer = early.get(url);
  early.delete(url);
  return answer;
}

/** Anything the app sends (signing in or out, a form) makes the answers asked early out of date: dropped. */
export function dropEarly() {
  early.clear();
}

function ask(url: string, language: string): Promise<Response> {
  const answer = fetch(url, {
    headers: { 'accept-language': language, accept: 'application/json' },
    credentials: 'same-origin',
  });
  answer.catch(() => undefined); // not taken: no unhandled rejection; taken: the app sees the failure
  early.set(url, answer);
  return answer;
}

/** Paths of the back office (under /app) shown before signing in: the shell, and so /api/auth/me, is not theirs. */
const beforeSigningIn = /^\/(?:sign-in|register|forgot-password|reset-password)\/?$/;

function start() {
  const path = window.location.pathname.replace(/^\/app(?=\/|$)/, '') || '/';
  if (beforeSigningIn.test(path)) {
    // the painted frame in index.html is the signed-in shell's: not shown on these pages
    document.documentElement.classList.add('boot-auth');
    return;
  }
  // as the app chooses its language (i18n/index.ts): the answers are worded in it
  const language = localStorage.getItem('txng.language') === 'en' ? 'en' : 'vi';
  ask('/api/auth/me', language);
  if (path !== '/') return;
  // The figures, without waiting for /api/auth/me: its answer could be read only once the app's scripts have run
  // (they hold the page's one thread). Whoever may not read them gets 401 or 403 before any work is done.
  const filters = filtersFromAddress(window.location.search);
  ask(withQuery('/api/dashboard', dashboardQuery(filters, filters)), language);
  // the dashboard's own chunks, fetched beside the app's scripts rather than after them (listed by the build)
  const chunks = document.querySelector<HTMLElement>('script[data-dashboard]')?.dataset.dashboard;
  for (const href of chunks?.split(' ').filter(Boolean) ?? []) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.append(link);
  }
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') start();
