import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ReportView } from './reports.api.ts';
import {
  dateVi,
  formatNumber,
  metText,
  placeDate,
  resultText,
  targetText,
  taskStateText,
} from './reports.words.ts';

const require = createRequire(import.meta.url);
const font = (path: string) => require.resolve(`@expo-google-fonts/be-vietnam-pro/${path}`);
const fonts = {
  regular: font('400Regular/BeVietnamPro_400Regular.ttf'),
  italic: font('400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf'),
  bold: font('700Bold/BeVietnamPro_700Bold.ttf'),
  boldItalic: font('700Bold_Italic/BeVietnamPro_700Bold_Italic.ttf'),
};

const mm = 72 / 25.4;
// Decree 30/2020/NĐ-CP, appendix I: A4, margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm
const margins = { top: 20 * mm, bottom: 20 * mm, left: 30 * mm, right: 15 * mm };
const pageWidth = 210 * mm;
const pageHeight = 297 * mm;
const contentWidth = pageWidth - margins.left - margins.right;
const bottomLimit = pageHeight - margins.bottom;
const ink = '#000000';
const grey = '#555555';

type Doc = PDFKit.PDFDocument;
type FontName = keyof typeof fonts;

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** Writes text centred in a column [x, x + width) at y; returns the y below it. */
function centred(doc: Doc, text: string, x: number, width: number, y: number, f: FontName, size: number) {
  doc.font(f).fontSize(size).fillColor(ink);
  doc.text(text, x, y, { width, align: 'center' });
  return doc.y;
}

/** The large, pale "DỰ THẢO" across a draft's page. */
function draftMark(doc: Doc) {
  doc.save();
  doc.rotate(-35, { origin: [pageWidth / 2, pageHeight / 2] });
  doc.font('bold').fontSize(96).fillColor('#d23c3c').fillOpacity(0.13);
  doc.text('DỰ THẢO', 0, pageHeight / 2 - 60, { width: pageWidth, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillOpacity(1).fillColor(ink);
}

/** A bordered table with a header row repeated on each page it runs onto. */
function table(doc: Doc, columns: Column[], rows: string[][], colours: (string | null)[][] = []) {
  const pad = 3;
  const size = 10;
  const header = () => {
    doc.font('bold').fontSize(size);
    const h =
      Math.max(...columns.map((c) => doc.heightOfString(c.title, { width: c.width - 2 * pad }))) + 2 * pad;
    let x = margins.left;
    const y = doc.y;
    doc.rect(margins.left, y, contentWidth, h).fillColor('#eef1f5').fill().fillColor(ink);
    for (const c of columns) {
      doc.rect(x, y, c.width, h).lineWidth(0.5).strokeColor(ink).stroke();
      doc.text(c.title, x + pad, y + pad, { width: c.width - 2 * pad, align: 'center' });
      x += c.width;
    }
    doc.y = y + h;
  };
  header();
  rows.forEach((cells, r) => {
    doc.font('regular').fontSize(size);
    const h =
      Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: columns[i]!.width - 2 * pad }))) +
      2 * pad;
    if (doc.y + h > bottomLimit) {
      doc.addPage();
      header();
      doc.font('regular').fontSize(size);
    }
    const y = doc.y;
    let x = margins.left;
    cells.forEach((text, i) => {
      const c = columns[i]!;
      doc.rect(x, y, c.width, h).lineWidth(0.5).strokeColor(ink).stroke();
      const colour = colours[r]?.[i];
      doc.font(colour ? 'bold' : 'regular').fillColor(colour ?? ink);
      doc.text(text, x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
      doc.fillColor(ink);
      x += c.width;
    });
    doc.y = y + h;
  });
  doc.x = margins.left;
}

function heading(doc: Doc, text: string) {
  if (doc.y + 60 > bottomLimit) doc.addPage();
  doc.moveDown(0.6);
  doc.font('bold').fontSize(12).fillColor(ink).text(text, margins.left, doc.y, { width: contentWidth });
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: string, f: FontName = 'regular') {
  doc.font(f).fontSize(12).fillColor(ink);
  doc.text(text, margins.left, doc.y, { width: contentWidth, align: 'justify', indent: 10 * mm, lineGap: 2 });
  doc.moveDown(0.2);
}

/** The column widths of a table, from proportions of the text width. */
const widths = (...parts: number[]) => {
  const sum = parts.reduce((a, b) => a + b, 0);
  return parts.map((p) => (p / sum) * contentWidth);
};

const metColour = (met: boolean | null) => (met === null ? grey : met ? '#1b7f3b' : '#c0392b');

/** A sentence summing up the indicators and tasks, the start of the general assessment. */
function assessment(report: ReportView): string {
  const c = report.content;
  const judged = c.indicators.filter((i) => i.met !== null);
  const met = judged.filter((i) => i.met).length;
  const done = c.tasks.filter((t) => t.state === 'done').length;
  const late = c.tasks.filter((t) => t.overdue && t.state !== 'done').length;
  const parts = [
    c.indicators.length
      ? `Trong kỳ, ${formatNumber(met)}/${formatNumber(judged.length)} chỉ tiêu được đánh giá đạt mục tiêu đề ra` +
        (c.indicators.length > judged.length
          ? `; ${formatNumber(c.indicators.length - judged.length)} chỉ tiêu chưa đủ số liệu hoặc chưa giao mục tiêu để đánh giá`
          : '')
      : 'Kế hoạch chưa có chỉ tiêu để đánh giá',
    c.tasks.length
      ? `${formatNumber(done)}/${formatNumber(c.tasks.length)} nhiệm vụ đã hoàn thành${late ? `, ${formatNumber(late)} nhiệm vụ quá hạn chưa hoàn thành` : ''}`
      : 'kế hoạch chưa có nhiệm vụ',
  ];
  return `${parts.join('; ')}.`;
}

/**
 * The report as an administrative document (Decree 30/2020/NĐ-CP): the agency and the national motto, number and
 * date, the title and subject, the indicators against their targets, the tasks, the key figures, the recipients
 * and the signature block. A draft is marked "DỰ THẢO" across every page.
 */
export function reportPdf(report: ReportView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    info: { Title: `Báo cáo ${report.title}`, Author: report.agency.name },
  });
  for (const [name, path] of Object.entries(fonts)) doc.registerFont(name, path);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const draft = report.state !== 'issued';
  const c = report.content;
  const when = report.issuedAt ? new Date(report.issuedAt) : new Date();

  // header: the agency on the left, the national name and motto on the right
  const leftW = contentWidth * 0.42;
  const rightX = margins.left + leftW;
  const rightW = contentWidth - leftW;
  const top = margins.top;
  centred(doc, report.agency.parent, margins.left, leftW, top, 'regular', 12);
  const agencyBottom = centred(doc, report.agency.name, margins.left, leftW, doc.y, 'bold', 12);
  centred(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, rightW, top, 'bold', 12);
  const mottoY = doc.y;
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const mottoBottom = centred(doc, motto, rightX, rightW, mottoY, 'bold', 13);
  // the lines under the agency (a third of its width) and under the motto (as wide as it)
  doc.lineWidth(0.6).strokeColor(ink);
  const agencyRule = doc.font('bold').fontSize(12).widthOfString(report.agency.name) / 3;
  const leftMid = margins.left + leftW / 2;
  doc
    .moveTo(leftMid - agencyRule / 2, agencyBottom + 2)
    .lineTo(leftMid + agencyRule / 2, agencyBottom + 2)
    .stroke();
  const mottoWidth = doc.font('bold').fontSize(13).widthOfString(motto);
  const rightMid = rightX + rightW / 2;
  doc
    .moveTo(rightMid - mottoWidth / 2, mottoBottom + 1)
    .lineTo(rightMid + mottoWidth / 2, mottoBottom + 1)
    .stroke();

  const lineY = Math.max(agencyBottom, mottoBottom) + 10;
  centred(doc, `Số: ${report.number ?? '        /BC-SKHCN'}`, margins.left, leftW, lineY, 'regular', 12);
  centred(doc, placeDate(report.agency.place, when), rightX, rightW, lineY, 'italic', 12);

  // title and subject
  let y = doc.y + 24;
  if (draft) {
    doc.font('bold').fontSize(11).fillColor('#c0392b');
    const w = doc.widthOfString('DỰ THẢO') + 16;
    doc
      .rect(pageWidth - margins.right - w, margins.top - 14 * mm, w, 20)
      .lineWidth(1)
      .strokeColor('#c0392b')
      .stroke();
    doc.text('DỰ THẢO', pageWidth - margins.right - w, margins.top - 14 * mm + 5, {
      width: w,
      align: 'center',
    });
    doc.fillColor(ink).strokeColor(ink);
  }
  y = centred(doc, 'BÁO CÁO', margins.left, contentWidth, y, 'bold', 14);
  y = centred(doc, report.title, margins.left + 20 * mm, contentWidth - 40 * mm, y + 2, 'bold', 13);
  const mid = margins.left + contentWidth / 2;
  doc
    .lineWidth(0.6)
    .moveTo(mid - 30 * mm, y + 4)
    .lineTo(mid + 30 * mm, y + 4)
    .stroke();
  doc.y = y + 18;
  doc.x = margins.left;

  const basis = c.plan
    ? `Thực hiện ${c.plan.title}${c.plan.decisionNumber ? ` (ban hành kèm theo Quyết định số ${c.plan.decisionNumber}${c.plan.decisionDate ? ` ngày ${dateVi(c.plan.decisionDate)}` : ''})` : ''}, `
    : '';
  paragraph(
    doc,
    `${basis}Sở Khoa học và Công nghệ báo cáo kết quả thực hiện từ ngày ${dateVi(report.periodFrom)} đến ngày ${dateVi(report.periodTo)} như sau (số liệu tính đến hết ngày ${dateVi(report.periodTo)}):`,
  );

  heading(doc, 'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU');
  if (c.indicators.length) {
    const w = widths(7, 50, 15, 20, 14);
    table(
      doc,
      [
        { title: 'STT', width: w[0]!, align: 'center' },
        { title: 'Chỉ tiêu', width: w[1]! },
        { title: 'Mục tiêu', width: w[2]!, align: 'center' },
        { title: 'Kết quả', width: w[3]!, align: 'center' },
        { title: 'Đánh giá', width: w[4]!, align: 'center' },
      ],
      c.indicators.map((i, n) => [
        String(n + 1),
        `${i.code}. ${i.name}`,
        targetText(i),
        resultText(i),
        metText(i.met),
      ]),
      c.indicators.map((i) => [null, null, null, null, metColour(i.met)]),
    );
  } else paragraph(doc, 'Kế hoạch chưa có chỉ tiêu.', 'italic');

  heading(doc, 'II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ');
  if (c.tasks.length) {
    const w = widths(7, 40, 20, 16, 19);
    table(
      doc,
      [
        { title: 'STT', width: w[0]!, align: 'center' },
        { title: 'Nhiệm vụ', width: w[1]! },
        { title: 'Đơn vị thực hiện', width: w[2]! },
        { title: 'Thời hạn', width: w[3]!, align: 'center' },
        { title: 'Tình hình thực hiện', width: w[4]!, align: 'center' },
      ],
      c.tasks.map((t, n) => [String(n + 1), t.what, t.who, dateVi(t.deadline), taskStateText(t)]),
      c.tasks.map((t) => [
        null,
        null,
        null,
        null,
        t.state === 'done' ? '#1b7f3b' : t.overdue ? '#c0392b' : null,
      ]),
    );
  } else paragraph(doc, 'Kế hoạch chưa có nhiệm vụ.', 'italic');

  heading(doc, 'III. MỘT SỐ SỐ LIỆU CHỦ YẾU');
  const fw = widths(7, 53, 20, 20);
  table(
    doc,
    [
      { title: 'STT', width: fw[0]!, align: 'center' },
      { title: 'Nội dung', width: fw[1]! },
      { title: 'Trong kỳ', width: fw[2]!, align: 'right' },
      { title: `Lũy kế đến ${dateVi(report.periodTo)}`, width: fw[3]!, align: 'right' },
    ],
    c.figures.map((f, n) => [String(n + 1), f.label.vi, formatNumber(f.inPeriod), formatNumber(f.total)]),
  );

  heading(doc, 'IV. ĐÁNH GIÁ CHUNG, KIẾN NGHỊ');
  paragraph(doc, assessment(report));
  for (const p of (report.notes ?? '').split(/\n+/).filter((s) => s.trim())) paragraph(doc, p.trim());

  // recipients bottom-left, signature block bottom-right, kept together on one page
  const recipients = report.recipients.map((r, i, all) => `- ${r}${i === all.length - 1 ? '.' : ';'}`);
  doc.font('regular').fontSize(11);
  const blockH = Math.max(16 + recipients.length * 14, 110);
  if (doc.y + 16 + blockH > bottomLimit) doc.addPage();
  const blockY = doc.y + 16;
  const halfW = contentWidth / 2;
  doc
    .font('boldItalic')
    .fontSize(12)
    .fillColor(ink)
    .text('Nơi nhận:', margins.left, blockY, { width: halfW });
  doc.font('regular').fontSize(11);
  for (const r of recipients) doc.text(r, margins.left, doc.y, { width: halfW - 10 });
  const signX = margins.left + halfW;
  let sy = centred(doc, (report.signerTitle ?? '').toLocaleUpperCase('vi'), signX, halfW, blockY, 'bold', 13);
  if (draft) sy = centred(doc, '(chưa ký, chưa ban hành)', signX, halfW, sy, 'italic', 11);
  centred(doc, report.signerName ?? '', signX, halfW, sy + 60, 'bold', 13);

  // page numbers from the second page, top centre; the draft mark on every page
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    if (draft) draftMark(doc);
    if (p > range.start) {
      doc.font('regular').fontSize(12).fillColor(ink);
      doc.text(String(p - range.start + 1), margins.left, 10 * mm, {
        width: contentWidth,
        align: 'center',
        lineBreak: false,
      });
    }
  }
  doc.end();
  return done;
}
