import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type Config, openDatabase } from '../platform/index.ts';
import { buildExportPackage } from './export.package.ts';

const usage = 'Usage: txng export-package <file.zip> [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n';
const isDay = (s: string | undefined) => s === undefined || /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * `txng export-package`: the province's package for a manual upload to the national portal, written to a file
 * (the same as `GET /api/sync/export` gives the department). Runs against the configured database, so the server
 * must be stopped when that is the embedded one.
 */
export async function runExportPackage(args: string[], config: Config, out: NodeJS.WritableStream) {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch {
    out.write(usage);
    return 2;
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  if (!file || positionals.length > 1 || !isDay(values.from) || !isDay(values.to)) {
    out.write(usage);
    return 2;
  }
  if (values.from && values.to && values.to < values.from) {
    out.write('The end date (--to) is before the start date (--from).\n');
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const { content, counts } = await buildExportPackage(database.db, {
      organisationIds: null,
      period: { from: values.from ?? null, to: values.to ?? null },
      baseUrl: config.baseUrl,
      provinceName: config.provinceName,
    });
    await fs.writeFile(file, content);
    const what = Object.entries(counts)
      .map(([name, n]) => `${n} ${name}`)
      .join(', ');
    out.write(`Wrote ${file}: ${what}.\n`);
    return 0;
  } finally {
    await database.close();
  }
}

const parse = (args: string[]) =>
  parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' } },
  });
