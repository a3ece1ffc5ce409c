/**
 * A short-lived in-process cache for published master data on the resolver's hot path (products, lots,
 * organisations, journeys). Scans never go through it: stamp state and scan counts are read fresh every time.
 * With several processes each keeps its own copy, so a change shows everywhere within the TTL
 * (TXNG_RESOLVER_CACHE_SECONDS, default 10; 0 turns it off).
 */
const entries = new Map<string, { until: number; value: Promise<unknown> }>();
const maxEntries = 20_000;

let ttl = 10_000;

/** Set once at start from the configuration (buildApp). */
export function configureResolverCache(seconds: number) {
  ttl = seconds > 0 ? seconds * 1000 : 0;
}

export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!ttl) return load();
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const value = load();
  // a failed load is not kept
  value.catch(() => entries.delete(key));
  if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
  entries.set(key, { until: now + ttl, value });
  return value;
}

/** Tests that change published data between two requests clear the cache. */
export function clearResolverCache() {
  entries.clear();
}
