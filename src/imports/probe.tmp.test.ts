import { it } from 'vitest';
import { checkDigit } from '../gs1/index.ts';
import { makeLocation, makeOrganisation } from '../chain/chain.fixtures.ts';
import { createTestApp } from '../test/app.ts';
it('probe', { timeout: 600_000 }, async () => {
  const t = await createTestApp();
  const org = await makeOrganisation(t.db, 'Bench org');
  const loc = await makeLocation(t.db, org.id, 'Bench farm');
  const h = t.as({ role: 'org_owner', organisationIds: [org.id] });
  const up = (url: string, bytes: Buffer) => {
    const b = 'bnd';
    return t.app.inject({ method: 'POST', url, headers: { ...h, 'content-type': `multipart/form-data; boundary=${b}` },
      payload: Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\n`), bytes, Buffer.from(`\r\n--${b}--\r\n`)]) });
  };
  const n = 1000;
  const gtins = Array.from({ length: n }, (_, i) => { const body = `893777${String(i).padStart(6, '0')}`; return body + checkDigit(body); });
  const products = Buffer.from(['gtin,name', ...gtins.map((g, i) => `${g},Sản phẩm ${i}`)].join('\n'));
  let s = performance.now();
  let r = await up('/api/imports/products', products);
  const preview = performance.now() - s;
  s = performance.now();
  r = await up('/api/imports/products?commit=true', products);
  const commit = performance.now() - s;
  const events = Buffer.from(['stage,event_time,location,gtin,lot,quantity,unit', ...gtins.map((g, i) => `harvest,2026-05-01 06:00,${loc.name},${g},L${i},10,KGM`)].join('\n'));
  s = performance.now();
  r = await up('/api/imports/events?commit=true', events);
  const ev = performance.now() - s;
  process.stdout.write(`PROBE ${process.env.TXNG_TEST_DATABASE_URL ? 'pg' : 'pglite'} products preview ${n}: ${preview.toFixed(0)} ms, commit: ${commit.toFixed(0)} ms, events commit: ${ev.toFixed(0)} ms (${r.statusCode} ${r.json().valid})\n`);
  await t.close();
});
