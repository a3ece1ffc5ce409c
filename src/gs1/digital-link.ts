/** GS1 Digital Link URIs: parse any stem, path key and qualifiers, query attributes; build canonical URIs. */
import { AI_CODE, aiDefinition, predefinedLength } from './ai-table.ts';
import type { AiDefinition } from './ai-types.ts';
import { CONVENIENCE_ALPHAS } from './convenience-alphas.ts';
import { decodeCompressed } from './dl-compression.ts';
import { Gs1Error } from './errors.ts';
import { type Gs1Options, type ResolvedOptions, resolveOptions } from './options.ts';
import { decodeQueryText, escapeDlValue, unescapeDlValue } from './uri-escape.ts';
import { type AiValue, definitionFor, validateAis } from './validate.ts';

export interface DigitalLink {
  /** Scheme, authority and any path before the primary key, without a trailing slash. */
  stem: string;
  primaryKey: AiValue;
  qualifiers: AiValue[];
  attributes: AiValue[];
  /** Query parameters that are not AIs (`linkType`, `context`, …); a bare `flag` maps to ''. */
  otherParams: Record<string, string>;
  /** All AIs, primary key first, then qualifiers, then attributes. */
  ais: AiValue[];
}

export const DEFAULT_STEM = 'https://id.gs1.org';

const URI_START = /^(https?|HTTPS?):\/\/([^/?#]*)(.*)$/s;
const AUTHORITY = /^[A-Za-z0-9.\-:[\]]+$/;
const URI_CHARS = /^[A-Za-z0-9\-._~:/?[\]@!$&'()*+,;=%]*$/;
const ZERO_SUPPRESSED_GTIN = /^(?:\d{8}|\d{12,13})$/;

const invalid = (reason: string) => new Gs1Error('gs1.dl.invalidUri', { reason });

const numericAi = (segment: string) => (AI_CODE.test(segment) ? segment : undefined);
const anyAi = (segment: string) => numericAi(segment) ?? CONVENIENCE_ALPHAS.get(segment);

/** The AI a path segment names; a convenience alpha the options refuse is an error of its own. */
function segmentAi(segment: string, options: ResolvedOptions): string | undefined {
  const ai = anyAi(segment);
  if (ai !== segment && ai && !options.permitConvenienceAlphas) {
    throw new Gs1Error('gs1.dl.convenienceAlpha', { alpha: segment, ai });
  }
  return ai;
}

function widenGtin(ai: string, value: string, options: ResolvedOptions): string {
  if (ai !== '01' || !ZERO_SUPPRESSED_GTIN.test(value)) return value;
  if (!options.permitZeroSuppressedGtin) {
    throw new Gs1Error('gs1.dl.zeroSuppressedGtin', { ai, digits: value.length });
  }
  return value.padStart(14, '0');
}

/** Index of the primary key among path segments: the last AI-position segment that names one, else -1. */
function findPrimaryKey(segments: readonly string[], ai: (segment: string) => string | undefined): number {
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    const code = ai(segments[i]);
    if (code && aiDefinition(code)?.dlPrimaryKey) return i;
  }
  return -1;
}

/** True when `qualifiers` appear, in order, within the sequence `seq`. */
function fitsSequence(qualifiers: readonly string[], seq: readonly string[]): boolean {
  let at = -1;
  for (const q of qualifiers) {
    const i = seq.indexOf(q, at + 1);
    if (i < 0) return false;
    at = i;
  }
  return true;
}

function parsePath(path: string, authorityStem: string, options: ResolvedOptions) {
  const segments = path.slice(1).split('/');
  const keyAt = findPrimaryKey(segments, options.permitConvenienceAlphas ? anyAi : numericAi);
  if (keyAt < 0) {
    const alphaKey = options.permitConvenienceAlphas ? -1 : findPrimaryKey(segments, anyAi);
    if (alphaKey >= 0) {
      const alpha = segments[alphaKey];
      throw new Gs1Error('gs1.dl.convenienceAlpha', { alpha, ai: CONVENIENCE_ALPHAS.get(alpha) });
    }
    throw new Gs1Error('gs1.dl.noPrimaryKey');
  }
  const pathAis: AiValue[] = [];
  for (let i = keyAt; i < segments.length; i += 2) {
    const ai = segmentAi(segments[i], options);
    if (!ai) throw new Gs1Error('gs1.dl.invalidQualifier', { ai: segments[i], key: segments[keyAt] });
    const value = unescapeDlValue(segments[i + 1], false);
    if (value === '') throw new Gs1Error('gs1.emptyValue', { ai });
    pathAis.push({ ai, value: widenGtin(ai, value, options) });
  }
  const stemPath = segments.slice(0, keyAt).join('/');
  return { stem: stemPath ? `${authorityStem}/${stemPath}` : authorityStem, pathAis };
}

function checkQualifiers(key: AiDefinition, qualifiers: readonly AiValue[]): void {
  if (qualifiers.length === 0) return;
  const codes = qualifiers.map((q) => q.ai);
  if (!key.dlQualifiers.some((seq) => fitsSequence(codes, seq))) {
    const bad = qualifiers.find((q) => !key.dlQualifiers.some((seq) => seq.includes(q.ai))) ?? qualifiers[0];
    throw new Gs1Error('gs1.dl.invalidQualifier', { ai: bad.ai, key: key.ai });
  }
}

function attributeAllowed(ai: string, options: ResolvedOptions): boolean {
  const def = aiDefinition(ai);
  if (def) return def.dlDataAttribute;
  return options.permitUnknownAis && options.permitUnknownAiAsDlAttribute;
}

function parseQuery(
  query: string,
  key: AiDefinition,
  qualifiers: readonly string[],
  options: ResolvedOptions,
) {
  const attributes: AiValue[] = [];
  const otherParams: Record<string, string> = {};
  for (const param of query.split('&')) {
    if (!param) continue;
    const eq = param.indexOf('=');
    const name = eq < 0 ? param : param.slice(0, eq);
    const raw = eq < 0 ? '' : param.slice(eq + 1);
    if (!/^\d+$/.test(name)) {
      otherParams[decodeQueryText(name)] = decodeQueryText(raw);
      continue;
    }
    if (!AI_CODE.test(name)) throw new Gs1Error('gs1.unknownAi', { ai: name });
    definitionFor(name, options);
    if (eq < 0 || raw === '') throw new Gs1Error('gs1.emptyValue', { ai: name });
    if (!attributeAllowed(name, options)) throw new Gs1Error('gs1.dl.invalidAttribute', { ai: name });
    // A qualifier that could stand in the path must be written there.
    if (key.dlQualifiers.some((seq) => seq.includes(name) && fitsSequence(qualifiers, seq))) {
      throw new Gs1Error('gs1.dl.invalidAttribute', { ai: name });
    }
    attributes.push({ ai: name, value: widenGtin(name, unescapeDlValue(raw, true), options) });
  }
  return { attributes, otherParams };
}

/** Parses a GS1 Digital Link URI on any domain; throws Gs1Error when it is not a valid one. */
export function parseDigitalLinkWith(uri: string, options: ResolvedOptions): DigitalLink {
  const m = URI_START.exec(uri);
  if (!m) throw invalid('the URI must start with http:// or https://');
  const [, scheme, authority, rest] = m;
  if (!AUTHORITY.test(authority)) throw invalid('bad host');
  const hash = rest.indexOf('#');
  const beforeFragment = hash < 0 ? rest : rest.slice(0, hash);
  if (!URI_CHARS.test(beforeFragment)) throw invalid('character not allowed in a URI');
  const q = beforeFragment.indexOf('?');
  let path = q < 0 ? beforeFragment : beforeFragment.slice(0, q);
  const query = q < 0 ? '' : beforeFragment.slice(q + 1);
  if (path.length > 1 && path.endsWith('/')) {
    if (!options.permitTrailingSlash) throw new Gs1Error('gs1.dl.trailingSlash');
    path = path.slice(0, -1);
  }
  if (!path.startsWith('/') || path.endsWith('/')) throw invalid('no path information');
  const authorityStem = `${scheme}://${authority}`;
  let compressed: ReturnType<typeof parseCompressedPath> = null;
  let parsed: { stem: string; pathAis: AiValue[] };
  try {
    parsed = parsePath(path, authorityStem, options);
  } catch (err) {
    const noKey = err instanceof Gs1Error && err.code === 'gs1.dl.noPrimaryKey';
    if (noKey && !options.permitCompressedUri && isCompressedPath(path, authorityStem, options)) {
      throw new Gs1Error('gs1.dl.compressedUri');
    }
    compressed =
      noKey && options.permitCompressedUri ? parseCompressedPath(path, authorityStem, options) : null;
    if (!compressed) throw err;
    parsed = compressed;
  }
  const { stem, pathAis } = parsed;
  const [primaryKey, ...qualifiers] = pathAis;
  const keyDef = aiDefinition(primaryKey.ai)!;
  checkQualifiers(keyDef, qualifiers);
  const qualifierCodes = qualifiers.map((x) => x.ai);
  const { attributes, otherParams } = parseQuery(query, keyDef, qualifierCodes, options);
  if (compressed) {
    attributes.unshift(...compressed.attributes);
    Object.assign(otherParams, compressed.otherParams);
  }
  const ais = [...pathAis, ...attributes];
  const seen = new Set<string>();
  for (const { ai } of ais) {
    if (seen.has(ai)) throw new Gs1Error('gs1.dl.duplicateAi', { ai });
    seen.add(ai);
  }
  validateAis(ais, options, new Set(qualifierCodes));
  return { stem, primaryKey, qualifiers, attributes, otherParams, ais };
}

export function parseDigitalLink(uri: string, options?: Gs1Options): DigitalLink {
  return parseDigitalLinkWith(uri, resolveOptions(options));
}

/** Drops exact duplicates (one item may carry the same AI twice); different values for one AI are an error. */
function dedupe(ais: readonly AiValue[]): AiValue[] {
  const seen = new Map<string, string>();
  const out: AiValue[] = [];
  for (const { ai, value } of ais) {
    const before = seen.get(ai);
    if (before === undefined) {
      seen.set(ai, value);
      out.push({ ai, value });
    } else if (before !== value) throw new Gs1Error('gs1.repeatedAi', { ai });
  }
  return out;
}

interface Arranged {
  key: AiValue;
  qualifiers: AiValue[];
  attributes: AiValue[];
}

/**
 * Where each AI goes in a canonical Digital Link: the first primary key in the path, its qualifiers in the
 * standard order (the qualifier sequence with the most AIs present), every other AI a query attribute,
 * predefined-length ones first. GTINs are widened to 14 digits.
 */
export function arrangeDigitalLink(input: readonly AiValue[], options: ResolvedOptions): Arranged {
  const ais = dedupe(input).map(({ ai, value }) => ({
    ai,
    value: ai === '01' && ZERO_SUPPRESSED_GTIN.test(value) ? value.padStart(14, '0') : value,
  }));
  const key = ais.find(({ ai }) => aiDefinition(ai)?.dlPrimaryKey);
  if (!key) throw new Gs1Error('gs1.dl.noPrimaryKey');
  const keyDef = aiDefinition(key.ai)!;
  const present = new Set(ais.map((a) => a.ai));
  let sequence: readonly string[] = [];
  for (const seq of keyDef.dlQualifiers) {
    if (seq.filter((q) => present.has(q)).length > sequence.filter((q) => present.has(q)).length)
      sequence = seq;
  }
  const qualifiers = sequence.filter((q) => present.has(q)).map((q) => ais.find((a) => a.ai === q)!);
  const inPath = new Set([key, ...qualifiers]);
  const rest = ais.filter((a) => !inPath.has(a));
  for (const { ai } of rest) {
    definitionFor(ai, options);
    if (!attributeAllowed(ai, options)) throw new Gs1Error('gs1.dl.invalidAttribute', { ai });
  }
  const isFixed = (ai: string) => {
    const def = aiDefinition(ai);
    return def !== undefined && predefinedLength(def) !== null;
  };
  const attributes = [...rest.filter((a) => isFixed(a.ai)), ...rest.filter((a) => !isFixed(a.ai))];
  return { key, qualifiers, attributes };
}

/** A path whose last segment is a compressed Digital Link (DL URI compression); null when it is not one. */
function parseCompressedPath(path: string, authorityStem: string, options: ResolvedOptions) {
  const slash = path.lastIndexOf('/');
  const decoded = decodeCompressed(path.slice(slash + 1));
  if (!decoded) return null;
  try {
    // A segment that merely happens to decode is no Digital Link: its values must pass the checks.
    validateAis(decoded.ais, { ...options, validateAssociations: false });
  } catch (err) {
    if (err instanceof Gs1Error) return null;
    throw err;
  }
  const { key, qualifiers, attributes } = arrangeDigitalLink(decoded.ais, options);
  return {
    stem: authorityStem + path.slice(0, slash),
    pathAis: [key, ...qualifiers],
    attributes,
    otherParams: decoded.otherParams,
  };
}

/** Only to say why a URI was refused: whatever fails to unpack leaves the original error standing. */
function isCompressedPath(path: string, authorityStem: string, options: ResolvedOptions): boolean {
  try {
    return parseCompressedPath(path, authorityStem, options) !== null;
  } catch (err) {
    if (err instanceof Gs1Error) return false;
    throw err;
  }
}

const numericName = (ai: string) => ai;
const ALPHA_BY_AI = new Map([...CONVENIENCE_ALPHAS].map(([alpha, ai]) => [ai, alpha]));
/** Path key names as convenience alphas (`gtin`, `lot`…) where the syntax has one. */
export const alphaName = (ai: string) => ALPHA_BY_AI.get(ai) ?? ai;

/** The canonical Digital Link of a set of AIs on `stem` (see `arrangeDigitalLink` for the order). */
export function buildDigitalLinkWith(
  input: readonly AiValue[],
  stem: string,
  options: ResolvedOptions,
  pathName: (ai: string) => string = numericName,
): string {
  const { key, qualifiers, attributes } = arrangeDigitalLink(input, options);
  const ais = [key, ...qualifiers, ...attributes];
  validateAis(ais, options, new Set(qualifiers.map((q) => q.ai)));
  let uri = stem.replace(/\/+$/, '');
  for (const { ai, value } of [key, ...qualifiers]) uri += `/${pathName(ai)}/${escapeDlValue(value, false)}`;
  if (attributes.length) {
    uri += `?${attributes.map(({ ai, value }) => `${ai}=${escapeDlValue(value, true)}`).join('&')}`;
  }
  return uri;
}

export function buildDigitalLink(ais: AiValue[], stem: string = DEFAULT_STEM, options?: Gs1Options): string {
  return buildDigitalLinkWith(ais, stem, resolveOptions(options));
}
