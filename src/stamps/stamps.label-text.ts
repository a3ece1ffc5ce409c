/** Line breaking for label text, measured with the font that will draw it (pdfkit's widthOfString). */
export type FontName = 'regular' | 'bold';
export interface Measure {
  width(text: string, font: FontName, size: number): number;
  /** Distance from one line's top to the next one's, as pdfkit lays lines out. */
  lineHeight(font: FontName, size: number): number;
}

/**
 * Pieces of a link or element string between which a line may break: after `/`, before `?`, `&` and `(`.
 * A run of digits (a GTIN, a serial) is one piece, so a number never breaks across lines.
 */
export function linkPieces(text: string): string[] {
  return text.match(/[?&(]?[^/?&(]*\/?/g)?.filter(Boolean) ?? [];
}

/** Words of a product name, each with the space that precedes it (dropped at a line's start). */
const wordPieces = (text: string) => text.split(/(?=\s)/).filter(Boolean);
/** A field such as `Lô: HDBP-2026/12-DB-0017` may also break after a hyphen or a slash. */
const fieldPieces = (text: string) => text.split(/(?=\s)|(?<=[-/])/).filter(Boolean);

/**
 * Lines of `pieces` that `fits`. A piece wider than a whole line is broken between characters, but
 * never inside a run of digits. Returns null when a run of digits alone is wider than the line.
 */
export function breakLines(pieces: string[], fits: (text: string) => boolean): string[] | null {
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const joined = line ? line + piece : piece.trimStart();
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    const alone = piece.trimStart();
    if (fits(alone)) {
      line = alone;
      continue;
    }
    // too wide for a line of its own: broken between characters, digits staying together
    for (const part of alone.match(/\d+|\D/g) ?? []) {
      if (fits(line + part)) {
        line += part;
        continue;
      }
      if (!fits(part)) return null;
      if (line) lines.push(line);
      line = part;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function wrapName(text: string, width: number, font: FontName, size: number, m: Measure) {
  return breakLines(wordPieces(text.trim()), (t) => m.width(t, font, size) <= width);
}

export function wrapField(text: string, width: number, font: FontName, size: number, m: Measure) {
  return breakLines(fieldPieces(text.trim()), (t) => m.width(t, font, size) <= width);
}

export function wrapLink(text: string, width: number, font: FontName, size: number, m: Measure) {
  return breakLines(linkPieces(text), (t) => m.width(t, font, size) <= width);
}

/** The last resort: `lines` cut to `count`, the last one ending in an ellipsis that fits. */
export function ellipsise(
  lines: string[],
  count: number,
  width: number,
  font: FontName,
  size: number,
  m: Measure,
): string[] {
  if (lines.length <= count) return lines;
  const kept = lines.slice(0, count);
  let last = kept[count - 1];
  while (last.length > 0 && m.width(`${last.trimEnd()}…`, font, size) > width) last = last.slice(0, -1);
  kept[count - 1] = `${last.trimEnd()}…`;
  return kept;
}
