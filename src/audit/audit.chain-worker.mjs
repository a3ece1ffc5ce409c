// A worker thread of the whole-chain check (audit.chain-workers.ts): hashes the pages it is sent. Plain JavaScript so
// that it starts the same under tsx, vitest and `node bin/txng.js`; the sources load as bin/txng.js loads them.
import { parentPort } from 'node:worker_threads';

if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { checkChainPage } = await import('./audit.chain-page.ts');

parentPort.on('message', ({ id, text }) => {
  try {
    parentPort.postMessage({ id, result: checkChainPage(text) });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err?.stack ?? err) });
  }
});
parentPort.postMessage({ ready: true });
