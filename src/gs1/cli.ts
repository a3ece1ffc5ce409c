/** `txng gs1 parse` and `txng gs1 check <key> [kind]`: GS1 data in, one JSON object per line out. */
import { createInterface } from 'node:readline';
import { buildDigitalLink } from './digital-link.ts';
import { Gs1Error, gs1Messages } from './errors.ts';
import { KEY_AIS, keyKindsForDigits, validateKey } from './keys.ts';
import { type ResolvedOptions, SYNTAX_ENGINE_OPTIONS } from './options.ts';
import { parseGs1 } from './parse.ts';
import { DL_SCHEME } from './scan-data.ts';
import type { AiValue } from './validate.ts';

const usage = `Usage:
  txng gs1 parse [--lenient]              read Digital Link URIs, element strings or scanner data on stdin
                                          (one per line)
  txng gs1 check [--lenient] <key> [kind] validate a key (kind: gtin, gln, sscc, gsrn, grai, gdti, gsin, …)
                                          or a Digital Link URI
Digital Link URIs are valid as the GS1 Syntax Engine reads them by default: no zero-suppressed GTIN
(/01/ with 8, 12 or 13 digits), no convenience alphas (/gtin/, /lot/ …), no trailing slash, no compressed
URI. --lenient accepts those as the TXNG resolver does and lists what it normalised.`;

/** Fills a message template's `{name}` placeholders. */
const fill = (template: string, params: Record<string, unknown>) =>
  template.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));

/** English text of a Gs1Error, for people reading the CLI output. */
const describe = (err: Gs1Error) => fill(gs1Messages[err.code]?.en ?? err.code, err.params);

function errorFields(err: unknown) {
  if (!(err instanceof Gs1Error)) throw err;
  return { error: describe(err), code: err.code, params: err.params };
}

/** The strict refusals `--lenient` lets through: the option that allows each, and what it then does. */
const NORMALISATIONS: Record<string, { option: keyof ResolvedOptions; note: string }> = {
  'gs1.dl.zeroSuppressedGtin': {
    option: 'permitZeroSuppressedGtin',
    note: 'GTIN of {digits} digits widened to 14',
  },
  'gs1.dl.convenienceAlpha': {
    option: 'permitConvenienceAlphas',
    note: 'convenience alphas (/{alpha}/ …) read as AIs',
  },
  'gs1.dl.trailingSlash': { option: 'permitTrailingSlash', note: 'trailing slash dropped' },
  'gs1.dl.compressedUri': { option: 'permitCompressedUri', note: 'compressed URI unpacked' },
};

/**
 * Parses with the Syntax Engine's defaults; when lenient, each refusal listed in NORMALISATIONS switches on
 * its option and the parse is tried again, which ends at our default (resolver) options at most.
 */
function parseWithNotes(input: string, lenient: boolean): { ais: AiValue[]; normalised: string[] } {
  let options = SYNTAX_ENGINE_OPTIONS;
  const normalised: string[] = [];
  for (;;) {
    try {
      return { ais: parseGs1(input, options), normalised };
    } catch (err) {
      const allowed = lenient && err instanceof Gs1Error ? NORMALISATIONS[err.code] : undefined;
      if (!allowed || options[allowed.option]) throw err;
      options = { ...options, [allowed.option]: true };
      normalised.push(fill(allowed.note, (err as Gs1Error).params));
    }
  }
}

function parseLine(input: string, lenient: boolean) {
  try {
    const { ais, normalised } = parseWithNotes(input, lenient);
    let digitalLink: string | null = null;
    try {
      digitalLink = buildDigitalLink(ais);
    } catch (err) {
      if (!(err instanceof Gs1Error)) throw err;
    }
    return { input, valid: true, ais, digitalLink, ...(normalised.length ? { normalised } : {}) };
  } catch (err) {
    return { input, valid: false, ...errorFields(err) };
  }
}

async function parseCommand(
  stdin: NodeJS.ReadableStream,
  stdout: NodeJS.WritableStream,
  lenient: boolean,
): Promise<number> {
  let failures = 0;
  const lines = createInterface({ input: stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const raw of lines) {
    // Files saved by spreadsheet tools on Windows start with a byte-order mark and end lines with CR.
    const line = raw.replace(/^\uFEFF/, '').replace(/\r$/, '');
    if (!line.trim()) continue;
    const result = parseLine(line, lenient);
    if (!result.valid) failures++;
    stdout.write(`${JSON.stringify(result)}\n`);
  }
  return failures ? 1 : 0;
}

const KIND_BY_AI = new Map<string, string>(Object.entries(KEY_AIS).map(([kind, ai]) => [ai, kind]));

/** A Digital Link given to `check`: valid when it parses; its kind is that of its primary key. */
function checkDigitalLink(uri: string, lenient: boolean) {
  try {
    const { ais, normalised } = parseWithNotes(uri, lenient);
    const kinds = [KIND_BY_AI.get(ais[0].ai) ?? ais[0].ai];
    return { key: uri, valid: true, kinds, ...(normalised.length ? { normalised } : {}) };
  } catch (err) {
    return { key: uri, valid: false, ...errorFields(err) };
  }
}

function checkKey(key: string, kind: string | undefined) {
  const kinds = kind ? [kind] : keyKindsForDigits(key);
  if (kinds.length === 0) return { key, valid: false, error: 'Not a GS1 key: give its kind, e.g. "giai".' };
  try {
    for (const k of kinds) validateKey(k, key);
    return { key, valid: true, kinds };
  } catch (err) {
    return { key, valid: false, kinds, ...errorFields(err) };
  }
}

function checkCommand(args: string[], stdout: NodeJS.WritableStream, lenient: boolean): number {
  const [key, kind] = args;
  const result = DL_SCHEME.test(key) && !kind ? checkDigitalLink(key, lenient) : checkKey(key, kind);
  stdout.write(`${JSON.stringify(result)}\n`);
  return result.valid ? 0 : 1;
}

/** Runs `txng gs1 …`; resolves to the process exit code (0 all valid, 1 something invalid, 2 usage). */
export async function runGs1Command(
  args: string[],
  stdin: NodeJS.ReadableStream,
  stdout: NodeJS.WritableStream,
): Promise<number> {
  const [sub, ...rest] = args;
  const lenient = rest.includes('--lenient');
  const operands = rest.filter((a) => a !== '--lenient');
  const badFlag = operands.some((a) => a.startsWith('--'));
  if (!badFlag && sub === 'parse' && operands.length === 0) return parseCommand(stdin, stdout, lenient);
  if (!badFlag && sub === 'check' && (operands.length === 1 || operands.length === 2))
    return checkCommand(operands, stdout, lenient);
  stdout.write(`${usage}\n`);
  return 2;
}
