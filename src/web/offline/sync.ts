import { ApiError, api } from '../api/client.ts';
import { uploadFile } from '../api/files.ts';
import { queryClient } from '../api/query-client.ts';
import { meQuery } from '../api/session.ts';
import { listOutbox, type OutboxItem, onOutboxChange, putOutbox, removeOutbox } from './outbox.ts';

/**
 * Sends what the outbox holds, oldest first, each entry once (decision 061): its photos first (each photo's file id
 * is kept as soon as it is uploaded, so a photo is never uploaded twice), then the entry with its own id, which the
 * server records once however many times it arrives. A refusal (4xx) marks the entry as a conflict, with the
 * server's words, for the person to fix or discard; no network, or a server error, stops the round and leaves
 * the rest waiting for the next one.
 */

export interface SyncStatus {
  online: boolean;
  /** entries waiting to be sent, for the signed-in person */
  waiting: number;
  conflicts: OutboxItem[];
  pending: OutboxItem[];
  syncing: boolean;
  /** entries sent by the last round that sent any */
  synced: number;
  /** the session ended: entries wait until the person signs in again */
  signedOut: boolean;
}

const paths: Record<OutboxItem['kind'], string> = { diary: '/api/diary', stage: '/api/stages' };

let status: SyncStatus = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  waiting: 0,
  conflicts: [],
  pending: [],
  syncing: false,
  synced: 0,
  signedOut: false,
};
const listeners = new Set<() => void>();
const set = (next: Partial<SyncStatus>) => {
  status = { ...status, ...next };
  for (const listener of listeners) listener();
};

export const getSyncStatus = () => status;
export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentUser = () =>
  (queryClient.getQueryData(meQuery.queryKey) as { id: string } | null | undefined)?.id;

/** Reads the outbox again: the counts the page shows. */
export async function refreshOutbox() {
  const user = currentUser();
  const mine = (await listOutbox()).filter((item) => !user || item.userId === user);
  set({
    waiting: mine.filter((i) => i.state === 'waiting').length,
    pending: mine.filter((i) => i.state === 'waiting'),
    conflicts: mine.filter((i) => i.state === 'conflict'),
  });
}

/** A refusal the person must act on; anything else (no network, a server error, a lost session) is tried again later. */
const isConflict = (error: unknown) =>
  error instanceof ApiError &&
  error.status >= 400 &&
  error.status < 500 &&
  ![401, 408, 429].includes(error.status);

let round: Promise<void> | null = null;

/** One round of sending; a round already under way is joined, not doubled. */
export function syncOutbox(): Promise<void> {
  round ??= sendAll().finally(() => {
    round = null;
  });
  return round;
}

async function sendAll() {
  if (!navigator.onLine) return void set({ online: false });
  const items = (await listOutbox()).filter((i) => i.state === 'waiting');
  if (!items.length) return void (await refreshOutbox());
  set({ syncing: true, online: true });
  let sent = 0;
  try {
    // a fresh session and CSRF token: the page may have been opened offline, from what the phone kept
    const me = await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    if (!me) return void set({ signedOut: true });
    set({ signedOut: false });
    for (const item of items) {
      if (item.userId !== me.id) continue;
      try {
        await send(item);
        await removeOutbox(item.id);
        sent++;
      } catch (error) {
        if (!isConflict(error)) throw error;
        await putOutbox({ ...item, state: 'conflict', problem: (error as ApiError).problem });
      }
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) set({ signedOut: true });
    // no network or a server error: the rest waits for the next round
  } finally {
    set({ syncing: false, ...(sent ? { synced: sent } : {}) });
    await refreshOutbox();
    if (sent)
      await queryClient.invalidateQueries({
        predicate: (q) =>
          typeof q.queryKey[0] === 'string' &&
          ['/api/diary', '/api/stock', '/api/lots', '/api/shipments'].some((p) =>
            (q.queryKey[0] as string).startsWith(p),
          ),
      });
  }
}

async function send(item: OutboxItem) {
  const photos = [...item.photos];
  for (const [i, photo] of photos.entries()) {
    if (photo.fileId) continue;
    const stored = await uploadFile(
      new File([photo.blob], photo.name, { type: photo.type }),
      item.organisationId,
    );
    photos[i] = { ...photo, fileId: stored.id };
    await putOutbox({ ...item, photos });
  }
  const uploaded = photos.map((p) => p.fileId as string);
  const body =
    item.kind === 'diary'
      ? { ...item.body, photoFileIds: [...((item.body.photoFileIds as string[]) ?? []), ...uploaded] }
      : item.body;
  await api('POST', paths[item.kind], { body });
}

/** Puts an entry in the outbox and tries to send at once when the phone is online. */
export async function enqueue(item: OutboxItem) {
  await putOutbox(item);
  await refreshOutbox();
  if (navigator.onLine) void syncOutbox();
}

let started = false;
/** Follows the network: sends when it returns, and keeps the counts up to date. Called by the offline pages. */
export function startSync() {
  if (started) return;
  started = true;
  window.addEventListener('online', () => {
    set({ online: true });
    void syncOutbox();
  });
  window.addEventListener('offline', () => set({ online: false }));
  onOutboxChange(() => void refreshOutbox());
  void refreshOutbox().then(() => syncOutbox());
  // a signal that comes and goes without the browser noticing: try again each minute while something waits
  setInterval(() => {
    if (status.waiting && navigator.onLine && !status.syncing) void syncOutbox();
  }, 60_000);
}
