import type { Config } from './config.ts';
import { openDatabase } from './db.ts';
import { detachPartitionsBefore, listPartitions, maintainPartitions } from './partitions.ts';

const usage = `Usage: txng partitions [list]
       txng partitions maintain
       txng partitions detach --before YYYY-MM
`;

/**
 * `txng partitions`: the monthly partitions of epcis_events and stamp_scans (decision 054). `list` shows each with its
 * rows (the planner's estimate) and size; `maintain` makes this month and the next ones now (the program does it when
 * it opens the database and daily); `detach --before 2020-01` detaches older months for archive (docs/operations.md).
 */
export async function runPartitionsCommand(args: string[], config: Config, out: NodeJS.WritableStream) {
  const [command = 'list', ...rest] = args;
  let before: string | undefined;
  if (command === 'detach') {
    const at = rest.findIndex((a) => a === '--before' || a.startsWith('--before='));
    before = at < 0 ? undefined : rest[at].includes('=') ? rest[at].split('=')[1] : rest[at + 1];
    if (!before || !/^\d{4}-(0[1-9]|1[0-2])$/.test(before)) {
      out.write(usage);
      return 2;
    }
  } else if (command !== 'list' && command !== 'maintain') {
    out.write(usage);
    return 2;
  }
  const database = await openDatabase(config);
  try {
    if (command === 'maintain') {
      out.write(`Made ${await maintainPartitions(database.db)} partition(s).\n`);
    } else if (command === 'detach') {
      const detached = await detachPartitionsBefore(database.db, before!);
      for (const name of detached) out.write(`Detached ${name}\n`);
      out.write(
        detached.length
          ? `${detached.length} partition(s) detached: dump each (pg_dump -t <name>), then DROP TABLE it.\n`
          : `No partition before ${before}.\n`,
      );
    } else {
      out.write('table         partition                  month     rows (est.)        size\n');
      for (const p of await listPartitions(database.db))
        out.write(
          `${p.table.padEnd(13)} ${p.name.padEnd(26)} ${(p.month ?? 'default').padEnd(9)} ${String(Math.max(p.estimatedRows, 0)).padStart(11)} ${`${(p.bytes / 1048576).toFixed(1)} MB`.padStart(11)}\n`,
        );
    }
    return 0;
  } finally {
    await database.close();
  }
}
