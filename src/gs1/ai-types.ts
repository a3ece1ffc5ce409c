/** Character sets of the GS1 Barcode Syntax Dictionary: N digits, X CSET 82, Y CSET 39, Z base64url (CSET 64). */
export type Cset = 'N' | 'X' | 'Y' | 'Z';

/** One component of an AI's data field, e.g. `N13,csum,gcppos1` or the optional `[X..17]`. */
export interface AiComponent {
  readonly cset: Cset;
  readonly min: number;
  readonly max: number;
  readonly optional: boolean;
  readonly linters: readonly string[];
}

/**
 * One AI as the Syntax Dictionary describes it.
 * `req`: each entry is one `req=` attribute; it is met when any alternative (a list of AI patterns that must
 * all be present, `01+21`) is present. `ex`: patterns that must not appear with this AI. Patterns may hold
 * `n` wildcards (`310n`). `dlQualifiers`: the ordered qualifier sequences when the AI is a DL primary key.
 */
export interface AiDefinition {
  readonly ai: string;
  readonly title: string;
  /** `*` flag absent: a variable-length AI needs an FNC1 separator when another AI follows. */
  readonly fnc1: boolean;
  /** `?` flag: may appear as a GS1 Digital Link data attribute (query parameter). */
  readonly dlDataAttribute: boolean;
  readonly components: readonly AiComponent[];
  readonly req: readonly (readonly (readonly string[])[])[];
  readonly ex: readonly string[];
  readonly dlPrimaryKey: boolean;
  readonly dlQualifiers: readonly (readonly string[])[];
}
