/** gs1: pure functions for GS1 keys, check digits, Application Identifiers, element strings and Digital Link. */
export { aiDefinition } from './ai-table.ts';
export type { AiComponent, AiDefinition } from './ai-types.ts';
export { canonicalId, canonicalIdForEventHash } from './canonical.ts';
export { checkCharacterPair, checkDigit, hasValidCheckDigit, hasValidCheckDigitAt } from './check-digit.ts';
export { runGs1Command } from './cli.ts';
export { buildDigitalLink, DEFAULT_STEM, type DigitalLink, parseDigitalLink } from './digital-link.ts';
export { compressDigitalLink, decompressDigitalLink } from './dl-compressed-uri.ts';
export { formatBracketed, formatUnbracketed, GS } from './element-string.ts';
export {
  epcPatternToIdPattern,
  gtinClassPattern,
  type IdLevel,
  type IdPattern,
  likeLiteral,
} from './epc-pattern.ts';
export { digitalLinkToEpcUrn, epcUrnToDigitalLink } from './epc-urn.ts';
export { Gs1Error, gs1Messages } from './errors.ts';
export { isValidGln, isValidGtin, isValidKey, KEY_AIS, type KeyKind, validateKey } from './keys.ts';
export { type LintFailure, lint } from './linters.ts';
export { type Gs1Options, SYNTAX_ENGINE_OPTIONS } from './options.ts';
export { parseElementString, parseGs1 } from './parse.ts';
export { primaryKeySegments } from './primary-keys.ts';
export { escapeDlValue, unescapeDlValue } from './uri-escape.ts';
export type { AiValue } from './validate.ts';
