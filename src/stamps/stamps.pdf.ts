import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { carrierMatrix } from './stamps.carriers.ts';
import {
  type LabelContent,
  type LabelLayout,
  type LayoutName,
  labelLayouts,
  layoutLabel,
  type Rect,
} from './stamps.label-layout.ts';
import type { Measure } from './stamps.label-text.ts';

const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf'),
};

export type LabelCarrier = 'qr' | 'datamatrix' | 'gs1-datamatrix';

export interface Label extends LabelContent {
  /** What the 2D code holds: the Digital Link URI (QR, DataMatrix) or the element string (GS1 DataMatrix). */
  code: string;
}

export interface PlacedLabel {
  page: number;
  cell: Rect;
  layout: LabelLayout;
}

/** Text measured with the fonts the sheet draws with; widths are remembered, labels of a sheet repeat words. */
export function pdfMeasure(doc: PDFKit.PDFDocument = fontDocument()): Measure {
  const widths = new Map<string, number>();
  const heights = new Map<string, number>();
  return {
    width(text, font, size) {
      const key = `${font}|${size}|${text}`;
      let w = widths.get(key);
      if (w === undefined) {
        w = doc.font(font).fontSize(size).widthOfString(text);
        // every link is new, so a 20,000-label sheet would otherwise keep a few hundred thousand widths
        if (widths.size >= 10_000) widths.clear();
        widths.set(key, w);
      }
      return w;
    },
    lineHeight(font, size) {
      const key = `${font}|${size}`;
      let h = heights.get(key);
      if (h === undefined) {
        h = doc.font(font).fontSize(size).currentLineHeight(true);
        heights.set(key, h);
      }
      return h;
    },
  };
}

function fontDocument(opts: PDFKit.PDFDocumentOptions = { autoFirstPage: false }) {
  const doc = new PDFDocument(opts);
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  return doc;
}

/** Which page and cell each label takes, and its boxes. */
export function placeLabels(labels: LabelContent[], layoutName: LayoutName, m: Measure): PlacedLabel[] {
  const layout = labelLayouts[layoutName];
  const perPage = layout.columns * layout.rows;
  const width = (layout.page[0] - 2 * layout.margin) / layout.columns;
  const height = (layout.page[1] - 2 * layout.margin) / layout.rows;
  return labels.map((label, i) => {
    const cell = {
      x: layout.margin + (i % layout.columns) * width,
      y: layout.margin + Math.floor((i % perPage) / layout.columns) * height,
      width,
      height,
    };
    return { page: Math.floor(i / perPage), cell, layout: layoutLabel(label, cell, layout.label, m) };
  });
}

/**
 * Label sheets: A4 (3 × 8 labels with cut lines) or a roll (one 50 × 30 mm label per page). The code is drawn
 * as vector rectangles, so it stays sharp at any printer resolution; the text goes where `layoutLabel` put it.
 */
export function renderLabelSheet(
  labels: Label[],
  opts: { layout: LayoutName; carrier: LabelCarrier; title: string },
): Promise<Buffer> {
  const layout = labelLayouts[opts.layout];
  const doc = fontDocument({
    size: [...layout.page],
    margin: 0,
    autoFirstPage: false,
    info: { Title: opts.title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let page = -1;
  placeLabels(labels, opts.layout, pdfMeasure(doc)).forEach((placed, i) => {
    if (placed.page !== page) {
      doc.addPage();
      page = placed.page;
    }
    const { cell, layout: boxes } = placed;
    if (opts.layout === 'a4')
      doc.rect(cell.x, cell.y, cell.width, cell.height).lineWidth(0.3).strokeColor('#bbbbbb').stroke();
    const { code } = boxes;
    drawMatrix(
      doc,
      carrierMatrix(opts.carrier, labels[i].code),
      code.x,
      code.y,
      code.width,
      quietZone[opts.carrier],
    );
    doc.fillColor('black');
    for (const box of boxes.texts) {
      doc.font(box.font).fontSize(box.fontSize);
      box.lines.forEach((line, n) => {
        doc.text(line, box.x, box.y + n * box.lineHeight, { lineBreak: false });
      });
    }
  });
  doc.end();
  return done;
}

/** Modules of white around the code: 4 for QR, 2 for DataMatrix (which needs 1), inside the code's box. */
const quietZone = { qr: 4, datamatrix: 2, 'gs1-datamatrix': 2 } as const;

/**
 * The code as one path of rectangles (one per run of dark modules), written straight into the page content:
 * pdfkit's per-rectangle API costs more than the rest of the label together. The quiet zone stays white.
 */
function drawMatrix(
  doc: PDFKit.PDFDocument,
  m: { size: number; rows: Uint8Array[] },
  x: number,
  y: number,
  size: number,
  quiet: number,
) {
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
