import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from './config.ts';

/**
 * Response headers that make a browser refuse what the program never does: run a script or style it did not
 * write, be framed, sniff a type, leak a URL (a stamp's URL carries its secret) to another site.
 */

/** The exact text of each inline `<script>` and `<style>` the server-rendered pages send. */
export interface InlineCode {
  scripts: string[];
  styles: string[];
}

/** A CSP source that allows exactly this inline text: computed at start-up, so the policy follows the code. */
export const cspHash = (text: string) =>
  `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const originOf = (url: string | null) => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

/** A Leaflet tile template (`https://{s}.tile.example.org/{z}/{x}/{y}.png`) as a CSP source. */
export function tileSource(template: string | null): string | null {
  if (!template) return null;
  const origin = originOf(template.replace(/\{[^}]*\}/g, 'x'));
  if (!origin) return null;
  return /^[a-z]+:\/\/\{s\}\./i.test(template) ? origin.replace('://x.', '://*.') : origin;
}

type Directives = Record<string, string[]>;

/**
 * The policy of every answer. Product photos may live on a producer's own https site (the registry takes any
 * http(s) URL), so images may come from any https origin; nothing else leaves the program's own origin.
 */
export function contentSecurityPolicy(config: Config, inline: InlineCode): Directives {
  const https = config.baseUrl.startsWith('https:');
  const ownImages = [originOf(config.baseUrl), tileSource(config.tileUrl)].filter((o): o is string => !!o);
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'script-src': ["'self'", ...inline.scripts.map(cspHash)],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", ...inline.styles.map(cspHash)],
    'img-src': ["'self'", 'data:', 'blob:', 'https:', ...new Set(ownImages)],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * Surfaces that need more than the default. The back office's UI library writes `<style>` elements at run time and
 * the API documentation sets inline style attributes; neither sends an inline script, so only styles are relaxed.
 */
const inlineStylePrefixes = ['/app', '/api/docs'];
/** Files (product photos, certificates) are public and shown by other sites too, the national portal first. */
const crossOriginPrefixes = ['/files/'];

const startsWithAny = (url: string, prefixes: string[]) =>
  prefixes.some((p) => url === p || url.startsWith(p.endsWith('/') ? p : `${p}/`));

type Headers = Record<string, string>;

/** The headers helmet would set for these options, taken once from its middleware: nothing of it runs per request. */
function headersOf(options: HelmetOptions): Headers {
  const out: Headers = {};
  const res = {
    setHeader: (name: string, value: string) => {
      out[name.toLowerCase()] = String(value);
    },
    removeHeader: () => {},
  };
  helmet(options)({} as never, res as never, (err?: unknown) => {
    if (err) throw err;
  });
  return out;
}

/** What a page needs beyond what every answer carries: the policy of its scripts, styles, frames and windows. */
const pageOnly = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/**
 * Every answer carries the short set (no sniffing, no referrer, no framing, same-origin resources, HSTS over
 * https, and a CSP that allows nothing); an HTML answer gets the whole policy of its route instead. The sets are
 * computed at start-up, so a request pays for one `reply.headers()` and, for HTML, one more.
 */
export function securityHeaderSets(config: Config, inline: InlineCode) {
  const directives = contentSecurityPolicy(config, inline);
  const base: HelmetOptions = {
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // only a site served over https may ask browsers to insist on it; subdomains are the province's business
    strictTransportSecurity: config.baseUrl.startsWith('https:')
      ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false }
      : false,
  };
  const page = headersOf(base);
  const relaxedPage = headersOf({
    ...base,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...directives, 'style-src': ["'self'", "'unsafe-inline'"] },
    },
  });
  const short = (headers: Headers): Headers => ({
    ...Object.fromEntries(Object.entries(headers).filter(([name]) => !pageOnly.includes(name))),
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  });
  return {
    page,
    relaxedPage,
    answer: short(page),
    /** a public file is shown by other sites' pages; as a document it still runs nothing */
    file: short({ ...page, 'cross-origin-resource-policy': 'cross-origin' }),
  };
}

type Surface = 'default' | 'relaxed' | 'file';
declare module 'fastify' {
  interface FastifyContextConfig {
    securitySurface?: Surface;
  }
}

export function registerSecurityHeaders(app: FastifyInstance, inline: InlineCode) {
  const sets = securityHeaderSets(app.config, inline);
  // marks the routes as they are added, whichever module adds them
  app.addHook('onRoute', (route) => {
    const surface: Surface | undefined = startsWithAny(route.url, crossOriginPrefixes)
      ? 'file'
      : startsWithAny(route.url, inlineStylePrefixes)
        ? 'relaxed'
        : undefined;
    if (surface) route.config = { ...route.config, securitySurface: surface };
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.routeOptions.config?.securitySurface === 'file' ? sets.file : sets.answer);
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    const surface = request.routeOptions.config?.securitySurface;
    // an uploaded file is never a page of ours, whatever type it claims: it keeps the policy that runs nothing
    if (surface !== 'file' && typeof type === 'string' && type.startsWith('text/html'))
      reply.headers(surface === 'relaxed' ? sets.relaxedPage : sets.page);
    done(null, payload);
  });
}
