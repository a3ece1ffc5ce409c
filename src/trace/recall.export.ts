import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { RecallReport, RecallRow } from './recall.presenter.ts';

/** Spreadsheet columns: the FDA FSMA 204 key data elements, headed in Vietnamese and English. */
export const recallColumns: { key: keyof RecallRow; header: string; width: number }[] = [
  { key: 'traceabilityLotCode', header: 'Mã lô truy xuất / Traceability lot code', width: 22 },
  { key: 'gtin', header: 'GTIN', width: 17 },
  { key: 'productDescription', header: 'Mô tả sản phẩm / Product description', width: 32 },
  { key: 'quantity', header: 'Số lượng / Quantity', width: 12 },
  { key: 'unitOfMeasure', header: 'Đơn vị / Unit of measure', width: 12 },
  { key: 'locationDescription', header: 'Địa điểm / Location description', width: 32 },
  { key: 'locationGln', header: 'GLN địa điểm / Location GLN', width: 16 },
  { key: 'date', header: 'Thời gian / Date', width: 18 },
  { key: 'event', header: 'Sự kiện (CTE) / Event', width: 16 },
  { key: 'referenceDocumentType', header: 'Loại chứng từ / Reference document type', width: 18 },
  { key: 'referenceDocumentNumber', header: 'Số chứng từ / Reference document number', width: 30 },
  { key: 'party', header: 'Bên ghi nhận / Party', width: 30 },
  { key: 'source', header: 'Bên giao / Source', width: 30 },
  { key: 'destination', header: 'Bên nhận / Destination', width: 30 },
  { key: 'affectedAs', header: 'Lý do ảnh hưởng / Affected as', width: 14 },
  { key: 'lotStatus', header: 'Trạng thái lô / Lot status', width: 12 },
  { key: 'identifier', header: 'Mã GS1 Digital Link', width: 48 },
];

/**
 * A text cell a spreadsheet would read as a formula (CSV injection, CWE-1236) gets a leading quote, so names
 * and references that producers typed stay text when a recall officer opens the file.
 */
export const defuseCell = (value: unknown) =>
  typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

/** CSV with a UTF-8 byte-order mark, so Excel reads the Vietnamese text right. */
export function recallCsv(report: RecallReport): string {
  return stringify(
    report.rows.map((row) =>
      Object.fromEntries(
        Object.entries({ ...row, date: row.date.toISOString() }).map(([k, v]) => [k, defuseCell(v)]),
      ),
    ),
    { header: true, bom: true, columns: recallColumns.map(({ key, header }) => ({ key, header })) },
  );
}

export async function recallXlsx(report: RecallReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(report.generatedAt);
  const sheet = workbook.addWorksheet('Thu hồi - Recall', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = recallColumns.map(({ key, header, width }) => ({ key, header, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn('date').numFmt = 'yyyy-mm-dd hh:mm';
  for (const row of report.rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: recallColumns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
