import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded database (PGlite) is used. */
  databaseUrl: string | null;
  /** Folder of the embedded database; `null` keeps it in memory (tests). */
  dataDir: string | null;
  /** Public base of the resolver, printed in every QR code, without a trailing slash. */
  baseUrl: string;
  provinceName: string;
  /** Seed the realistic demo province on an empty database. */
  demo: boolean;
  /**
   * Which proxies may set X-Forwarded-For (Fastify's trustProxy: false, true, a hop count or addresses/CIDRs).
   * Off by default: a client could otherwise pick its own address and slip past rate limits.
   */
  trustProxy: boolean | number | string;
  /** `province` (default) or `hub`. */
  mode: 'province' | 'hub';
  logLevel: string;
  /**
   * The map tile server the back office was built with (VITE_TILE_URL, read by Vite at build time and by the
   * server for its Content-Security-Policy), or null when maps draw on a plain background.
   */
  tileUrl: string | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const baseUrl = (env.TXNG_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(baseUrl);
  } catch {
    throw new Error(`TXNG_BASE_URL must be an absolute URL, got "${env.TXNG_BASE_URL}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.TXNG_DATA_DIR ?? './data'),
    baseUrl,
    provinceName: env.TXNG_PROVINCE ?? 'Đồng Nai',
    // the demo province (with published demo passwords) only where nobody mistakes it for production: by default
    // on the embedded database, never on PostgreSQL unless asked for with TXNG_DEMO=1
    demo: env.TXNG_DEMO ? env.TXNG_DEMO !== '0' : !env.DATABASE_URL,
    trustProxy: parseTrustProxy(env.TXNG_TRUST_PROXY),
    mode: env.TXNG_MODE === 'hub' ? 'hub' : 'province',
    logLevel: env.LOG_LEVEL ?? 'info',
    tileUrl: env.VITE_TILE_URL || null,
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // addresses or CIDRs, comma-separated
}
