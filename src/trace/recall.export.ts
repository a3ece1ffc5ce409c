import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { RecallShipment, RecallStamps } from './recall.coverage.ts';
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

type Cells = Record<string, string | number | null>;

const stampKinds: Record<string, string> = { traceability: 'Truy xuất', anti_counterfeit: 'Chống giả' };
const shipmentStates: Record<string, string> = {
  pending: 'Chờ nhận',
  received: 'Đã nhận',
  disputed: 'Bị từ chối',
  outside: 'Ngoài hệ thống',
  sent: 'Đã gửi',
};

/** The stamps sheet: one row per range and lot, the serial runs written as `1-50, 61-70`. */
export const stampColumns: {
  key: string;
  header: string;
  width: number;
  cell: (s: RecallStamps) => Cells[string];
}[] = [
  { key: 'lot', header: 'Mã lô / Lot', width: 16, cell: (s) => s.lot },
  { key: 'gtin', header: 'GTIN', width: 17, cell: (s) => s.gtin },
  { key: 'kind', header: 'Loại tem / Stamp kind', width: 14, cell: (s) => stampKinds[s.kind] ?? s.kind },
  { key: 'owner', header: 'Chủ tem / Stamp owner', width: 30, cell: (s) => s.organisationName },
  {
    key: 'serials',
    header: 'Số sê-ri / Serials',
    width: 28,
    cell: (s) =>
      s.runs
        .map((r) =>
          r.firstSerial === r.lastSerial ? `${r.firstSerial}` : `${r.firstSerial}-${r.lastSerial}`,
        )
        .join(', '),
  },
  { key: 'issued', header: 'Đã gắn với lô / Issued', width: 12, cell: (s) => s.issued },
  { key: 'active', header: 'Đang kích hoạt / Active', width: 12, cell: (s) => s.active },
  { key: 'deactivated', header: 'Tạm ngưng / Deactivated', width: 12, cell: (s) => s.deactivated },
  { key: 'revoked', header: 'Đã hủy / Revoked', width: 12, cell: (s) => s.revoked },
  { key: 'scanned', header: 'Tem đã được quét / Scanned stamps', width: 14, cell: (s) => s.scanned },
  { key: 'scans', header: 'Lượt quét / Scans', width: 10, cell: (s) => s.scans },
];

/** The shipments sheet: one row per shipment and lot it carried. */
export const shipmentColumns: {
  key: string;
  header: string;
  width: number;
  cell: (s: RecallShipment) => Cells[string];
}[] = [
  { key: 'lot', header: 'Mã lô / Lot', width: 16, cell: (s) => s.lot },
  { key: 'gtin', header: 'GTIN', width: 17, cell: (s) => s.gtin },
  { key: 'sender', header: 'Bên gửi / Sender', width: 30, cell: (s) => s.sender },
  { key: 'receiver', header: 'Bên nhận / Receiver', width: 30, cell: (s) => s.receiver },
  { key: 'shippedAt', header: 'Ngày gửi / Shipped', width: 18, cell: (s) => vietnamTime(s.shippedAt) },
  { key: 'quantity', header: 'Số lượng / Quantity', width: 12, cell: (s) => s.quantity },
  { key: 'unit', header: 'Đơn vị / Unit', width: 10, cell: (s) => s.unit },
  { key: 'state', header: 'Trạng thái / State', width: 14, cell: (s) => shipmentStates[s.state] ?? s.state },
];

/** dd/mm/yyyy hh:mm in the province's time zone (UTC+7, no daylight saving). */
function vietnamTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/**
 * A text cell a spreadsheet would read as a formula (CSV injection, CWE-1236) gets a leading quote, so names
 * and references that producers typed stay text when a recall officer opens the file.
 */
export const defuseCell = (value: unknown) =>
  typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

/** CSV with a UTF-8 byte-order mark, so Excel reads the Vietnamese text right; one sheet of the report per file. */
export function recallCsv(report: RecallReport, sheet: 'events' | 'stamps' | 'shipments' = 'events'): string {
  if (sheet === 'stamps') return sheetCsv(report.stamps, stampColumns);
  if (sheet === 'shipments') return sheetCsv(report.shipments, shipmentColumns);
  return stringify(
    report.rows.map((row) =>
      Object.fromEntries(
        Object.entries({ ...row, date: row.date.toISOString() }).map(([k, v]) => [k, defuseCell(v)]),
      ),
    ),
    { header: true, bom: true, columns: recallColumns.map(({ key, header }) => ({ key, header })) },
  );
}

function sheetCsv<T>(rows: T[], columns: { key: string; header: string; cell: (row: T) => unknown }[]) {
  return stringify(
    rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, defuseCell(c.cell(row))]))),
    { header: true, bom: true, columns: columns.map(({ key, header }) => ({ key, header })) },
  );
}

function addSheet<T>(
  workbook: ExcelJS.Workbook,
  name: string,
  rows: T[],
  columns: { key: string; header: string; width: number; cell: (row: T) => unknown }[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(({ key, header, width }) => ({ key, header, width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.cell(row)])));
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
  addSheet(workbook, 'Tem - Stamps', report.stamps, stampColumns);
  addSheet(workbook, 'Lô hàng đã gửi - Shipments', report.shipments, shipmentColumns);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
