import JSZip from 'jszip';
import type { DbOrTx } from '../platform/index.ts';
import { epcisDocumentOf, eventsOf, type Period } from './export.events.ts';
import { approvedMasterData } from './export.masterdata.ts';
import { masterDataSheets, sheetCsv, sheetsXlsx } from './export.sheets.ts';

export interface ExportRequest {
  /** The organisations whose data goes in; null: the whole province. */
  organisationIds: string[] | null;
  period: Period;
  baseUrl: string;
  provinceName: string;
  now?: Date;
}

export const packageFiles = {
  events: 'epcis-events.jsonld',
  workbook: 'master-data.xlsx',
  readme: 'README.txt',
} as const;

const dayVi = (day: string | null) => (day ? day.split('-').reverse().join('/') : null);

function readme(req: ExportRequest, counts: Record<string, number>, now: Date) {
  const { from, to } = req.period;
  const period = from || to ? `từ ${dayVi(from) ?? 'đầu'} đến ${dayVi(to) ?? 'nay'}` : 'mọi thời điểm';
  const made = new Intl.DateTimeFormat('vi-VN', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(now);
  return [
    `Gói dữ liệu truy xuất nguồn gốc — ${req.provinceName}`,
    `Lập lúc ${made}. Sự kiện ${period}; dữ liệu chủ là bản đã được Sở phê duyệt.`,
    '',
    `${packageFiles.events}: ${counts.events} sự kiện theo chuẩn GS1 EPCIS 2.0 (JSON-LD), một EPCISDocument.`,
    `organisations.csv: ${counts.organisations} tổ chức (mã số thuế, GLN, địa chỉ).`,
    `locations.csv: ${counts.locations} địa điểm (GLN).`,
    `products.csv: ${counts.products} sản phẩm (GTIN, tên, nhóm, đơn vị, xuất xứ, mô tả, ảnh, định lượng).`,
    `lots.csv: ${counts.lots} lô sản xuất.`,
    `${packageFiles.workbook}: bốn bảng trên trong một tệp Excel.`,
    '',
    'Tệp CSV mã hóa UTF-8; nhiều giá trị trong một ô cách nhau bằng dấu chấm phẩy (;).',
    '',
  ].join('\r\n');
}

/**
 * The package for a manual upload where no connection to the national portal exists (issue 14 §2): the events of
 * the period as one EPCIS 2.0 JSON-LD document, and the approved master data as CSV files and one workbook.
 */
export async function buildExportPackage(db: DbOrTx, req: ExportRequest) {
  const now = req.now ?? new Date();
  const [data, events] = await Promise.all([
    approvedMasterData(db, req.organisationIds),
    eventsOf(db, req.organisationIds, req.period),
  ]);
  // an organisation's own events only once the department approved it; the program's own (stamps) with the province's
  const inScope = new Set(data.organisations.map((o) => o.id));
  const approvedEvents = events.filter((e) =>
    e.organisationId === null ? req.organisationIds === null : inScope.has(e.organisationId),
  );
  const sheets = masterDataSheets(data, { baseUrl: req.baseUrl, origin: `${req.provinceName}, Việt Nam` });
  const zip = new JSZip();
  zip.file(packageFiles.events, JSON.stringify(epcisDocumentOf(approvedEvents, now), null, 2));
  for (const sheet of sheets) zip.file(`${sheet.name}.csv`, sheetCsv(sheet));
  zip.file(packageFiles.workbook, await sheetsXlsx(sheets));
  const counts = {
    events: approvedEvents.length,
    ...Object.fromEntries(sheets.map((s) => [s.name, s.rows.length])),
  };
  zip.file(packageFiles.readme, readme(req, counts, now));
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { content, counts };
}
