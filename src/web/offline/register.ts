/**
 * Installs the back office's service worker (decision 061) once the page has loaded and the browser is idle: it
 * never competes with the first paint. Entries written offline on an earlier visit are sent as soon as the app
 * runs online, whatever page it opens on (the sending code is a chunk of its own, loaded only then).
 */
function whenIdle(work: () => void) {
  const idle = (window as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void })
    .requestIdleCallback;
  if (idle) idle(work, { timeout: 5000 });
  else setTimeout(work, 1000);
}

export function registerOffline() {
  if (typeof window === 'undefined' || !('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const start = () =>
    whenIdle(() => {
      navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
      // anything waiting from an earlier visit: only a look at the outbox, and the sending code if it holds any
      if (navigator.onLine) void import('./sync.ts').then((m) => m.startSync());
    });
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
