import type { ProblemDocument } from '../api/client.ts';

/**
 * What was written on the phone and waits to be sent (decision 061): kept in IndexedDB, so a reload, a closed tab
 * or a phone restarted in the field loses nothing. Plain IndexedDB: one database, one store, a few calls.
 */

export type OutboxKind = 'diary' | 'stage';

/** A photo taken offline: the picture itself until it is uploaded, then the file's id (so it is never sent twice). */
export interface OutboxPhoto {
  name: string;
  type: string;
  blob: Blob;
  fileId?: string;
}

export interface OutboxItem {
  /** the id the phone chose: the entry's (or stage's) id on the server */
  id: string;
  kind: OutboxKind;
  /** who wrote it: sent only while the same person is signed in */
  userId: string;
  /** the organisation it is recorded for, when the person acts for several (photos are uploaded for it too) */
  organisationId?: string;
  /** the request's body, with `id`; photos already on the server are in its photoFileIds */
  body: Record<string, unknown>;
  photos: OutboxPhoto[];
  /** the page's own form values, when the request's body cannot be read back into the form (the stage forms) */
  form?: unknown;
  /** how the lists name it: "Bón phân · 06/12/2026" */
  label: string;
  createdAt: string;
  /** waiting to be sent; or refused by the server, with its reason, until fixed or discarded */
  state: 'waiting' | 'conflict';
  problem?: ProblemDocument;
}

const DB = 'txng-offline';
const STORE = 'outbox';
let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opened = null;
      reject(request.error);
    };
  });
  return opened;
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

const listeners = new Set<() => void>();
/** Called whenever the outbox changes, in this tab. */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => {
  for (const listener of listeners) listener();
};

/** Everything in the outbox, oldest first (entries are sent in the order they were written). */
export async function listOutbox(): Promise<OutboxItem[]> {
  const items = await run<OutboxItem[]>('readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>);
  return items.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

export async function putOutbox(item: OutboxItem): Promise<void> {
  await run('readwrite', (s) => s.put(item));
  changed();
}

export async function removeOutbox(id: string): Promise<void> {
  await run('readwrite', (s) => s.delete(id));
  changed();
}
