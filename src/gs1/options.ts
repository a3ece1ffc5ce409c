/** Switches for parsing; the defaults suit real-world scanning and the resolver. */
export interface Gs1Options {
  /** Accept AIs missing from the dictionary (as X..90). Default false. */
  permitUnknownAis?: boolean;
  /** Run the dictionary's content checks (check digits, dates, code lists…). Default true. */
  lint?: boolean;
  /** Apply the pairing rules: repeats, `ex=` exclusions, `req=` requisites, the AI 8030 rule. Default true. */
  validateAssociations?: boolean;
  /** Digital Link: accept a GTIN-8/12/13 in the URI and widen it to 14 digits. Default true. */
  permitZeroSuppressedGtin?: boolean;
  /** Digital Link: accept convenience alphas such as `/gtin/…/lot/…`. Default true. */
  permitConvenienceAlphas?: boolean;
  /** Digital Link: tolerate one trailing `/` (GS1 resolvers must). Default true. */
  permitTrailingSlash?: boolean;
  /** Digital Link: accept a compressed URI (DL URI compression) and read its AIs. Default true. */
  permitCompressedUri?: boolean;
  /** Digital Link: accept unknown AIs as query attributes (needs permitUnknownAis). Default false. */
  permitUnknownAiAsDlAttribute?: boolean;
}

export type ResolvedOptions = Required<Gs1Options>;

export const DEFAULT_OPTIONS: ResolvedOptions = Object.freeze({
  permitUnknownAis: false,
  lint: true,
  validateAssociations: true,
  permitZeroSuppressedGtin: true,
  permitConvenienceAlphas: true,
  permitTrailingSlash: true,
  permitCompressedUri: true,
  permitUnknownAiAsDlAttribute: false,
});

export function resolveOptions(options?: Gs1Options): ResolvedOptions {
  return options ? { ...DEFAULT_OPTIONS, ...options } : DEFAULT_OPTIONS;
}

/**
 * The GS1 Syntax Engine's defaults, stricter than ours on Digital Links: no zero-suppressed GTINs, no
 * convenience alphas, no trailing slash, no compressed URIs. What `txng gs1 parse` calls valid.
 */
export const SYNTAX_ENGINE_OPTIONS: ResolvedOptions = Object.freeze({
  ...DEFAULT_OPTIONS,
  permitZeroSuppressedGtin: false,
  permitConvenienceAlphas: false,
  permitTrailingSlash: false,
  permitCompressedUri: false,
});
