import { queryClient } from '../api/query-client.ts';

/**
 * Installs the back office's service worker (decision 061) once the page has loaded and the browser is idle: it
 * never competes with the first paint. Then, whenever someone is signed in and the worker controls the page, what
 * the offline forms read is asked once (./warm.ts), so the worker keeps it; and entries written offline on an
 * earlier visit are sent as soon as the app runs online (the sending code is a chunk of its own, loaded only then).
 */
function whenIdle(work: () => void) {
  const idle = (window as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void })
    .requestIdleCallback;
  if (idle) idle(work, { timeout: 5000 });
  else setTimeout(work, 1000);
}

interface Person {
  id: string;
  role: string;
  organisationIds: string[];
}

let warmedFor: string | null = null;
function warm(me: Person | null | undefined) {
  if (!me || warmedFor === me.id || !navigator.onLine || !navigator.serviceWorker.controller) return;
  warmedFor = me.id;
  void import('./warm.ts').then((m) => m.warmOfflineData(me));
}

export function registerOffline() {
  if (typeof window === 'undefined' || !('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const start = () =>
    whenIdle(() => {
      navigator.serviceWorker
        .register('/app/sw.js', { scope: '/app/' })
        .then(() => navigator.serviceWorker.ready)
        // on the first visit the worker takes the page over a moment after it is ready
        .then(() =>
          navigator.serviceWorker.controller
            ? undefined
            : new Promise((taken) =>
                navigator.serviceWorker.addEventListener('controllerchange', taken, { once: true }),
              ),
        )
        .then(() => {
          warm(queryClient.getQueryData<Person | null>(['me']));
          // and whoever signs in later on this page
          queryClient.getQueryCache().subscribe((event) => {
            if (event.type === 'updated' && event.query.queryKey[0] === 'me')
              warm(event.query.state.data as Person | null);
          });
        })
        .catch(() => undefined);
      // anything waiting from an earlier visit is sent
      if (navigator.onLine) void import('./sync.ts').then((m) => m.startSync());
    });
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
