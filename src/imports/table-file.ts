import type { Options } from 'csv-parse';
import { type CastingContext, CsvError, parse } from 'csv-parse/sync';
import { badRequest } from '../platform/index.ts';
import {
  cellErrors,
  type SheetLimits,
  type SheetRecord,
  tooManyColumns,
  tooManyRows,
} from './sheet-records.ts';
import { readXlsxRecords } from './xlsx-rows.ts';

export interface TableRow {
  /** the row number a spreadsheet shows (the header is row 1) */
  row: number;
  values: Record<string, string>;
}

export interface Table {
  format: 'csv' | 'xlsx';
  header: string[];
  rows: TableRow[];
}

export const MAX_ROWS = 5000;

export const sheetLimits: SheetLimits = { rows: MAX_ROWS, columns: 100, cellChars: 32_767 };

/**
 * Physical lines a CSV may have: every row, with room for blank lines and cells that run over several lines. A
 * file of nothing but line breaks kept the parser busy for 50 s; counting them first costs milliseconds.
 */
const maxCsvLines = MAX_ROWS * 4 + 1;

const isZip = (buf: Buffer) =>
  buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 3 && buf[3] === 4;

const unreadable = (code: string, params?: Record<string, unknown>) =>
  badRequest([{ field: '/body/file', code, params }], 'imports-unreadable');

/** Reads a CSV (UTF-8, with or without BOM, comma or semicolon) or XLSX upload into header + rows. */
export async function readTable(bytes: Buffer): Promise<Table> {
  const format = isZip(bytes) ? 'xlsx' : 'csv';
  const records = format === 'xlsx' ? await readXlsxRecords(bytes, sheetLimits) : readCsv(bytes);
  const table = fromRecords(format, records);
  if (!table.header.length) throw unreadable('imports.empty');
  const errors = cellErrors(records, table.header, sheetLimits);
  if (errors.length) throw badRequest(errors, 'imports-unreadable');
  return table;
}

function readCsv(bytes: Buffer): SheetRecord[] {
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw unreadable('imports.notUtf8');
  if (hasMoreLinesThan(text, maxCsvLines)) throw tooManyRows(sheetLimits);
  const delimiter = delimiterOf(text);
  let filled = 0;
  try {
    const options: Options<SheetRecord, string[]> = {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      // a row longer than its cells could be (Excel's cell limit × the column limit) is not a table
      max_record_size: sheetLimits.cellChars * sheetLimits.columns,
      // called for every field as it ends: a line of a million commas stops at the column limit, not after
      cast: (value: string, context: CastingContext) => {
        if (context.index >= sheetLimits.columns) throw tooManyColumns(sheetLimits);
        return value;
      },
      on_record: (cells, info): SheetRecord | null => {
        if (cells.every((c) => !c)) return null;
        if (++filled > sheetLimits.rows + 1) throw tooManyRows(sheetLimits);
        return { row: info.records, cells };
      },
    };
    // the typings tie a record type to `columns`; here on_record makes the records
    return parse(text, options as unknown as Options) as unknown as SheetRecord[];
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    throw unreadable('imports.malformedCsv', { line: err.lines ?? '?', reason: err.code ?? '' });
  }
}

function hasMoreLinesThan(text: string, max: number): boolean {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1 && lines <= max; at = text.indexOf('\n', at + 1)) lines++;
  return lines > max;
}

/** Semicolon when the header has more of them than commas (Excel's CSV in a Vietnamese locale), else comma. */
function delimiterOf(text: string): ';' | ',' {
  const end = text.indexOf('\n');
  // a header is short: looking further into a line of a million commas only costs time
  const firstLine = text.slice(0, Math.min(end === -1 ? text.length : end, 64 * 1024));
  let semicolons = 0;
  let commas = 0;
  for (const c of firstLine) {
    if (c === ';') semicolons++;
    else if (c === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

function fromRecords(format: Table['format'], records: SheetRecord[]): Table {
  const [headerRecord, ...body] = records;
  const header = (headerRecord?.cells ?? []).map((h) => h.trim().toLowerCase());
  const rows: TableRow[] = body.map(({ row, cells }) => {
    const values: Record<string, string> = {};
    header.forEach((key, col) => {
      if (key) values[key] = (cells[col] ?? '').trim();
    });
    return { row, values };
  });
  return { format, header, rows };
}
