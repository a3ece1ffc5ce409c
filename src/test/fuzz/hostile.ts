import fc from 'fast-check';

/** Strings that broke something once, or that a careless parser takes for something else. */
const hostileStrings = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDC00\uD800',
  '',
  ' ',
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  '2024-13-01T00:00:00Z',
  '2024-02-31T10:00:00Z',
  '2024-02-31',
  '2024-13-45',
  '2024-01-01T25:00:00Z',
  '2024-01-01T10:00:00+23:00',
  '2024-01-01T10:00:00+25:00',
  '0000-01-01T00:00:00Z',
  '0000-01-01',
  '9999-12-31T23:59:59-14:00',
  '275760-09-13T00:00:00Z',
  "'; DROP TABLE lots; --",
  '%00',
  '%ED%A0%80',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '1e309',
  '-1',
  'NaN',
  'null',
  'true',
  '{}',
  'https://id.gs1.org/01/00000000000000',
  'urn:epc:id:sgtin:0614141.107346.2017',
  'Bưởi da xanh Bến Tre 😀',
];

/** Values of every JSON type that a field of another type may be handed. */
const wrongTypes: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0,
  1e308,
  -1e308,
  2 ** 53 + 1,
  [],
  {},
  [[[]]],
  ['x'],
];

/** Characters PostgreSQL cannot store (NUL) or that are not Unicode (a surrogate alone). */
const unstorableChar = fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF');

/** The same strings with one unstorable character slipped in: still within every length and most patterns. */
export const withUnstorable = (base: fc.Arbitrary<string>) =>
  fc.tuple(base, unstorableChar, fc.nat()).map(([text, char, at]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + char + text.slice(i);
  });

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: withUnstorable(fc.string({ maxLength: 20 })) },
  { weight: 6, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  // past every maxLength and every index's row size
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(100_000), 'ư'.repeat(20_000)) },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...wrongTypes) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** One change to a generated value: at the node `at` (counted in a walk), do `kind`. */
export interface Mutation {
  at: number;
  kind: 'taint' | 'replace' | 'delete' | 'extraKey' | 'nest' | 'whole';
  /** where `taint` slips its character into a string */
  char: string;
  value: unknown;
  key: string;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat({ max: 1000 }),
  kind: fc.constantFrom(
    'taint',
    'taint',
    'taint',
    'replace',
    'replace',
    'replace',
    'delete',
    'extraKey',
    'nest',
    'whole',
  ),
  char: unstorableChar,
  value: hostileValue,
  key: fc.oneof(fc.constantFrom('extra', '__proto__', 'a\u0000b', '\uD800', ''), fc.string({ maxLength: 8 })),
});

/** The containers of a value with the key of each child, in a fixed walk order. */
function slots(root: unknown): { parent: Json | unknown[]; key: string | number }[] {
  const found: { parent: Json | unknown[]; key: string | number }[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node))
      node.forEach((child, i) => {
        found.push({ parent: node, key: i });
        stack.push(child);
      });
    else if (isObject(node))
      for (const [key, child] of Object.entries(node)) {
        found.push({ parent: node, key });
        stack.push(child);
      }
  }
  return found;
}

/** Applies mutations to a copy of `value`: wrong types, hostile strings, missing and extra fields, deep nesting. */
export function mutate(value: unknown, mutations: Mutation[]): unknown {
  let root = structuredClone(value);
  for (const mutation of mutations) {
    // generated values may share instances: inserting one inside itself would make a cycle that never serialises
    const m = { ...mutation, value: structuredClone(mutation.value) };
    const places = slots(root);
    if (m.kind === 'whole' || !places.length) {
      root = m.value;
      continue;
    }
    const { parent, key } = places[m.at % places.length];
    const container = parent as Record<string | number, unknown>;
    if (m.kind === 'taint') {
      // the value stays what the schema wants (length, type) with one character the database cannot store
      const text = typeof container[key] === 'string' ? (container[key] as string) : 'x';
      const i = m.at % (text.length + 1);
      container[key] = text.slice(0, i) + m.char + text.slice(i);
    } else if (m.kind === 'replace') container[key] = m.value;
    else if (m.kind === 'nest')
      container[key] = Array.from({ length: 40 }).reduce((v) => [v], container[key]);
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete container[key];
    } else if (isObject(container[key])) (container[key] as Json)[m.key] = m.value;
    else if (isObject(parent))
      Object.defineProperty(parent, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return root;
}

/** Percent-encodes any string, a lone surrogate included (as the replacement character's UTF-8 bytes). */
export function encodePart(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}
