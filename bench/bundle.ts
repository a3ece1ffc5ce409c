/**
 * The back office's weight on the wire, from its build (run `npm run build:web` first).
 *
 *   npx tsx bench/bundle.ts            # src/web/dist
 *   npx tsx bench/bundle.ts --dir=path
 *
 * Prints every script and stylesheet raw, gzip -9 and brotli 11, then what index.html makes the browser fetch
 * before the first page runs (its module script, the chunks it modulepreloads, its stylesheets) and the total.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type AssetSize, assetSize, firstLoad, sum } from '../src/backoffice/bundle-size.ts';

const dirArg = process.argv.find((a) => a.startsWith('--dir='))?.slice(6);
const root = path.resolve(dirArg ?? 'src/web/dist');
const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const row = (name: string, s: Omit<AssetSize, 'file'>) =>
  console.log(`| ${name} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.br)} |`);

const files = fs
  .readdirSync(path.join(root, 'assets'))
  .filter((f) => /\.(js|css)$/.test(f))
  .map((f) => assetSize(root, `assets/${f}`))
  .sort((a, b) => b.raw - a.raw);
console.log('| file | raw | gzip | br |\n|---|---:|---:|---:|');
for (const f of files) row(f.file, f);

const first = firstLoad(root);
const scripts = first.scripts.map((f) => assetSize(root, f));
const styles = first.styles.map((f) => assetSize(root, f));
console.log('\n| what | raw | gzip | br |\n|---|---:|---:|---:|');
row(`first script (${scripts.length} file${scripts.length === 1 ? '' : 's'})`, sum(scripts));
row('first stylesheet', sum(styles));
row(
  `all scripts (${files.filter((f) => f.file.endsWith('.js')).length})`,
  sum(files.filter((f) => f.file.endsWith('.js'))),
);
row('all scripts and stylesheets', sum(files));
