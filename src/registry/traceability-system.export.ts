import ExcelJS from 'exceljs';
import type { TraceabilitySystemCounts } from './traceability-system.schema.ts';

const sectorNames: Record<string, string> = {
  agriculture: 'Nông nghiệp và Môi trường',
  industry_trade: 'Công Thương',
  health: 'Y tế',
  other: 'Khác',
};

/** A cell a spreadsheet would read as a formula is written as text. */
const plain = (value: string) => (/^[=+\-@]/.test(value) ? `'${value}` : value);

/** The counts by sector and commune as a workbook: one row per sector and commune, then the totals. */
export async function traceabilitySystemsWorkbook(counts: TraceabilitySystemCounts): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Hệ thống TXNG - Systems', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { key: 'sector', header: 'Lĩnh vực / Sector', width: 28 },
    { key: 'commune', header: 'Xã, phường / Commune', width: 28 },
    { key: 'organisations', header: 'Số tổ chức / Organisations', width: 14 },
    { key: 'withSystem', header: 'Có hệ thống TXNG / With a system', width: 16 },
    { key: 'conformant', header: 'Đáp ứng đủ tiêu chí / Conformant', width: 16 },
    { key: 'connected', header: 'Đã kết nối / Connected', width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of counts.rows) {
    sheet.addRow({
      sector: row.sector ? (sectorNames[row.sector] ?? row.sector) : 'Chưa xác định',
      commune: plain(row.communeName ?? row.communeCode ?? 'Chưa xác định'),
      organisations: row.organisations,
      withSystem: row.withSystem,
      conformant: row.conformant,
      connected: row.connected,
    });
  }
  const total = sheet.addRow({ sector: 'Tổng cộng / Total', commune: '', ...counts.totals });
  total.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
