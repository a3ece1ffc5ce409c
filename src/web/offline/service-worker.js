// The back office's service worker (decision 061), served at /app/sw.js with the scope /app/. The build writes
// the two placeholders: the list of files the offline pages need (the shell, the diary and stage forms) and a
// version that changes with it. It never delays a page online: navigations use the answer the browser asked
// for while the worker started (navigation preload), and only when that fails is the kept shell used.
const VERSION = '__TXNG_VERSION__';
const PRECACHE = __TXNG_PRECACHE__;
const SHELL = `txng-shell-${VERSION}`;
/** Answers of the API read while online, kept to be read offline; emptied when someone signs in or out. */
const DATA = 'txng-data-v1';
/**
 * How long a read of the offline forms' lists (places, products, stock, the organisations to pick from) waits for
 * the network before a kept answer is used: a weak signal in the field. Every other read waits for the network as
 * long as the browser does, and uses a kept answer only when the network fails, so a slow server never shows old data.
 */
const PATIENCE_MS = 6000;
const PATIENT = /^\/api\/(locations|products|stock|organisations\/directory)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      // the shell's HTML under one key, whatever address the app is opened at
      await cache.addAll(PRECACHE);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('txng-shell-') && name !== SHELL) await caches.delete(name);
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      await self.clients.claim();
    })(),
  );
});

const offlineProblem = () =>
  new Response(
    JSON.stringify({
      type: '/problems/offline',
      title: 'Không có mạng: thông tin này chưa được lưu trên máy',
      status: 503,
    }),
    { status: 503, headers: { 'content-type': 'application/problem+json; charset=utf-8' } },
  );

/** Keeps a copy of an answer without making the page wait for the cache to be written. */
function keep(event, cacheName, key, answer) {
  event.waitUntil(caches.open(cacheName).then((cache) => cache.put(key, answer)));
}

async function shellPage(event) {
  try {
    const answer = (await event.preloadResponse) || (await fetch(event.request));
    if (answer.ok) keep(event, SHELL, '/app/', answer.clone());
    return answer;
  } catch {
    return (await caches.match('/app/', { cacheName: SHELL })) || Response.error();
  }
}

async function asset(event) {
  const kept = await caches.match(event.request);
  if (kept) return kept;
  const answer = await fetch(event.request);
  // hashed files never change: kept for offline use once seen
  if (answer.ok) keep(event, SHELL, event.request, answer.clone());
  return answer;
}

/** Only JSON is kept: downloads (spreadsheets, PDFs, labels) are not what an offline form reads. */
const isJson = (answer) => /json/.test(answer.headers.get('content-type') || '');

async function apiRead(event) {
  const { request } = event;
  const network = fetch(request).then((answer) => {
    if (answer.ok && isJson(answer)) keep(event, DATA, request, answer.clone());
    return answer;
  });
  network.catch(() => undefined); // a late failure after a kept answer was used: nothing to report
  const patient = PATIENT.test(new URL(request.url).pathname);
  const timeout = new Promise((resolve) => patient && setTimeout(() => resolve(null), PATIENCE_MS));
  try {
    const answer = await Promise.race([network, timeout]);
    if (answer) return answer;
    return (await caches.match(request, { cacheName: DATA })) || (await network);
  } catch {
    return (await caches.match(request, { cacheName: DATA })) || offlineProblem();
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') {
    // another person may sign in on this phone: what the last one read is not theirs to read offline
    if (/^\/api\/auth\/sign-(in|out)/.test(url.pathname)) event.waitUntil(caches.delete(DATA));
    return;
  }
  if (request.mode === 'navigate' && url.pathname.startsWith('/app')) event.respondWith(shellPage(event));
  else if (url.pathname.startsWith('/app/assets/')) event.respondWith(asset(event));
  else if (url.pathname.startsWith('/api/') && !url.pathname.startsWith('/api/files'))
    event.respondWith(apiRead(event));
});
