import crypto from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
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

export async function registerSecurityHeaders(app: FastifyInstance, inline: InlineCode) {
  const directives = contentSecurityPolicy(app.config, inline);
  const relaxed = { ...directives, 'style-src': ["'self'", "'unsafe-inline'"] };
  // marks the routes as they are added, whichever module adds them; helmet's own hook, added after this one,
  // then takes the route's settings over its defaults
  app.addHook('onRoute', (route) => {
    const own: NonNullable<Exclude<typeof route.helmet, false>> = {};
    if (startsWithAny(route.url, inlineStylePrefixes))
      own.contentSecurityPolicy = { useDefaults: false, directives: relaxed };
    if (startsWithAny(route.url, crossOriginPrefixes))
      own.crossOriginResourcePolicy = { policy: 'cross-origin' };
    if (Object.keys(own).length) route.helmet = { ...(route.helmet || {}), ...own };
  });
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // only a site served over https may ask browsers to insist on it; subdomains are the province's business
    strictTransportSecurity: app.config.baseUrl.startsWith('https:')
      ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false }
      : false,
  });
}
