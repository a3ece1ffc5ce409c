import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { badRequest } from '../platform/index.ts';

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

const isZip = (buf: Buffer) =>
  buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 3 && buf[3] === 4;

/** Reads a CSV (UTF-8, with or without BOM, comma or semicolon) or XLSX upload into header + rows. */
export async function readTable(bytes: Buffer): Promise<Table> {
  const table = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  if (!table.header.length)
    throw badRequest([{ field: '/body/file', code: 'imports.empty' }], 'imports-unreadable');
  if (table.rows.length > MAX_ROWS)
    throw badRequest(
      [{ field: '/body/file', code: 'imports.tooManyRows', params: { max: MAX_ROWS } }],
      'imports-unreadable',
    );
  return table;
}

function readCsv(bytes: Buffer): Table {
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD'))
    throw badRequest([{ field: '/body/file', code: 'imports.notUtf8' }], 'imports-unreadable');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    });
  } catch (err: any) {
    throw badRequest(
      [
        {
          field: '/body/file',
          code: 'imports.malformedCsv',
          params: { line: err?.lines ?? '?', reason: err?.code ?? '' },
        },
      ],
      'imports-unreadable',
    );
  }
  return fromRecords('csv', records);
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as any);
  } catch {
    throw badRequest([{ field: '/body/file', code: 'imports.malformedXlsx' }], 'imports-unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { format: 'xlsx', header: [], rows: [] };
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cellText(cell.value);
    });
    records[rowNumber - 1] = Array.from(values, (v) => v ?? '');
  });
  return fromRecords(
    'xlsx',
    Array.from(records, (r) => r ?? []),
  );
}

/** Excel stores a date-time without a zone: it is read as Vietnam local time. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 19)}+07:00`;
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((p) => p.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
  }
  return String(value).trim();
}

function fromRecords(format: Table['format'], records: string[][]): Table {
  const [headerRow = [], ...body] = records;
  const header = headerRow.map((h) => h.trim().toLowerCase());
  const rows: TableRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => !c?.trim())) return;
    const values: Record<string, string> = {};
    header.forEach((key, col) => {
      if (key) values[key] = (cells[col] ?? '').trim();
    });
    rows.push({ row: i + 2, values });
  });
  return { format, header, rows };
}
