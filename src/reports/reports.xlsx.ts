import ExcelJS from 'exceljs';
import type { ReportView } from './reports.api.ts';
import {
  dateVi,
  metText,
  placeDate,
  resultText,
  sourceText,
  targetText,
  taskStateText,
} from './reports.words.ts';

const bold = { bold: true };
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * The report as a workbook: a first sheet with the document's header and the indicators against their targets,
 * then the tasks and the key figures, each a table with its own header row.
 */
export async function reportXlsx(report: ReportView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = report.agency.name;
  const c = report.content;
  const when = report.issuedAt ? new Date(report.issuedAt) : new Date();

  const main = wb.addWorksheet('Chỉ tiêu');
  main.columns = [{ width: 8 }, { width: 48 }, { width: 16 }, { width: 22 }, { width: 14 }, { width: 34 }];
  main.addRow([report.agency.parent, '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  main.addRow([report.agency.name, '', '', 'Độc lập - Tự do - Hạnh phúc']);
  main.addRow([`Số: ${report.number ?? '      '}`, '', '', placeDate(report.agency.place, when)]);
  main.addRow([]);
  main.addRow([report.state === 'issued' ? 'BÁO CÁO' : 'BÁO CÁO (DỰ THẢO)']);
  main.addRow([report.title]);
  main.addRow([
    `Kỳ báo cáo: từ ${dateVi(report.periodFrom)} đến ${dateVi(report.periodTo)}; số liệu đến hết ngày ${dateVi(report.periodTo)}`,
  ]);
  if (c.plan)
    main.addRow([`Theo: ${c.plan.title}${c.plan.decisionNumber ? ` (${c.plan.decisionNumber})` : ''}`]);
  for (const r of [1, 2]) main.getRow(r).font = bold;
  main.getRow(5).font = { bold: true, size: 14 };
  main.getRow(6).font = bold;
  main.addRow([]);
  const head = main.addRow(['Mã', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá', 'Nguồn số liệu']);
  head.font = bold;
  head.eachCell((cell) => {
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  });
  for (const i of c.indicators) {
    const row = main.addRow([i.code, i.name, targetText(i), resultText(i), metText(i.met), sourceText(i)]);
    row.eachCell((cell) => {
      cell.border = border;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    row.getCell(5).font = {
      bold: true,
      color: { argb: i.met === null ? 'FF666666' : i.met ? 'FF1B7F3B' : 'FFC0392B' },
    };
  }
  if (!c.indicators.length) main.addRow(['', 'Kế hoạch chưa có chỉ tiêu.']);

  const tasks = wb.addWorksheet('Nhiệm vụ');
  tasks.columns = [
    { header: 'STT', width: 6 },
    { header: 'Nhiệm vụ', width: 56 },
    { header: 'Đơn vị thực hiện', width: 28 },
    { header: 'Thời hạn', width: 12 },
    { header: 'Tình hình thực hiện', width: 24 },
    { header: 'Minh chứng', width: 12 },
  ];
  tasks.getRow(1).font = bold;
  c.tasks.forEach((t, n) => {
    const row = tasks.addRow([n + 1, t.what, t.who, dateVi(t.deadline), taskStateText(t), t.evidenceCount]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });

  const figures = wb.addWorksheet('Số liệu chủ yếu');
  figures.columns = [
    { header: 'Nội dung', width: 44 },
    { header: 'Trong kỳ', width: 16 },
    { header: `Lũy kế đến ${dateVi(report.periodTo)}`, width: 22 },
  ];
  figures.getRow(1).font = bold;
  for (const f of c.figures) figures.addRow([f.label.vi, f.inPeriod, f.total]);
  figures.getColumn(2).numFmt = '#,##0';
  figures.getColumn(3).numFmt = '#,##0';

  main.addRow([]);
  if (report.notes) {
    main.addRow(['Đánh giá chung, kiến nghị']).font = bold;
    const notes = main.addRow([report.notes]);
    main.mergeCells(notes.number, 1, notes.number, 6);
    notes.alignment = { wrapText: true, vertical: 'top' };
    notes.height = Math.min(400, 15 * Math.ceil(report.notes.length / 120));
    main.addRow([]);
  }
  main.addRow(['Nơi nhận:', '', '', report.signerTitle ?? '']).font = bold;
  const lines = Math.max(report.recipients.length, 1);
  for (let k = 0; k < lines; k++) main.addRow([report.recipients[k] ? `- ${report.recipients[k]};` : '']);
  main.addRow(['', '', '', report.signerName ?? '']).font = bold;
  main.addRow([
    `Số liệu ${report.state === 'issued' ? 'chốt khi ban hành' : 'tính'} lúc ${new Date(c.computedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}`,
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
