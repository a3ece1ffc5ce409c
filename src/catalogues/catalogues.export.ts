import ExcelJS from 'exceljs';
import type { ComplianceRow, ComplianceView } from './catalogues.api.ts';

const yesNo = (v: boolean) => (v ? 'Có' : 'Chưa có');

export const gapWords: Record<ComplianceRow['gaps'][number], string> = {
  traceability: 'chưa có hệ thống truy xuất',
  approved_data: 'dữ liệu chưa được duyệt',
  stamps: 'chưa dùng tem',
  recent_events: 'không có sự kiện trong 90 ngày',
};

const columns: { header: string; width: number; cell: (r: ComplianceRow) => string | number }[] = [
  { header: 'Tổ chức / Organisation', width: 36, cell: (r) => r.organisationName },
  { header: 'Ngành / Sector', width: 16, cell: (r) => r.sector },
  { header: 'Mã xã / Commune', width: 12, cell: (r) => r.communeCode ?? '' },
  { header: 'Sản phẩm / Product', width: 32, cell: (r) => r.productName },
  { header: 'GTIN', width: 17, cell: (r) => r.gtin },
  { header: 'Có truy xuất / Traceability', width: 14, cell: (r) => yesNo(r.traceability) },
  { header: 'Dữ liệu đã duyệt / Approved data', width: 14, cell: (r) => yesNo(r.approvedData) },
  { header: 'Đang dùng tem / Stamps', width: 14, cell: (r) => yesNo(r.stampsInUse) },
  { header: 'Sự kiện 90 ngày / Events 90 days', width: 14, cell: (r) => r.recentEvents },
  {
    header: 'Đồng bộ cổng quốc gia / National sync',
    width: 18,
    cell: () => 'Chưa có (chưa xây dựng)',
  },
  { header: 'Thiếu / Gaps', width: 48, cell: (r) => r.gaps.map((g) => gapWords[g]).join('; ') },
];

/** The compliance view as a workbook: one row per listed product, its organisation and what it lacks. */
export async function complianceXlsx(view: ComplianceView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tuân thủ - Compliance', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ key: `c${i}`, header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of view.rows)
    sheet.addRow(Object.fromEntries(columns.map((c, i) => [`c${i}`, c.cell(row)])));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
