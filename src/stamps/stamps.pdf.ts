import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { carrierMatrix } from './stamps.carriers.ts';

const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf'),
};

export interface Label {
  /** What the 2D code holds: the Digital Link URI (QR) or the element string (DataMatrix). */
  code: string;
  /** Human-readable form printed under the code. */
  humanReadable: string;
  productName: string;
  lot: string | null;
  productionDate: string | null; // YYYY-MM-DD
  expiryDate: string | null;
}

const mm = 72 / 25.4;
const layouts = {
  a4: { page: [210 * mm, 297 * mm], columns: 3, rows: 8, margin: 10 * mm },
  roll: { page: [50 * mm, 30 * mm], columns: 1, rows: 1, margin: 1.5 * mm },
} as const;

/** Dates are printed the Vietnamese way: dd/mm/yyyy. */
export const formatDateVi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Label sheets: A4 (3 × 8 labels with cut lines) or a roll (one 50 × 30 mm label per page). The code is drawn
 * as vector rectangles, so it stays sharp at any printer resolution.
 */
export function renderLabelSheet(
  labels: Label[],
  opts: { layout: 'a4' | 'roll'; carrier: 'qr' | 'datamatrix'; title: string },
): Promise<Buffer> {
  const layout = layouts[opts.layout];
  const doc = new PDFDocument({
    size: [...layout.page],
    margin: 0,
    autoFirstPage: false,
    info: { Title: opts.title },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const perPage = layout.columns * layout.rows;
  const cellW = (layout.page[0] - 2 * layout.margin) / layout.columns;
  const cellH = (layout.page[1] - 2 * layout.margin) / layout.rows;
  labels.forEach((label, i) => {
    if (i % perPage === 0) doc.addPage();
    const x = layout.margin + (i % layout.columns) * cellW;
    const y = layout.margin + Math.floor((i % perPage) / layout.columns) * cellH;
    if (opts.layout === 'a4') doc.rect(x, y, cellW, cellH).lineWidth(0.3).strokeColor('#bbbbbb').stroke();
    drawLabel(doc, label, opts.carrier, x, y, cellW, cellH);
  });
  doc.end();
  return done;
}

const fittedNames = new Map<string, string>();
/** The product name cut to about two lines; every label of a sheet shares it, so it is measured once. */
function fitted(doc: PDFKit.PDFDocument, name: string, width: number): string {
  const key = `${name}|${width}`;
  let out = fittedNames.get(key);
  if (out === undefined) {
    out = name;
    while (out.length > 1 && doc.widthOfString(out) > width * 0.92) out = out.slice(0, -1);
    if (out !== name) out = `${out.trimEnd()}…`;
    fittedNames.set(key, out);
  }
  return out;
}

function drawLabel(
  doc: PDFKit.PDFDocument,
  label: Label,
  carrier: 'qr' | 'datamatrix',
  x: number,
  y: number,
  w: number,
  h: number,
) {
  const pad = 1.5 * mm;
  const codeSize = h - 2 * pad;
  drawMatrix(doc, carrierMatrix(carrier, label.code), x + pad, y + pad, codeSize);
  const tx = x + codeSize + 2 * pad;
  const tw = w - codeSize - 3 * pad;
  const big = h > 25 * mm;
  doc
    .fillColor('black')
    .font('bold')
    .fontSize(big ? 7.5 : 6);
  doc.text(fitted(doc, label.productName, tw * 2), tx, y + pad, { width: tw, height: big ? 20 : 14 });
  doc.font('regular').fontSize(big ? 6.5 : 5.5);
  const lines = [
    label.lot ? `Lô: ${label.lot}` : null,
    label.productionDate ? `NSX: ${formatDateVi(label.productionDate)}` : null,
    label.expiryDate ? `HSD: ${formatDateVi(label.expiryDate)}` : null,
  ].filter((l): l is string => l !== null);
  let ly = y + pad + (big ? 22 : 15);
  for (const line of lines) {
    doc.text(line, tx, ly, { width: tw, lineBreak: false });
    ly += big ? 8.5 : 7;
  }
  doc.fontSize(big ? 5.5 : 4.5).text(label.humanReadable, tx, y + h - pad - (big ? 14 : 11), {
    width: tw,
    height: big ? 14 : 11,
  });
}

/**
 * The code as one path of rectangles (one per run of dark modules), written straight into the page content:
 * pdfkit's per-rectangle API costs more than the rest of the label together. A 4-module quiet zone stays white.
 */
function drawMatrix(
  doc: PDFKit.PDFDocument,
  m: { size: number; rows: Uint8Array[] },
  x: number,
  y: number,
  size: number,
) {
  const quiet = 4;
  const unit = size / (m.size + 2 * quiet);
  // in module units after the `cm`: integers only, short to write and to compress
  const parts: string[] = [
    'q 1 g',
    `${x.toFixed(2)} ${y.toFixed(2)} ${size.toFixed(2)} ${size.toFixed(2)} re f`,
    `0 g ${unit.toFixed(4)} 0 0 ${unit.toFixed(4)} ${(x + quiet * unit).toFixed(3)} ${(y + quiet * unit).toFixed(3)} cm`,
  ];
  m.rows.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c++;
      parts.push(`${start} ${r} ${c - start} 1 re`);
    }
  });
  parts.push('f Q');
  doc.addContent(parts.join('\n'));
}
