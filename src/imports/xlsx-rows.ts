import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { badRequest, Problem } from '../platform/index.ts';
import { type SheetLimits, type SheetRecord, tooManyColumns, tooManyRows } from './sheet-records.ts';
import { checkedWorkbookArchive } from './xlsx-archive.ts';

/** What the stream reader exposes at run time beyond its declared types: the sheet names it matched. */
interface NamedSheet {
  name?: string;
}
interface WorkbookModel {
  model?: { sheets?: { name?: string }[] };
}

/**
 * The first sheet of an .xlsx as records, streamed row by row: the archive is checked and capped first, reading
 * stops as soon as the row limit is passed, and only the cells' text is kept, never the workbook model.
 */
export async function readXlsxRecords(bytes: Buffer, limits: SheetLimits): Promise<SheetRecord[]> {
  const archive = await checkedWorkbookArchive(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([archive]), {
    sharedStrings: 'cache',
    // styles say which numbers are dates
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      const first = (reader as unknown as WorkbookModel).model?.sheets?.[0]?.name;
      if (first !== undefined && (sheet as unknown as NamedSheet).name !== first) continue;
      return await sheetRecords(sheet, limits);
    }
    return [];
  } catch (err) {
    if (err instanceof Problem) throw err;
    // the parser's own complaints (bad XML, a cell reference that is not one) are the file's fault
    throw badRequest([{ field: '/body/file', code: 'imports.malformedXlsx' }], 'imports-unreadable');
  }
}

async function sheetRecords(
  sheet: ExcelJS.stream.xlsx.WorksheetReader,
  limits: SheetLimits,
): Promise<SheetRecord[]> {
  const records: SheetRecord[] = [];
  let filled = 0;
  let previous = 0;
  for await (const row of sheet) {
    // a row without its number follows the one before, as in the file
    const number = Number.isSafeInteger(row.number) && row.number > previous ? row.number : previous + 1;
    previous = number;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column > limits.columns) throw tooManyColumns(limits);
      cells[column - 1] = cellText(cell.value);
    });
    const record = { row: number, cells: Array.from(cells, (c) => c ?? '') };
    if (record.cells.every((c) => !c)) continue;
    // the header is the first filled row; the limit counts the rows after it
    if (++filled > limits.rows + 1) throw tooManyRows(limits);
    records.push(record);
  }
  return records;
}

/** Excel stores a date-time without a zone: it is read as Vietnam local time. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 19)}+07:00`;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText
        .map((p) => p.text ?? '')
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}
