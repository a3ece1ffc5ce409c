import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Column } from './columns.ts';

export type Cell = string | number | null;

/** CSV with a UTF-8 byte-order mark, so Excel shows Vietnamese letters right. */
export function toCsv(header: string[], rows: Cell[][]): Buffer {
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify([header, ...rows]))]);
}

/** One sheet with a frozen, filterable header row and readable column widths. */
export async function toXlsx(
  sheetName: string,
  header: string[],
  rows: Cell[][],
  guide?: { columns: Column[] },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TXNG';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  header.forEach((h, i) => {
    const longest = Math.max(h.length, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
  if (guide) {
    const help = workbook.addWorksheet('Hướng dẫn - Guide');
    help.addRow(['Cột / Column', 'Bắt buộc / Required', 'Tiếng Việt', 'English']).font = { bold: true };
    for (const c of guide.columns) help.addRow([c.key, c.required ? 'x' : '', c.vi, c.en]);
    help.columns.forEach((col, i) => {
      col.width = [24, 18, 60, 60][i];
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
