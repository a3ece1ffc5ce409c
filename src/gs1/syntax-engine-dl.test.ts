import { describe, expect, it } from 'vitest';
import { engineOptions, loadVectors, pairs } from '../test/index.ts';
import { buildDigitalLink, parseDigitalLink } from './digital-link.ts';
import { parseElementString } from './parse.ts';
import { escapeDlValue, unescapeDlValue } from './uri-escape.ts';

interface ParseCase {
  uri: string;
  valid: boolean;
  expected_ais?: [string, string][];
  options?: Record<string, string>;
  note?: string;
  source_line: number;
}
interface GenerateCase {
  stem: string | null;
  element_string_bracketed: string;
  valid: boolean;
  expected_uri?: string;
  options?: Record<string, string>;
  source_line: number;
}
interface EscapeCase {
  op: 'escape' | 'unescape';
  input: string;
  expected_path_component: string;
  expected_query_component: string;
  source_line: number;
}

describe('gs1-syntax-engine dl-parse-uri.json', () => {
  const { cases } = loadVectors<ParseCase>('gs1-syntax-engine/dl-parse-uri.json');
  it.each(cases.map((c) => [`line ${c.source_line}: ${c.uri}${c.note ? ` (${c.note})` : ''}`, c] as const))(
    '%s',
    (_, c) => {
      const options = engineOptions(c.options);
      if (!c.valid) {
        expect(() => parseDigitalLink(c.uri, options)).toThrow();
        return;
      }
      const dl = parseDigitalLink(c.uri, options);
      if (c.expected_ais) expect(pairs(dl.ais)).toEqual(c.expected_ais);
    },
  );
});

describe('gs1-syntax-engine dl-generate-uri.json', () => {
  const { cases } = loadVectors<GenerateCase>('gs1-syntax-engine/dl-generate-uri.json');
  it.each(cases.map((c) => [`line ${c.source_line}: ${c.element_string_bracketed}`, c] as const))(
    '%s',
    (_, c) => {
      const options = engineOptions(c.options);
      const build = () =>
        buildDigitalLink(
          parseElementString(c.element_string_bracketed, options),
          c.stem ?? undefined,
          options,
        );
      if (c.valid) expect(build()).toBe(c.expected_uri);
      else expect(build).toThrow();
    },
  );
});

describe('gs1-syntax-engine dl-uri-escape.json', () => {
  const { cases } = loadVectors<EscapeCase>('gs1-syntax-engine/dl-uri-escape.json');
  it.each(cases.map((c) => [`line ${c.source_line}: ${c.op} ${JSON.stringify(c.input)}`, c] as const))(
    '%s',
    (_, c) => {
      const fn = c.op === 'escape' ? escapeDlValue : unescapeDlValue;
      expect(fn(c.input, false)).toBe(c.expected_path_component);
      expect(fn(c.input, true)).toBe(c.expected_query_component);
    },
  );
});
