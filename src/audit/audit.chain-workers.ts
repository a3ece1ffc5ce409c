import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ChainPageResult, checkChainPage } from './audit.chain-page.ts';

/**
 * Worker threads that hash pages of the chain (`checkChainPage`) while the caller reads the next ones. With no
 * worker (`size` 0, or one that fails to start) the pages are hashed on the caller's thread: the same results.
 */
export class ChainHashers {
  private workers: { worker: Worker; busy: number }[] = [];
  private waiting = new Map<number, { resolve: (r: ChainPageResult) => void; reject: (e: Error) => void }>();
  private seq = 0;

  /** As many workers as the machine has cores, at most 4 (one of them is mostly reading). */
  static defaultSize = () => Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));

  static async open(size = ChainHashers.defaultSize()): Promise<ChainHashers> {
    const hashers = new ChainHashers();
    const started = await Promise.allSettled(Array.from({ length: size }, () => hashers.start()));
    if (started.some((s) => s.status === 'rejected')) {
      await hashers.close();
      return new ChainHashers();
    }
    return hashers;
  }

  get size() {
    return this.workers.length;
  }

  private start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./audit.chain-worker.mjs', import.meta.url));
      const slot = { worker, busy: 0 };
      worker.on('message', (m: { ready?: true; id?: number; result?: ChainPageResult; error?: string }) => {
        if (m.ready) {
          this.workers.push(slot);
          resolve();
          return;
        }
        const waiting = this.waiting.get(m.id!);
        if (!waiting) return;
        this.waiting.delete(m.id!);
        slot.busy--;
        if (m.error) waiting.reject(new Error(m.error));
        else waiting.resolve(m.result!);
      });
      worker.on('error', (err) => {
        reject(err);
        for (const w of this.waiting.values()) w.reject(err);
        this.waiting.clear();
      });
    });
  }

  check(text: string): Promise<ChainPageResult> {
    if (!this.workers.length) {
      try {
        return Promise.resolve(checkChainPage(text));
      } catch (err) {
        return Promise.reject(err);
      }
    }
    let slot = this.workers[0];
    for (const w of this.workers) if (w.busy < slot.busy) slot = w;
    slot.busy++;
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, text });
    });
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}
