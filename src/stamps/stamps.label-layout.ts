import {
  ellipsise,
  type FontName,
  type Measure,
  wrapField,
  wrapLink,
  wrapName,
} from './stamps.label-text.ts';

/** What one label says; the 2D code's content is drawn into the `code` box by the caller. */
export interface LabelContent {
  productName: string;
  lot: string | null;
  productionDate: string | null; // YYYY-MM-DD
  expiryDate: string | null;
  /** The whole Digital Link of the stamp, as a person would type it. */
  link: string;
  /** The same address, compressed (GS1 DL URI compression), for labels too small for the whole link. */
  shortLink: string;
  /** The element string, printed when the code holds it (GS1 DataMatrix) rather than the link. */
  elementString: string | null;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type TextRole = 'name' | 'lot' | 'productionDate' | 'expiryDate' | 'elementString' | 'link';

export interface TextBox extends Rect {
  role: TextRole;
  lines: string[];
  font: FontName;
  fontSize: number;
  lineHeight: number;
  /** True only when even the smallest font could not hold the text and its end was replaced by '…'. */
  cut: boolean;
}

export interface LabelLayout {
  code: Rect;
  texts: TextBox[];
}

interface Range {
  max: number;
  min: number;
}
export interface LabelSpec {
  pad: number;
  gap: number;
  name: Range;
  field: Range;
  link: Range & { maxLines: number };
}

const mm = 72 / 25.4;
const step = 0.25;

/** Page, grid and type sizes (points) of each layout the print endpoint offers. */
export const labelLayouts = {
  a4: {
    page: [210 * mm, 297 * mm],
    columns: 3,
    rows: 8,
    margin: 10 * mm,
    label: {
      pad: 1.5 * mm,
      gap: 1.2 * mm,
      name: { max: 7.5, min: 5.5 },
      field: { max: 6.5, min: 5 },
      link: { max: 5.5, min: 4.5, maxLines: 2 },
    },
  },
  roll: {
    page: [50 * mm, 30 * mm],
    columns: 1,
    rows: 1,
    margin: 1.5 * mm,
    label: {
      pad: 1 * mm,
      gap: 1 * mm,
      name: { max: 6, min: 4.5 },
      field: { max: 5.5, min: 4.5 },
      link: { max: 5, min: 4, maxLines: 2 },
    },
  },
} as const satisfies Record<
  string,
  { label: LabelSpec; page: readonly [number, number] } & Record<string, unknown>
>;
export type LayoutName = keyof typeof labelLayouts;

/** Dates are printed the Vietnamese way: dd/mm/yyyy. */
export const formatDateVi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Where everything on one label goes: the link across the bottom (whole, else compressed, at the largest size
 * that fits its lines), the code square above it on the left, and beside the code the product name, lot and
 * dates, wrapped and shrunk until they fit. Pure: the PDF only draws these boxes, and tests check them.
 */
export function layoutLabel(content: LabelContent, cell: Rect, spec: LabelSpec, m: Measure): LabelLayout {
  const inner = {
    x: cell.x + spec.pad,
    y: cell.y + spec.pad,
    width: cell.width - 2 * spec.pad,
    height: cell.height - 2 * spec.pad,
  };
  const link = fitLink(content, inner, spec, m);
  const codeSize = Math.min(inner.height - link.height - spec.gap, inner.width / 2);
  const code = { x: inner.x, y: inner.y, width: codeSize, height: codeSize };
  const column = {
    x: inner.x + codeSize + spec.gap,
    y: inner.y,
    width: inner.width - codeSize - spec.gap,
    height: link.y - spec.gap - inner.y,
  };
  return { code, texts: [...columnOf(content, column, spec, m), link] };
}

const columns = new WeakMap<Measure, Map<string, TextBox[]>>();
/** The labels of a sheet share their column but for the serial, so it is fitted once per measure and moved. */
function columnOf(content: LabelContent, column: Rect, spec: LabelSpec, m: Measure): TextBox[] {
  const { productName, lot, productionDate, expiryDate, elementString } = content;
  const key = JSON.stringify([
    productName,
    lot,
    productionDate,
    expiryDate,
    elementString,
    column.width,
    column.height,
    spec,
  ]);
  const known = columns.get(m) ?? new Map<string, TextBox[]>();
  columns.set(m, known);
  let boxes = known.get(key);
  if (!boxes) {
    boxes = fitColumn(content, { ...column, x: 0, y: 0 }, spec, m);
    if (known.size >= 1_000) known.clear();
    known.set(key, boxes);
  }
  return boxes.map((b) => ({ ...b, x: b.x + column.x, y: b.y + column.y }));
}

function fitLink(content: LabelContent, inner: Rect, spec: LabelSpec, m: Measure): TextBox {
  const { max, min, maxLines } = spec.link;
  const box = (size: number, lines: string[], cut: boolean): TextBox => {
    const lineHeight = m.lineHeight('regular', size);
    const height = lines.length * lineHeight;
    const y = inner.y + inner.height - height;
    return { role: 'link', lines, font: 'regular', fontSize: size, lineHeight, cut, ...inner, y, height };
  };
  // the whole link, else the compressed one, in the lines allowed; then once more with a line more
  for (const allowed of [maxLines, maxLines + 1])
    for (const text of [content.link, content.shortLink])
      for (let size = max; size >= min; size -= step) {
        const lines = wrapLink(text, inner.width, 'regular', size, m);
        if (lines && lines.length <= allowed) return box(size, lines, false);
      }
  const lines = wrapLink(content.shortLink, inner.width, 'regular', min, m) ?? [content.shortLink];
  return box(min, ellipsise(lines, maxLines + 1, inner.width, 'regular', min, m), true);
}

function columnTexts(content: LabelContent): [TextRole, string][] {
  const texts: [TextRole, string | null][] = [
    ['lot', content.lot ? `Lô: ${content.lot}` : null],
    ['productionDate', content.productionDate ? `NSX: ${formatDateVi(content.productionDate)}` : null],
    ['expiryDate', content.expiryDate ? `HSD: ${formatDateVi(content.expiryDate)}` : null],
    ['elementString', content.elementString],
  ];
  return texts.filter((t): t is [TextRole, string] => t[1] !== null);
}

/**
 * The name and the fields stacked in the column, shrinking a step at a time until they fit: first with the lot
 * and each date on one line, as identifiers read best, then letting them wrap too. An element string always
 * wraps, at its AIs.
 */
function fitColumn(content: LabelContent, column: Rect, spec: LabelSpec, m: Measure): TextBox[] {
  const fields = columnTexts(content);
  for (const oneLine of [true, false])
    for (let shrink = 0; ; shrink += step) {
      // the fields give way first, then the name: it is what a buyer reads
      const fieldSize = Math.max(spec.field.max - shrink, spec.field.min);
      const nameShrink = Math.max(0, shrink - (spec.field.max - spec.field.min));
      const nameSize = Math.max(spec.name.max - nameShrink, spec.name.min);
      const smallest = nameSize === spec.name.min && fieldSize === spec.field.min;
      const name = wrapName(content.productName, column.width, 'bold', nameSize, m);
      const rest = fields.map(([role, text]) => {
        const wrap = role === 'elementString' ? wrapLink : wrapField;
        return { role, lines: wrap(text, column.width, 'regular', fieldSize, m) ?? [text] };
      });
      const boxes = stack(
        column,
        [
          { role: 'name', lines: name ?? [content.productName], font: 'bold', size: nameSize },
          ...rest.map((r) => ({ ...r, font: 'regular' as const, size: fieldSize })),
        ],
        spec,
        m,
      );
      const last = boxes[boxes.length - 1];
      const fits =
        name !== null &&
        last.y + last.height <= column.y + column.height &&
        (!oneLine || rest.every((r) => r.role === 'elementString' || r.lines.length === 1));
      if (fits) return boxes;
      if (smallest && !oneLine) return cutName(boxes, column, spec, m);
      if (smallest) break;
    }
  throw new Error('unreachable: the last pass always returns');
}

function stack(
  column: Rect,
  items: { role: TextRole; lines: string[]; font: FontName; size: number }[],
  spec: LabelSpec,
  m: Measure,
): TextBox[] {
  let y = column.y;
  return items.map((item, i) => {
    if (i === 1) y += spec.gap / 2; // the name stands a little apart from the fields
    const lineHeight = m.lineHeight(item.font, item.size);
    const box: TextBox = {
      role: item.role,
      lines: item.lines,
      font: item.font,
      fontSize: item.size,
      lineHeight,
      cut: false,
      x: column.x,
      y,
      width: column.width,
      height: item.lines.length * lineHeight,
    };
    y += box.height;
    return box;
  });
}

/** The last resort at the smallest sizes: the name keeps the lines the fields leave it, ending in '…'. */
function cutName(boxes: TextBox[], column: Rect, spec: LabelSpec, m: Measure): TextBox[] {
  const [name, ...rest] = boxes;
  const restHeight = rest.reduce((h, b) => h + b.height, 0);
  const room = Math.max(1, Math.floor((column.height - restHeight - spec.gap / 2) / name.lineHeight));
  const lines = ellipsise(name.lines, room, column.width, 'bold', name.fontSize, m);
  return stack(
    column,
    [{ ...name, size: name.fontSize, lines }, ...rest.map((b) => ({ ...b, size: b.fontSize }))],
    spec,
    m,
  ).map((b, i) => (i === 0 ? { ...b, cut: lines.length < name.lines.length } : b));
}
