import { execFile } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkDigit } from './check-digit.ts';
import { runGs1Command } from './cli.ts';
import { compressDigitalLink } from './dl-compressed-uri.ts';
import { gs1Messages } from './errors.ts';

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

describe('txng gs1 parse: strict by default, --lenient as the resolver reads', () => {
  const GTIN13 = '9506000134352';
  const CANONICAL = `https://id.gs1.org/01/0${GTIN13}`;
  const parseOne = async (input: string, ...flags: string[]) => {
    const { code, lines } = await run(['parse', ...flags], `${input}\n`);
    return { code, result: JSON.parse(lines[0]) };
  };

  it.each([
    [
      `https://id.gs1.org/01/${GTIN13}`,
      'gs1.dl.zeroSuppressedGtin',
      { ai: '01', digits: 13 },
      CANONICAL,
      ['GTIN of 13 digits widened to 14'],
    ],
    [
      'https://a.vn/01/416000336108',
      'gs1.dl.zeroSuppressedGtin',
      { ai: '01', digits: 12 },
      'https://id.gs1.org/01/00416000336108',
      ['GTIN of 12 digits widened to 14'],
    ],
    [
      'https://a.vn/01/02345673',
      'gs1.dl.zeroSuppressedGtin',
      { ai: '01', digits: 8 },
      'https://id.gs1.org/01/00000002345673',
      ['GTIN of 8 digits widened to 14'],
    ],
    [
      `https://a.vn/8004/9520614141234567?01=${GTIN13}`,
      'gs1.dl.zeroSuppressedGtin',
      { ai: '01', digits: 13 },
      `https://id.gs1.org/8004/9520614141234567?01=0${GTIN13}`,
      ['GTIN of 13 digits widened to 14'],
    ],
    [
      `https://a.vn/gtin/0${GTIN13}`,
      'gs1.dl.convenienceAlpha',
      { alpha: 'gtin', ai: '01' },
      CANONICAL,
      ['convenience alphas (/gtin/ …) read as AIs'],
    ],
    [
      `https://a.vn/01/0${GTIN13}/lot/L1`,
      'gs1.dl.convenienceAlpha',
      { alpha: 'lot', ai: '10' },
      `${CANONICAL}/10/L1`,
      ['convenience alphas (/lot/ …) read as AIs'],
    ],
    [`https://a.vn/01/0${GTIN13}/`, 'gs1.dl.trailingSlash', {}, CANONICAL, ['trailing slash dropped']],
    [
      compressDigitalLink(`https://a.vn/01/0${GTIN13}/10/L1`),
      'gs1.dl.compressedUri',
      {},
      `${CANONICAL}/10/L1`,
      ['compressed URI unpacked'],
    ],
    [
      `]Q1https://a.vn/01/${GTIN13}`,
      'gs1.dl.zeroSuppressedGtin',
      { ai: '01', digits: 13 },
      CANONICAL,
      ['GTIN of 13 digits widened to 14'],
    ],
    [
      `https://a.vn/gtin/${GTIN13}/ser/7/`,
      'gs1.dl.trailingSlash',
      {},
      `${CANONICAL}/21/7`,
      [
        'trailing slash dropped',
        'convenience alphas (/gtin/ …) read as AIs',
        'GTIN of 13 digits widened to 14',
      ],
    ],
  ])('%s: %s by default, valid with --lenient', async (input, code, params, digitalLink, normalised) => {
    const strict = await parseOne(input);
    expect(strict.code).toBe(1);
    expect(strict.result).toMatchObject({ input, valid: false, code, params });
    const filled = gs1Messages[code].en.replace(/\{(\w+)\}/g, (_, k) => String((params as any)[k]));
    expect(strict.result.error).toBe(filled);
    const lenient = await parseOne(input, '--lenient');
    expect(lenient.code).toBe(0);
    expect(lenient.result).toMatchObject({ input, valid: true, digitalLink, normalised });
  });

  it('says nothing was normalised when nothing was, and --lenient does not excuse a wrong check digit', async () => {
    expect((await parseOne(CANONICAL, '--lenient')).result).toEqual({
      input: CANONICAL,
      valid: true,
      ais: [{ ai: '01', value: `0${GTIN13}` }],
      digitalLink: CANONICAL,
    });
    const bad = await parseOne('https://a.vn/gtin/9506000134353', '--lenient');
    expect(bad.result).toMatchObject({ valid: false, code: 'gs1.checkDigit' });
  });

  it('words every strict refusal in Vietnamese and English', () => {
    const codes = [
      'gs1.dl.zeroSuppressedGtin',
      'gs1.dl.convenienceAlpha',
      'gs1.dl.trailingSlash',
      'gs1.dl.compressedUri',
    ];
    for (const code of codes) {
      expect(gs1Messages[code]?.vi).toBeTruthy();
      expect(gs1Messages[code]?.en).toBeTruthy();
    }
  });

  it('refuses an unknown flag with the usage text, which documents --lenient', async () => {
    const { code, lines } = await run(['parse', '--strict']);
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/--lenient/);
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

  it('checks a Digital Link URI strictly, or leniently with --lenient; a bare GTIN-13 stays a valid key', async () => {
    const uri = 'https://a.vn/gtin/9506000134352';
    const strict = await run(['check', uri]);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.lines[0])).toMatchObject({
      key: uri,
      valid: false,
      code: 'gs1.dl.convenienceAlpha',
    });
    expect(await run(['check', '--lenient', uri])).toEqual({
      code: 0,
      lines: [
        JSON.stringify({
          key: uri,
          valid: true,
          kinds: ['gtin'],
          normalised: ['convenience alphas (/gtin/ …) read as AIs', 'GTIN of 13 digits widened to 14'],
        }),
      ],
    });
    expect(JSON.parse((await run(['check', 'https://a.vn/01/09506000134352/'])).lines[0])).toMatchObject({
      valid: false,
      code: 'gs1.dl.trailingSlash',
    });
    expect((await run(['check', '9506000134352'])).code).toBe(0);
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
