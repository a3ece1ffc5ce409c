import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Official GS1 test material lives beside the project, never inside it. */
export const TESTDATA = path.resolve(process.cwd(), '../shared/testdata');

export function loadVectors<T = any>(relativePath: string): { cases: T[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(TESTDATA, relativePath), 'utf8'));
}
