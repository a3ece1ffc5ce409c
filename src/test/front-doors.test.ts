import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// One front door per module (docs/architecture.md, docs/decisions/009-module-front-doors.md). Two guards: Biome's
// noRestrictedImports in biome.json (proved here on probe files), and a walk of src's import graph that also
// checks what a lint rule cannot: no module cycle and no arrow pointing up the layers.

const repo = fileURLToPath(new URL('../../', import.meta.url));
const src = path.join(repo, 'src');

/** The layers, bottom first: a production import may point at its own layer or a lower one, never higher. */
const layers: string[][] = [
  ['gs1', 'db', 'platform'],
  ['audit', 'registry', 'accounts', 'epcis', 'trace', 'catalogues'],
  [
    'files',
    'review',
    'stamps',
    'chain',
    'diary',
    'imports',
    'inspections',
    'checks',
    'cases',
    'plan',
    'programmes',
    'news',
    'dashboard',
    'reports',
    'sync',
    'sensors',
    'passport',
    'proofs',
  ],
  ['public', 'portal', 'resolver', 'backoffice', 'hub', 'kitchens', 'demo', '(faces)'],
];
const layerOf = new Map(layers.flatMap((mods, i) => mods.map((m) => [m, i] as const)));
/** Only the program's own faces (src/*.ts) may call the demo seeder. */
const onlyFacesImport = new Set(['demo']);

// ---------- a tiny import parser (formatted code: statements start at column 0) ----------
interface Import {
  file: string;
  target: string;
  line: number;
  /** `import type` / `export type`: erased before the program runs, so it closes no loop at load. */
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: Import[] = [];
  const add = (index: number, spec: string, typeOnly = false) => {
    if (!spec.startsWith('.')) return;
    const line = text.slice(0, index).split('\n').length;
    out.push({ file, target: path.resolve(path.dirname(file), spec), line, typeOnly });
  };
  for (const m of text.matchAll(/^(import|export)(\s+type)?\b[^;]*?(?:\bfrom\s*)?'([^']+)';/gms))
    add(m.index, m[3], Boolean(m[2]));
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) add(m.index, m[1]);
  return out;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (p !== path.join(src, 'web')) sourceFiles(p, out);
    } else if (entry.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** `src/<module>/…` → module; `src/x.ts` → '(faces)'. */
const moduleOf = (file: string) => {
  const parts = path.relative(src, file).split(path.sep);
  return parts.length === 1 ? '(faces)' : parts[0];
};
const rel = (file: string) => path.relative(repo, file);
const isDoor = (file: string, name: string) =>
  path.basename(file) === name && path.dirname(file) === path.join(src, moduleOf(file));

describe('the import graph of src', () => {
  const files = sourceFiles(src);
  const imports = files.flatMap(importsOf);
  const byFile = new Map<string, Import[]>();
  for (const i of imports) byFile.set(i.file, [...(byFile.get(i.file) ?? []), i]);
  // production: every file the program's entry points reach; the rest is tests and their support
  const production = new Set<string>();
  const queue = ['app.ts', 'server.ts', 'cli.ts'].map((f) => path.join(src, f));
  while (queue.length) {
    const file = queue.pop()!;
    if (production.has(file)) continue;
    production.add(file);
    for (const i of byFile.get(file) ?? []) queue.push(i.target);
  }
  const tableFiles = new Set((byFile.get(path.join(src, 'db', 'schema.ts')) ?? []).map((i) => i.target));
  const between = imports.filter((i) => moduleOf(i.file) !== moduleOf(i.target) && i.target.startsWith(src));

  it('goes between modules only through front doors', () => {
    const reachIns = between.filter(
      (i) =>
        moduleOf(i.target) !== '(faces)' &&
        !isDoor(i.target, 'index.ts') &&
        !(isDoor(i.target, 'testing.ts') && !production.has(i.file)) &&
        !(moduleOf(i.file) === 'db' && tableFiles.has(i.target)),
    );
    expect(reachIns.map((i) => `${rel(i.file)}:${i.line} → ${rel(i.target)}`)).toEqual([]);
  });

  it('keeps the table files gathered by src/db leaves (types aside), so db → tables closes no loop', () => {
    expect(tableFiles.size).toBeGreaterThan(0);
    const leaks = [...tableFiles].flatMap((t) =>
      (byFile.get(t) ?? []).filter((i) => !i.typeOnly).map((i) => `${rel(t)} → ${rel(i.target)}`),
    );
    expect(leaks).toEqual([]);
  });

  it('keeps tests and their support out of the program', () => {
    const testSide = [...production].filter(
      (f) =>
        moduleOf(f) === 'test' ||
        isDoor(f, 'testing.ts') ||
        /(\.test|\.fixtures|\.test-support|\.test-helpers?|[/\\]test-factories)\.ts$/.test(f),
    );
    expect(testSide.map(rel)).toEqual([]);
  });

  const productionEdges = between.filter(
    (i) => production.has(i.file) && !(moduleOf(i.file) === 'db' && tableFiles.has(i.target)),
  );

  it('places every module in a layer, and points every production arrow down or sideways', () => {
    const modules = new Set(files.map(moduleOf));
    expect([...modules].filter((m) => m !== 'test' && !layerOf.has(m))).toEqual([]);
    const upward = productionEdges.filter(
      (i) =>
        layerOf.get(moduleOf(i.target))! > layerOf.get(moduleOf(i.file))! ||
        (onlyFacesImport.has(moduleOf(i.target)) && moduleOf(i.file) !== '(faces)'),
    );
    expect(upward.map((i) => `${rel(i.file)}:${i.line} → ${rel(i.target)}`)).toEqual([]);
  });

  it('has no loop between modules', () => {
    const graph = new Map<string, Set<string>>();
    for (const i of productionEdges) {
      const from = moduleOf(i.file);
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(moduleOf(i.target));
    }
    // depth-first search; a module met again while still on the path closes a loop
    const loops: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (m: string, trail: string[]) => {
      if (state.get(m) === 'done') return;
      if (state.get(m) === 'open') {
        loops.push([...trail.slice(trail.indexOf(m)), m].join(' → '));
        return;
      }
      state.set(m, 'open');
      for (const next of graph.get(m) ?? []) visit(next, [...trail, m]);
      state.set(m, 'done');
    };
    for (const m of graph.keys()) visit(m, []);
    expect(loops).toEqual([]);
  });
});

/** A probe that loads a file lazily (written so this file's own import walk does not take it for one). */
const dynamicImport = (spec: string) => `export const load = () => import('${spec}');\n`;

describe("biome's front-door rule", () => {
  // Probe files in a scratch copy of the tree's shape, linted with the repository's own biome.json: the real
  // tree is never touched, so a lint or test run alongside sees nothing.
  const probes: Record<string, string> = {
    'src/stamps/reach-in.ts':
      "import { recordAudit } from '../audit/audit.service.ts';\nexport { recordAudit };\n",
    'src/stamps/door.ts': "import { recordAudit } from '../audit/index.ts';\nexport { recordAudit };\n",
    'src/stamps/own.ts': "import { execute } from './stamps.repo.ts';\nexport { execute };\n",
    'src/stamps/re-export.ts': "export { recordAudit } from '../audit/audit.service.ts';\n",
    'src/stamps/side-effect.ts': "import '../review/review.messages.ts';\n",
    'src/stamps/dynamic.ts': dynamicImport('../review/review.service.ts'),
    'src/stamps/test-door.ts':
      "import { makeOrganisation } from '../chain/testing.ts';\nexport { makeOrganisation };\n",
    'src/trace/reach-in.test.ts':
      "import { makeLot } from '../stamps/stamps.test-support.ts';\nexport { makeLot };\n",
    'src/trace/door.test.ts':
      "import { makeLot } from '../stamps/testing.ts';\nimport { createTestApp } from '../test/index.ts';\nexport { createTestApp, makeLot };\n",
    'src/review/registry/reach-in.ts':
      "import { getLot } from '../../registry/lot.service.ts';\nexport { getLot };\n",
    'src/review/registry/door.ts':
      "import { getLot } from '../../registry/index.ts';\nimport { registerReviewHandler } from '../review.handlers.ts';\nexport { getLot, registerReviewHandler };\n",
    'src/face.ts': "import { getLot } from './registry/lot.service.ts';\nexport { getLot };\n",
    'src/face-door.ts': "import { getLot } from './registry/index.ts';\nexport { getLot };\n",
    'src/db/tables.ts': "export * from '../stamps/stamps.schema.ts';\n",
    'src/db/reach-in.ts': "export * from '../stamps/stamps.service.ts';\n",
  };
  const expected: Record<string, boolean> = {
    'src/stamps/reach-in.ts': true,
    'src/stamps/door.ts': false,
    'src/stamps/own.ts': false,
    'src/stamps/re-export.ts': true,
    'src/stamps/side-effect.ts': true,
    'src/stamps/dynamic.ts': true,
    'src/stamps/test-door.ts': true,
    'src/trace/reach-in.test.ts': true,
    'src/trace/door.test.ts': false,
    'src/review/registry/reach-in.ts': true,
    'src/review/registry/door.ts': false,
    'src/face.ts': true,
    'src/face-door.ts': false,
    'src/db/tables.ts': false,
    'src/db/reach-in.ts': true,
  };
  let scratch: string;
  let found: Map<string, string[]>;

  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-front-doors-'));
    fs.copyFileSync(path.join(repo, 'biome.json'), path.join(scratch, 'biome.json'));
    for (const [file, text] of Object.entries(probes)) {
      fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      fs.writeFileSync(path.join(scratch, file), text);
    }
    const biome = path.join(repo, 'node_modules', '.bin', 'biome');
    const run = spawnSync(
      biome,
      ['lint', '--only=style/noRestrictedImports', '--reporter=json', '--max-diagnostics=none', 'src'],
      { cwd: scratch, encoding: 'utf8' },
    );
    const report = JSON.parse(run.stdout) as {
      diagnostics: { category: string; message: string; location: { path: string } }[];
    };
    found = new Map();
    for (const d of report.diagnostics) {
      const file = d.location.path.split(path.sep).join('/');
      found.set(file, [...(found.get(file) ?? []), `${d.category}: ${d.message}`]);
    }
  });

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it.each(Object.entries(expected))('%s: refused %s', (file, refused) => {
    const diagnostics = found.get(file) ?? [];
    if (!refused) expect(diagnostics).toEqual([]);
    else {
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatch(/^lint\/style\/noRestrictedImports: Front-door rule/);
    }
  });
});
