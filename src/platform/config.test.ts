import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const problemsOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('the environment schema', () => {
  it('keeps the defaults of every setting', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: null,
      dbPool: 10,
      dataDir: path.resolve('./data'),
      baseUrl: 'http://localhost:3000',
      provinceName: 'Đồng Nai',
      demo: true,
      trustProxy: false,
      mode: 'province',
      logLevel: 'info',
      tileUrl: null,
      production: false,
      stampKey: null,
      scanSalt: null,
      adminUnitsFile: null,
      communeBoundariesFile: null,
      resolverCacheSeconds: 10,
      resolverServePage: false,
      resolverRateLimit: 300,
      adminPassword: null,
      webhookAllow: [],
      webhookMaxAttempts: 10,
      webhookRetrySeconds: 5,
    });
    expect(config.scan).toEqual({
      windowHours: 72,
      busyScans: 30,
      busyNetworks: 6,
      repeatMinutes: 60,
      networkCap: 30,
      networkCapHours: 24,
      travelKm: 150,
      travelKmh: 200,
      nearKm: 30,
    });
  });

  it('reads each variable into its setting', () => {
    const config = loadConfig({
      PORT: '8080',
      TXNG_BASE_URL: 'https://txng.dongnai.gov.vn/',
      TXNG_DB_POOL: '25',
      TXNG_SCAN_MAX_SCANS: '50',
      TXNG_SCAN_TRAVEL_KM: '120.5',
      TXNG_RESOLVER_CACHE_SECONDS: '0',
      TXNG_RESOLVER_SERVE_PAGE: '1',
      TXNG_RESOLVER_RATE_LIMIT: '600',
      TXNG_ADMIN_UNITS: 'config/units.json',
      TXNG_COMMUNE_BOUNDARIES: 'config/communes.geojson',
      TXNG_MODE: 'hub',
      LOG_LEVEL: 'warn',
      TXNG_EPCIS_WEBHOOK_ALLOW: 'https://erp.example.vn/epcis/, http://10.1.2.3:8080/',
      TXNG_EPCIS_WEBHOOK_MAX_ATTEMPTS: '4',
      TXNG_EPCIS_WEBHOOK_RETRY_SECONDS: '0.5',
    });
    expect(config).toMatchObject({
      webhookAllow: ['https://erp.example.vn/epcis/', 'http://10.1.2.3:8080/'],
      webhookMaxAttempts: 4,
      webhookRetrySeconds: 0.5,
      port: 8080,
      baseUrl: 'https://txng.dongnai.gov.vn',
      dbPool: 25,
      resolverCacheSeconds: 0,
      resolverServePage: true,
      resolverRateLimit: 600,
      adminUnitsFile: path.resolve('config/units.json'),
      communeBoundariesFile: path.resolve('config/communes.geojson'),
      mode: 'hub',
      logLevel: 'warn',
    });
    expect(config.scan).toMatchObject({ busyScans: 50, travelKm: 120.5 });
  });

  it('writes mail to files under the data folder unless an SMTP server is configured', () => {
    expect(loadConfig({}).mail).toEqual({
      smtp: null,
      from: '"TXNG" <no-reply@localhost>',
      outboxDir: path.resolve('./data/mail'),
    });
    expect(loadConfig({ TXNG_SMTP_URL: 'smtps://u:p@mail.example.vn:465' }).mail.smtp).toBe(
      'smtps://u:p@mail.example.vn:465',
    );
    const byParts = loadConfig({
      TXNG_SMTP_HOST: 'mail.example.vn',
      TXNG_SMTP_PORT: '465',
      TXNG_SMTP_USER: 'txng',
      TXNG_SMTP_PASS: 'secret',
      TXNG_MAIL_FROM: 'TXNG Đồng Nai <txng@dongnai.gov.vn>',
    }).mail;
    expect(byParts).toMatchObject({
      smtp: { host: 'mail.example.vn', port: 465, secure: true, auth: { user: 'txng', pass: 'secret' } },
      from: 'TXNG Đồng Nai <txng@dongnai.gov.vn>',
    });
    expect(problemsOf({ TXNG_SMTP_URL: 'mail.example.vn' })[0]).toMatch(/^TXNG_SMTP_URL: got/);
  });

  it('takes an empty variable for an unset one', () => {
    expect(loadConfig({ PORT: '', TXNG_SCAN_MAX_SCANS: '', TXNG_DEMO: '' })).toMatchObject({
      port: 3000,
      demo: true,
      scan: { busyScans: 30 },
    });
  });

  it('trusts a proxy given as true, a hop count, named ranges or addresses/CIDRs', () => {
    expect(loadConfig({ TXNG_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TXNG_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TXNG_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    const list = '10.0.0.0/8, 192.168.1.10,loopback,2001:db8::/32';
    expect(loadConfig({ TXNG_TRUST_PROXY: list }).trustProxy).toBe(list);
  });

  it('refuses bad values in one error that names each variable, what it got and what it expects', () => {
    const problems = problemsOf({
      PORT: 'abc',
      TXNG_SCAN_MAX_SCANS: '-1',
      TXNG_TRUST_PROXY: 'maybe',
      TXNG_DEMO: 'yes',
      TXNG_BASE_URL: 'txng.example.vn',
      TXNG_RESOLVER_RATE_LIMIT: '1.5',
      LOG_LEVEL: 'loud',
    });
    expect(problems).toEqual([
      'PORT: got "abc", expected a port number from 0 to 65535',
      'TXNG_BASE_URL: got "txng.example.vn", expected an absolute URL such as https://txng.example.gov.vn',
      'TXNG_DEMO: got "yes", expected 1 or 0 (true or false)',
      'TXNG_TRUST_PROXY: got "maybe", expected true, false, a hop count, or proxy addresses/CIDRs separated by commas',
      'LOG_LEVEL: got "loud", expected fatal, error, warn, info, debug, trace, silent',
      'TXNG_RESOLVER_RATE_LIMIT: got "1.5", expected a whole number above 0',
      'TXNG_SCAN_MAX_SCANS: got "-1", expected a number above 0',
    ]);
    expect(problemsOf({ TXNG_TRUST_PROXY: '10.0.0.0/33' })).toHaveLength(1);
    expect(problemsOf({ TXNG_SCAN_NEAR_KM: 'far' })).toEqual([
      'TXNG_SCAN_NEAR_KM: got "far", expected a number above 0',
    ]);
  });

  it('refuses production without its secrets, in the same message as the other bad values', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PORT: '70000', TXNG_SCAN_SALT: 'salt' });
    expect(problems).toEqual([
      'PORT: got "70000", expected a port number from 0 to 65535',
      'TXNG_STAMP_KEY: got nothing, expected a secret (required when NODE_ENV=production)',
    ]);
    expect(loadConfig({ NODE_ENV: 'production', TXNG_STAMP_KEY: 'k', TXNG_SCAN_SALT: 's' })).toMatchObject({
      production: true,
      stampKey: 'k',
      scanSalt: 's',
    });
  });

  it('stops the program before it opens anything, printing every bad value', () => {
    // the environment of the test run without its TXNG settings, so only the ones below count
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('TXNG_') && name !== 'DATABASE_URL'),
    );
    const run = spawnSync(process.execPath, ['bin/txng.js', 'start'], {
      env: { ...env, NODE_ENV: 'production', PORT: 'abc', TXNG_TRUST_PROXY: 'maybe' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The configuration is not valid');
    for (const name of ['PORT', 'TXNG_TRUST_PROXY', 'TXNG_STAMP_KEY', 'TXNG_SCAN_SALT'])
      expect(run.stderr).toContain(`${name}: got`);
    expect(run.stdout).not.toContain('TXNG (');
  });
});
