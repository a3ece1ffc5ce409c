import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * How scans are counted and judged (docs/resolver.md, "Suspicious scans"). Defaults suit a product bought and
 * scanned by one household; the department tunes them per province through the environment (TXNG_SCAN_*).
 */
export interface ScanThresholds {
  /** The window the note and the travel check look at. */
  windowHours: number;
  /** More counted scans than this in the window earns the neutral "scanned many times" note. */
  busyScans: number;
  /** More distinct networks than this in the window earns the same note. */
  busyNetworks: number;
  /** A network's scan of a stamp counts once per this many minutes. */
  repeatMinutes: number;
  /** One network's counted scans across all stamps, per `networkCapHours`. */
  networkCap: number;
  networkCapHours: number;
  /** Impossible travel: further apart than this … */
  travelKm: number;
  /** … and faster than this between the two scans. */
  travelKmh: number;
  /** A place within this distance of where the lot was made or shipped is where the stamp is expected. */
  nearKm: number;
}

/** Runtime configuration, read once from the environment (the variables are listed in `envSchema` below). */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded database (PGlite) is used. */
  databaseUrl: string | null;
  /** A streaming replica of DATABASE_URL for public reads (DATABASE_READ_URL); null: everything on DATABASE_URL. */
  databaseReadUrl: string | null;
  /** Most connections the PostgreSQL pool opens. */
  dbPool: number;
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
  /** NODE_ENV=production: the server secrets below must be set. */
  production: boolean;
  /** Keys the hashes of anti-counterfeit stamp secrets; null outside production (a development key is used). */
  stampKey: string | null;
  /** Keys scan network hashes and scan-location tokens; null outside production (see stamps.secret.ts). */
  scanSalt: string | null;
  /** The province's communes and wards; null for the file shipped in config/. */
  adminUnitsFile: string | null;
  /** The communes' boundaries as GeoJSON, keyed by the units' codes; null for the file shipped in config/. */
  communeBoundariesFile: string | null;
  /** How long the resolver keeps published master data in memory; 0 turns the cache off. */
  resolverCacheSeconds: number;
  /** Serve the consumer page at the Digital Link itself instead of redirecting (decision 021). */
  resolverServePage: boolean;
  /** The MQTT broker sensor readings come from (decision 059); null: no MQTT ingestion. */
  mqttUrl: string | null;
  /** The province's Ed25519 signing key for checkpoints, PEM PKCS#8 (decision 057); null: one kept in the database. */
  checkpointKeyFile: string | null;
  /** Requests a minute per client address on the resolver and the public pages. */
  resolverRateLimit: number;
  scan: ScanThresholds;
  /** The first administrator's password for `txng create-admin`; null generates one. */
  adminPassword: string | null;
  /**
   * Where EPCIS webhook subscriptions may send events: URL prefixes (`https://erp.example.vn/`); empty lets any
   * http(s) address through (decision 011 on the risk).
   */
  webhookAllow: string[];
  /** Failed deliveries in a row after which a webhook subscription is parked. */
  webhookMaxAttempts: number;
  /** The first retry's delay in seconds; each further one doubles, up to an hour. */
  webhookRetrySeconds: number;
  mail: MailSettings;
  checks: CheckSettings;
  sync: SyncSettings;
  /** The bearer token that opens /metrics from anywhere; null opens it only to this machine and private networks. */
  metricsToken: string | null;
  /** Seconds a stopping server answers 503 on /readyz, still serving, before it closes (a load balancer's notice). */
  drainSeconds: number;
}

/** Where approved changes go and how hard the outbox tries (issue 14, src/sync, docs/operations.md). */
export interface SyncSettings {
  /** The TXNG hub this province delivers to, without a trailing slash; null sends nothing to a hub. */
  hubUrl: string | null;
  /** This province's node key at the hub. */
  hubKey: string | null;
  /** Tries after which an outbox row is parked as failed, to be retried by hand. */
  maxAttempts: number;
  /** The national portal (docs/sync-national.md); null when TXNG_NATIONAL_URL and its credentials are not all set. */
  national?: { url: string; clientId: string; clientSecret: string } | null;
}

/** The automatic checks of issue 12 (src/checks). */
export interface CheckSettings {
  /** Minutes between scheduled runs inside the server; 0 runs them only on demand. */
  intervalMinutes: number;
  /** Days without events after which a product on a mandatory list is flagged. */
  silentDays: number;
  /** The province's bounding box [west, south, east, north] in degrees: scans outside it are "in another province". */
  provinceBox: [number, number, number, number];
}

/** How the program sends mail (password reset links): an SMTP server, or files when none is configured. */
export interface MailSettings {
  /** nodemailer transport options from TXNG_SMTP_URL or TXNG_SMTP_HOST…; null writes each mail to `outboxDir`. */
  smtp:
    | string
    | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } }
    | null;
  /** The sender, `"TXNG" <no-reply@host>`. */
  from: string;
  /** Where mails go as .eml files when no SMTP server is configured (development, demo, tests). */
  outboxDir: string;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
// names proxy-addr (Fastify's trustProxy) knows for address ranges
const proxyRangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

const isProxyAddress = (entry: string) => {
  if (proxyRangeNames.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const version = net.isIP(address);
  if (!version || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
};

const flag = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const positive = z.coerce.number().positive();
const threshold = (fallback: number) => positive.default(fallback).describe('a number above 0');

/**
 * Every environment variable the server reads, with what it accepts (the description is what a start-up error
 * says it expects). Unset and empty variables take the default.
 */
const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('a port number from 0 to 65535'),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATABASE_READ_URL: z.string().optional(),
  TXNG_DB_POOL: z.coerce.number().int().positive().default(10).describe('a whole number above 0'),
  TXNG_DATA_DIR: z.string().default('./data'),
  TXNG_BASE_URL: z.url().optional().describe('an absolute URL such as https://txng.example.gov.vn'),
  TXNG_PROVINCE: z.string().default('Đồng Nai'),
  TXNG_DEMO: flag.optional().describe('1 or 0 (true or false)'),
  TXNG_TRUST_PROXY: z
    .string()
    .refine((v) => /^(true|false|\d+)$/.test(v) || v.split(',').every((e) => isProxyAddress(e.trim())))
    .optional()
    .describe('true, false, a hop count, or proxy addresses/CIDRs separated by commas'),
  TXNG_MODE: z.enum(['province', 'hub']).default('province').describe('province or hub'),
  LOG_LEVEL: z.enum(logLevels).default('info').describe(logLevels.join(', ')),
  VITE_TILE_URL: z.string().optional(),
  TXNG_STAMP_KEY: z.string().optional(),
  TXNG_SCAN_SALT: z.string().optional(),
  TXNG_ADMIN_UNITS: z.string().optional(),
  TXNG_COMMUNE_BOUNDARIES: z.string().optional(),
  TXNG_RESOLVER_CACHE_SECONDS: z.coerce
    .number()
    .min(0)
    .default(10)
    .describe('a number of seconds, 0 or more (0 turns the cache off)'),
  TXNG_RESOLVER_SERVE_PAGE: flag.default(false).describe('1 or 0 (true or false)'),
  TXNG_RESOLVER_RATE_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(300)
    .describe('a whole number above 0'),
  TXNG_SCAN_WINDOW_HOURS: threshold(72),
  TXNG_SCAN_MAX_SCANS: threshold(30),
  TXNG_SCAN_MAX_NETWORKS: threshold(6),
  TXNG_SCAN_REPEAT_MINUTES: threshold(60),
  TXNG_SCAN_NETWORK_CAP: threshold(30),
  TXNG_SCAN_NETWORK_CAP_HOURS: threshold(24),
  TXNG_SCAN_TRAVEL_KM: threshold(150),
  TXNG_SCAN_TRAVEL_KMH: threshold(200),
  TXNG_SCAN_NEAR_KM: threshold(30),
  TXNG_ADMIN_PASSWORD: z.string().optional(),
  TXNG_CHECKS_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(60)
    .describe('a whole number of minutes, 0 to run the checks only on demand'),
  TXNG_CHECKS_SILENT_DAYS: threshold(30),
  TXNG_PROVINCE_BBOX: z
    .string()
    .default('106.6,10.45,107.65,12.35')
    .refine((v) => {
      const n = v.split(',').map(Number);
      return n.length === 4 && n.every(Number.isFinite) && n[0] < n[2] && n[1] < n[3];
    })
    .describe('west,south,east,north in degrees (west < east, south < north)'),
  TXNG_EPCIS_WEBHOOK_ALLOW: z
    .string()
    .refine((v) => v.split(',').every((e) => /^https?:\/\/[^\s]+$/.test(e.trim())))
    .optional()
    .describe('http(s) URL prefixes separated by commas'),
  TXNG_EPCIS_WEBHOOK_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .positive()
    .default(10)
    .describe('a whole number above 0'),
  TXNG_EPCIS_WEBHOOK_RETRY_SECONDS: threshold(5),
  TXNG_MQTT_URL: z
    .string()
    .regex(/^(mqtts?|wss?):\/\/[^\s]+$/)
    .optional()
    .describe('mqtt://user:password@host:1883, mqtts://host:8883 or ws(s)://host/mqtt'),
  TXNG_CHECKPOINT_KEY_FILE: z
    .string()
    .refine(isEd25519KeyFile)
    .optional()
    .describe('a readable file holding an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519)'),
  TXNG_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/)
    .optional()
    .describe('smtp://user:password@host:587 or smtps://user:password@host:465'),
  TXNG_SMTP_HOST: z.string().optional(),
  TXNG_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587).describe('a port number'),
  TXNG_SMTP_USER: z.string().optional(),
  TXNG_SMTP_PASS: z.string().optional(),
  TXNG_MAIL_FROM: z.string().optional(),
  TXNG_MAIL_DIR: z.string().optional(),
  TXNG_HUB_URL: z.url().optional().describe('an absolute URL such as https://hub.example.gov.vn'),
  TXNG_HUB_KEY: z.string().optional(),
  TXNG_SYNC_MAX_ATTEMPTS: z.coerce.number().int().positive().default(10).describe('a whole number above 0'),
  TXNG_NATIONAL_URL: z.url().optional().describe('an absolute URL such as https://api.portal.example.gov.vn'),
  TXNG_NATIONAL_CLIENT_ID: z.string().optional(),
  TXNG_NATIONAL_CLIENT_SECRET: z.string().optional(),
  TXNG_METRICS_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9._~+/=-]{24,}$/)
    .optional()
    .describe('a token of 24 or more letters, digits or ._~+/=- (openssl rand -hex 32)'),
  TXNG_DRAIN_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(300)
    .default(0)
    .describe('a whole number of seconds from 0 to 300'),
});
// their values are never repeated in a start-up error
const secretNames = new Set<string>(['TXNG_METRICS_TOKEN']);
type EnvName = keyof typeof envSchema.shape;

/** Start-up refuses a bad configuration with one message naming every bad variable. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `The configuration is not valid (see docs/operations.md):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const quoted = (value: string | undefined) => (value === undefined ? 'nothing' : JSON.stringify(value));

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // an empty variable counts as unset, as it did for every setting before the schema
  const given = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]),
  );
  const parsed = envSchema.safeParse(given);
  const problems = parsed.success
    ? []
    : [...new Set(parsed.error.issues.map((issue) => String(issue.path[0]) as EnvName))].map(
        (name) =>
          `${name}: got ${secretNames.has(name) ? `${given[name].length} characters` : quoted(given[name])}, expected ${envSchema.shape[name].description ?? 'a valid value'}`,
      );
  // a key anyone can read in the source would let them forge what it protects: production brings its own
  if (given.NODE_ENV === 'production')
    for (const name of ['TXNG_STAMP_KEY', 'TXNG_SCAN_SALT'])
      if (!given[name])
        problems.push(`${name}: got nothing, expected a secret (required when NODE_ENV=production)`);
  if (given.TXNG_HUB_URL && !given.TXNG_HUB_KEY)
    problems.push(
      'TXNG_HUB_KEY: got nothing, expected the province node key the hub issued (TXNG_HUB_URL is set)',
    );
  if (given.TXNG_NATIONAL_URL)
    for (const name of ['TXNG_NATIONAL_CLIENT_ID', 'TXNG_NATIONAL_CLIENT_SECRET'])
      if (!given[name])
        problems.push(
          `${name}: got nothing, expected the credentials the national portal issued (TXNG_NATIONAL_URL is set)`,
        );
  if (given.DATABASE_READ_URL && !given.DATABASE_URL)
    problems.push(
      'DATABASE_READ_URL: a replica is read beside its primary, expected DATABASE_URL too (the embedded database has no replica)',
    );
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const v = parsed.data;
  const baseUrl = (v.TXNG_BASE_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, '');
  return {
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL ?? null,
    databaseReadUrl: v.DATABASE_READ_URL ?? null,
    dbPool: v.TXNG_DB_POOL,
    dataDir: path.resolve(v.TXNG_DATA_DIR),
    baseUrl,
    provinceName: v.TXNG_PROVINCE,
    // the demo province (with published demo passwords) only where nobody mistakes it for production: by default
    // on the embedded database, never on PostgreSQL unless asked for with TXNG_DEMO=1
    demo: v.TXNG_DEMO ?? !v.DATABASE_URL,
    trustProxy: parseTrustProxy(v.TXNG_TRUST_PROXY),
    mode: v.TXNG_MODE,
    logLevel: v.LOG_LEVEL,
    tileUrl: v.VITE_TILE_URL ?? null,
    production: v.NODE_ENV === 'production',
    stampKey: v.TXNG_STAMP_KEY ?? null,
    scanSalt: v.TXNG_SCAN_SALT ?? null,
    adminUnitsFile: v.TXNG_ADMIN_UNITS ? path.resolve(v.TXNG_ADMIN_UNITS) : null,
    communeBoundariesFile: v.TXNG_COMMUNE_BOUNDARIES ? path.resolve(v.TXNG_COMMUNE_BOUNDARIES) : null,
    resolverCacheSeconds: v.TXNG_RESOLVER_CACHE_SECONDS,
    resolverServePage: v.TXNG_RESOLVER_SERVE_PAGE,
    mqttUrl: v.TXNG_MQTT_URL ?? null,
    checkpointKeyFile: v.TXNG_CHECKPOINT_KEY_FILE ? path.resolve(v.TXNG_CHECKPOINT_KEY_FILE) : null,
    resolverRateLimit: v.TXNG_RESOLVER_RATE_LIMIT,
    scan: {
      windowHours: v.TXNG_SCAN_WINDOW_HOURS,
      busyScans: v.TXNG_SCAN_MAX_SCANS,
      busyNetworks: v.TXNG_SCAN_MAX_NETWORKS,
      repeatMinutes: v.TXNG_SCAN_REPEAT_MINUTES,
      networkCap: v.TXNG_SCAN_NETWORK_CAP,
      networkCapHours: v.TXNG_SCAN_NETWORK_CAP_HOURS,
      travelKm: v.TXNG_SCAN_TRAVEL_KM,
      travelKmh: v.TXNG_SCAN_TRAVEL_KMH,
      nearKm: v.TXNG_SCAN_NEAR_KM,
    },
    adminPassword: v.TXNG_ADMIN_PASSWORD ?? null,
    webhookAllow: v.TXNG_EPCIS_WEBHOOK_ALLOW?.split(',').map((e) => e.trim()) ?? [],
    webhookMaxAttempts: v.TXNG_EPCIS_WEBHOOK_MAX_ATTEMPTS,
    webhookRetrySeconds: v.TXNG_EPCIS_WEBHOOK_RETRY_SECONDS,
    mail: {
      smtp: v.TXNG_SMTP_URL ?? smtpServer(v),
      from: v.TXNG_MAIL_FROM ?? `"TXNG" <no-reply@${new URL(baseUrl).hostname}>`,
      outboxDir: path.resolve(v.TXNG_MAIL_DIR ?? path.join(v.TXNG_DATA_DIR, 'mail')),
    },
    checks: {
      intervalMinutes: v.TXNG_CHECKS_INTERVAL_MINUTES,
      silentDays: v.TXNG_CHECKS_SILENT_DAYS,
      provinceBox: v.TXNG_PROVINCE_BBOX.split(',').map(Number) as [number, number, number, number],
    },
    sync: {
      hubUrl: v.TXNG_HUB_URL?.replace(/\/+$/, '') ?? null,
      hubKey: v.TXNG_HUB_KEY ?? null,
      maxAttempts: v.TXNG_SYNC_MAX_ATTEMPTS,
      national:
        v.TXNG_NATIONAL_URL && v.TXNG_NATIONAL_CLIENT_ID && v.TXNG_NATIONAL_CLIENT_SECRET
          ? {
              url: v.TXNG_NATIONAL_URL.replace(/\/+$/, ''),
              clientId: v.TXNG_NATIONAL_CLIENT_ID,
              clientSecret: v.TXNG_NATIONAL_CLIENT_SECRET,
            }
          : null,
    },
    metricsToken: v.TXNG_METRICS_TOKEN ?? null,
    drainSeconds: v.TXNG_DRAIN_SECONDS,
  };
}

function smtpServer(v: z.infer<typeof envSchema>): MailSettings['smtp'] {
  if (!v.TXNG_SMTP_HOST) return null;
  return {
    host: v.TXNG_SMTP_HOST,
    port: v.TXNG_SMTP_PORT,
    // 465 speaks TLS from the first byte; other ports upgrade with STARTTLS when the server offers it
    secure: v.TXNG_SMTP_PORT === 465,
    auth: v.TXNG_SMTP_USER ? { user: v.TXNG_SMTP_USER, pass: v.TXNG_SMTP_PASS ?? '' } : undefined,
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // addresses or CIDRs, comma-separated
}

/** Whether a path names a readable file holding an Ed25519 private key (the checkpoints' signing key). */
function isEd25519KeyFile(file: string): boolean {
  try {
    return crypto.createPrivateKey(fs.readFileSync(file, 'utf8')).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}
