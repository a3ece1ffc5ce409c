import { describe, expect, it } from 'vitest';
import { engineOptions, loadVectors, pairs } from '../test/index.ts';
import { Gs1Error } from './errors.ts';
import { parseElementString } from './parse.ts';

interface BracketedCase {
  element_string_bracketed: string;
  valid: boolean;
  expected_ais?: [string, string][];
  rule?: string;
  options?: Record<string, string>;
  note?: string;
  source_line: number;
}
interface ProcessCase {
  element_string: string;
  valid: boolean;
  expected_ais?: [string, string][];
  options?: Record<string, string>;
  note?: string;
  source_line: number;
}
interface LinterOutcome {
  element_string_bracketed: string;
  expected_linter_result: string;
}

const label = (input: string, c: { source_line?: number; note?: string }) =>
  `line ${c.source_line}: ${JSON.stringify(input)}${c.note ? ` (${c.note})` : ''}`;

describe('gs1-syntax-engine ai-parse-bracketed.json (syntax only: no linters, no pairing rules)', () => {
  const { cases } = loadVectors<BracketedCase>('gs1-syntax-engine/ai-parse-bracketed.json');
  const options = { ...engineOptions(), lint: false, validateAssociations: false };
  it.each(cases.map((c) => [label(c.element_string_bracketed, c), c] as const))('%s', (_, c) => {
    if (c.valid)
      expect(pairs(parseElementString(c.element_string_bracketed, options))).toEqual(c.expected_ais);
    else expect(() => parseElementString(c.element_string_bracketed, options)).toThrow(Gs1Error);
  });
});

// The engine's processAIdata checks each AI (format, linters) but leaves the pairing rules to a later step.
describe('gs1-syntax-engine ai-process-element-string.json (format and linters)', () => {
  const { cases } = loadVectors<ProcessCase>('gs1-syntax-engine/ai-process-element-string.json');
  // The engine insists on FNC1 in first position; parseElementString also accepts GS-separated data without
  // it (what keyboard-wedge scanners send), so the "991234" rejection does not apply.
  const applicable = cases.filter((c) => c.element_string === '' || c.element_string.startsWith('^'));
  it('skips only the vector without a leading FNC1', () => {
    expect(cases.length - applicable.length).toBe(1);
  });
  it.each(applicable.map((c) => [label(c.element_string, c), c] as const))('%s', (_, c) => {
    const options = { ...engineOptions(c.options), validateAssociations: false };
    if (c.valid) {
      const ais = parseElementString(c.element_string, options);
      if (c.expected_ais) expect(pairs(ais)).toEqual(c.expected_ais);
    } else expect(() => parseElementString(c.element_string, options)).toThrow(Gs1Error);
  });
});

/** The engine's rule names → the Gs1Error code that must name the broken rule. */
const RULE_CODES: Record<string, string> = {
  validateAIrepeats: 'gs1.repeatedAi',
  validateAImutex: 'gs1.exclusiveAis',
  validateAIrequisites: 'gs1.missingAssociation',
  validateDigSigRequiresSerialisedKey: 'gs1.digitalSignatureNeedsSerial',
};

describe('gs1-syntax-engine ai-validate-associations.json', () => {
  const { cases } = loadVectors<BracketedCase>('gs1-syntax-engine/ai-validate-associations.json');
  it.each(cases.map((c) => [`${c.rule} ${label(c.element_string_bracketed, c)}`, c] as const))(
    '%s',
    (_, c) => {
      const options = engineOptions(c.options);
      if (c.valid) {
        expect(() => parseElementString(c.element_string_bracketed, options)).not.toThrow();
        return;
      }
      let code = 'no error';
      try {
        parseElementString(c.element_string_bracketed, options);
      } catch (err) {
        code = err instanceof Gs1Error ? err.code : String(err);
      }
      expect(code).toBe(RULE_CODES[c.rule!]);
    },
  );
});

describe('gs1-syntax-engine ai-linter-outcomes.json', () => {
  const { cases } = loadVectors<LinterOutcome>('gs1-syntax-engine/ai-linter-outcomes.json');
  it.each(cases.map((c) => [`${c.element_string_bracketed} → ${c.expected_linter_result}`, c] as const))(
    '%s',
    (_, c) => {
      let got = 'GS1_LINTER_OK';
      try {
        parseElementString(c.element_string_bracketed, { ...engineOptions(), validateAssociations: false });
      } catch (err) {
        if (!(err instanceof Gs1Error)) throw err;
        got = `GS1_LINTER_${err.params.lintError ?? err.code}`;
      }
      expect(got).toBe(c.expected_linter_result);
    },
  );
});
