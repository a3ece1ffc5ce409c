import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Official GS1 test material, copied into the repository with its provenance and licence (test/vectors/README.md). */
export const TESTDATA = fileURLToPath(new URL('../../test/vectors/', import.meta.url));

export function loadVectors<T = any>(relativePath: string): { cases: T[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(TESTDATA, relativePath), 'utf8'));
}
