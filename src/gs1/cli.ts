/** `txng gs1 parse` and `txng gs1 check <key> [kind]`: GS1 data in, one JSON object per line out. */
import { createInterface } from 'node:readline';
import { buildDigitalLink } from './digital-link.ts';
import { Gs1Error, gs1Messages } from './errors.ts';
import { keyKindsForDigits, validateKey } from './keys.ts';
import { parseGs1 } from './parse.ts';

const usage = `Usage:
  txng gs1 parse              read Digital Link URIs, element strings or scanner data on stdin (one per line)
  txng gs1 check <key> [kind] validate a key (kind: gtin, gln, sscc, gsrn, grai, gdti, gsin, …)`;

/** English text of a Gs1Error, for people reading the CLI output. */
function describe(err: Gs1Error): string {
  const template = gs1Messages[err.code]?.en ?? err.code;
  return template.replace(/\{(\w+)\}/g, (_, name) =>
    name in err.params ? String(err.params[name]) : `{${name}}`,
  );
}

function errorFields(err: unknown) {
  if (!(err instanceof Gs1Error)) throw err;
  return { error: describe(err), code: err.code, params: err.params };
}

function parseLine(input: string) {
  try {
    const ais = parseGs1(input);
    let digitalLink: string | null = null;
    try {
      digitalLink = buildDigitalLink(ais);
    } catch (err) {
      if (!(err instanceof Gs1Error)) throw err;
    }
    return { input, valid: true, ais, digitalLink };
  } catch (err) {
    return { input, valid: false, ...errorFields(err) };
  }
}

async function parseCommand(stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream): Promise<number> {
  let failures = 0;
  const lines = createInterface({ input: stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const raw of lines) {
    // Files saved by spreadsheet tools on Windows start with a byte-order mark and end lines with CR.
    const line = raw.replace(/^\uFEFF/, '').replace(/\r$/, '');
    if (!line.trim()) continue;
    const result = parseLine(line);
    if (!result.valid) failures++;
    stdout.write(`${JSON.stringify(result)}\n`);
  }
  return failures ? 1 : 0;
}

function checkCommand(key: string, kind: string | undefined, stdout: NodeJS.WritableStream): number {
  const kinds = kind ? [kind] : keyKindsForDigits(key);
  if (kinds.length === 0) {
    stdout.write(
      `${JSON.stringify({ key, valid: false, error: 'Not a GS1 key: give its kind, e.g. "giai".' })}\n`,
    );
    return 1;
  }
  try {
    for (const k of kinds) validateKey(k, key);
    stdout.write(`${JSON.stringify({ key, valid: true, kinds })}\n`);
    return 0;
  } catch (err) {
    stdout.write(`${JSON.stringify({ key, valid: false, kinds, ...errorFields(err) })}\n`);
    return 1;
  }
}

/** Runs `txng gs1 …`; resolves to the process exit code (0 all valid, 1 something invalid, 2 usage). */
export async function runGs1Command(
  args: string[],
  stdin: NodeJS.ReadableStream,
  stdout: NodeJS.WritableStream,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'parse' && rest.length === 0) return parseCommand(stdin, stdout);
  if (sub === 'check' && (rest.length === 1 || rest.length === 2))
    return checkCommand(rest[0], rest[1], stdout);
  stdout.write(`${usage}\n`);
  return 2;
}
