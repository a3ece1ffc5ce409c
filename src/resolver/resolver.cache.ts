/**
 * The resolver's in-process memory (docs/decisions/055-resolver-at-scale.md). Two kinds of entries:
 *
 * - published master data (products, lots, organisations, journeys, page fragments): kept up to the TTL
 *   (TXNG_RESOLVER_CACHE_SECONDS, default 10; 0 turns the cache off), and dropped at once when a change is announced;
 * - live state (a stamp's state, a lot's status: `live` entries): kept only while this process hears the
 *   announcements (`LISTEN txng_resolver`, resolver.invalidation.ts). Without a listener, or while its connection is
 *   down, they are read fresh from the database every time ("cold").
 *
 * A load that started before an announcement is returned to its caller but not kept (the generation counter), so
 * a read racing a change never stores the old state after the change's announcement.
 */
const entries = new Map<string, { until: number; value: Promise<unknown> }>();
const maxEntries = 50_000;

let ttl = 10_000;
/** Bumped by every invalidation. */
let generation = 0;
/** Whether announcements reach this process now (live entries are kept only then). */
let listening = false;
/** When this process last heard of a change, or started or stopped hearing (Date.now()). */
let lastChange = 0;
/** How long after a change published data is read from the primary: a replica may not have replayed it yet. */
const replicaGraceMs = 5_000;

/**
 * Where a load of published data reads (DATABASE_READ_URL, docs/operations.md "Read replica"): the replica, except
 * within a few seconds of an announced change (a streaming replica is usually under a second behind; what the
 * change dropped from memory must not come back from a replica that has not replayed it) and whenever
 * announcements do not reach this process (nothing would say what changed). Live state never reads from it.
 */
export function readsFrom<T>(primary: T, replica: T): T {
  return replica !== primary && listening && Date.now() - lastChange > replicaGraceMs ? replica : primary;
}

/** Set once at start from the configuration (buildApp). */
export function configureResolverCache(seconds: number) {
  ttl = seconds > 0 ? seconds * 1000 : 0;
}

function remember<T>(key: string, load: () => Promise<T>, keep: boolean): Promise<T> {
  if (!keep) return load();
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const started = generation;
  const value = load();
  // a failed load is not kept; one overtaken by an invalidation neither
  value.then(
    () => {
      if (generation !== started && entries.get(key)?.value === value) entries.delete(key);
    },
    () => {
      if (entries.get(key)?.value === value) entries.delete(key);
    },
  );
  if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
  entries.set(key, { until: now + ttl, value });
  return value;
}

/** Published master data: up to the TTL, dropped early by announcements. */
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  return remember(key, load, ttl > 0);
}

/** Live state (a stamp, a lot's status): kept only while announcements reach this process. */
export function cachedLive<T>(key: string, load: () => Promise<T>): Promise<T> {
  return remember(key, load, ttl > 0 && listening);
}

/**
 * Drops what an announcement names: `stamp:<gtin>` every stamp of the GTIN, `lot:<gtin>:<lot>` that lot,
 * `product:<gtin>`, `organisation:<id>`; anything else (`*`, a publication change) everything.
 */
export function invalidateResolverCache(payload: string) {
  generation++;
  lastChange = Date.now();
  const [kind, ...rest] = payload.split(':');
  const exact = rest.join(':');
  if (kind === 'stamp' && exact) {
    const prefix = `stamp:${exact}:`;
    for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    return;
  }
  if ((kind === 'lot' || kind === 'product' || kind === 'organisation') && exact) {
    // a lot's or product's change also shows in the journeys and fragments built from it: those go too
    for (const key of entries.keys()) if (!key.startsWith('stamp:')) entries.delete(key);
    return;
  }
  entries.clear();
}

/** The listener's state: while not listening, live entries are neither served nor kept. */
export function setResolverCacheListening(on: boolean) {
  generation++;
  lastChange = Date.now();
  listening = on;
  // entering or leaving: what is held may have missed announcements
  entries.clear();
}

export function resolverCacheListening() {
  return listening;
}

const clearListeners = new Set<() => void>();

/** The listener passes a "forget everything" on to the other processes (resolver.invalidation.ts). */
export function onResolverCacheCleared(listener: () => void): () => void {
  clearListeners.add(listener);
  return () => clearListeners.delete(listener);
}

/**
 * Forgets everything held, in this process and (while listening) in the others: tests that change published data
 * between two requests, an inspector's withdrawal or its lifting once committed.
 */
export function clearResolverCache() {
  generation++;
  lastChange = Date.now();
  entries.clear();
  for (const listener of clearListeners) listener();
}
