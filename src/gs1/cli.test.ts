import { execFile } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkDigit } from './check-digit.ts';
import { runGs1Command } from './cli.ts';

const GTIN = `0893456789012${checkDigit('0893456789012')}`;

async function run(args: string[], input = '') {
  let out = '';
  const stdout = new Writable({
    write(chunk, _enc, done) {
      out += chunk;
      done();
    },
  });
  const code = await runGs1Command(args, Readable.from([input]), stdout);
  return { code, lines: out.trim().split('\n') };
}

describe('txng gs1 parse', () => {
  it('writes one JSON object per input line, valid or not, and exits 1 when one is invalid', async () => {
    const input = [
      `\uFEFF(01)${GTIN}(10)LO1(17)271231`,
      `https://txng.example.gov.vn/01/${GTIN}/10/LO1?17=271231`,
      '',
      `]d201${GTIN}10LO1\x1d17271231`,
      'https://id.gs1.org/01/12345678901234',
    ].join('\r\n');
    const { code, lines } = await run(['parse'], input);
    expect(code).toBe(1);
    const results = lines.map((l) => JSON.parse(l));
    expect(results).toHaveLength(4);
    const canonical = `https://id.gs1.org/01/${GTIN}/10/LO1?17=271231`;
    for (const r of results.slice(0, 3)) {
      expect(r).toMatchObject({ valid: true, digitalLink: canonical });
      expect(r.ais).toEqual([
        { ai: '01', value: GTIN },
        { ai: '10', value: 'LO1' },
        { ai: '17', value: '271231' },
      ]);
    }
    expect(results[3]).toMatchObject({
      input: 'https://id.gs1.org/01/12345678901234',
      valid: false,
      code: 'gs1.checkDigit',
    });
    expect(results[3].error).toMatch(/check digit/);
  });

  it('exits 0 when every line is valid, 2 on a usage error', async () => {
    expect((await run(['parse'], `(01)${GTIN}\n`)).code).toBe(0);
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});

describe('txng gs1 check', () => {
  it('validates a key, guessing its kind from its length or taking the kind given', async () => {
    expect(await run(['check', GTIN])).toEqual({
      code: 0,
      lines: [JSON.stringify({ key: GTIN, valid: true, kinds: ['gtin'] })],
    });
    const bad = await run(['check', '006141411234567891']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.lines[0])).toMatchObject({ valid: false, code: 'gs1.checkDigit' });
    expect((await run(['check', '0614141ABC', 'giai'])).code).toBe(0);
    expect((await run(['check', 'ABC'])).code).toBe(1);
  });
});

describe('bin/txng.js gs1 parse (child process)', () => {
  // bin/txng.js loads the whole application first, so a broken module elsewhere fails this test too:
  // stderr is part of the failure message to say which.
  it('reads stdin and prints JSON lines', async () => {
    const child = execFile(process.execPath, ['bin/txng.js', 'gs1', 'parse'], { cwd: process.cwd() });
    child.stdin!.end(`(01)${GTIN}(21)7\n`);
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
    });
    child.stderr!.on('data', (d) => {
      err += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, err: err.slice(0, 2000) }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(out)).toMatchObject({ valid: true, digitalLink: `https://id.gs1.org/01/${GTIN}/21/7` });
  }, 30_000);
});
