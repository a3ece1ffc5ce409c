/**
 * Whether a GTIN-14 was allocated under one of these GS1 company prefixes: the prefix starts after the
 * indicator digit. The one rule product registration and capture noting both apply.
 */
export const gtinUnderCompanyPrefix = (gtin14: string, prefixes: readonly string[]) =>
  prefixes.some((prefix) => gtin14.slice(1).startsWith(prefix));

/** Whether a GLN was allocated under one of these GS1 company prefixes. */
export const glnUnderCompanyPrefix = (gln: string, prefixes: readonly string[]) =>
  prefixes.some((prefix) => gln.startsWith(prefix));
