import { badRequest, type FieldError, isUnstorableText } from '../platform/index.ts';

/** One filled row of a sheet as read: its number as the spreadsheet shows it, and its cells' text. */
export interface SheetRecord {
  row: number;
  cells: string[];
}

export interface SheetLimits {
  /** data rows after the header */
  rows: number;
  columns: number;
  /** Excel's own limit for one cell, so no real sheet is refused for it */
  cellChars: number;
}

const fileError = (code: string, params: Record<string, unknown>) =>
  badRequest([{ field: '/body/file', code, params }], 'imports-unreadable');

export const tooManyRows = (limits: SheetLimits) => fileError('imports.tooManyRows', { max: limits.rows });
export const tooManyColumns = (limits: SheetLimits) =>
  fileError('imports.tooManyColumns', { max: limits.columns });

/**
 * Cells are read outside any route schema, so the rule against text the database cannot store is applied here,
 * with the cell named as `/rows/{row}/{column}` (the header's key, else the column's number).
 */
export function cellErrors(records: SheetRecord[], header: string[], limits: SheetLimits): FieldError[] {
  const errors: FieldError[] = [];
  for (const { row, cells } of records) {
    cells.forEach((cell, i) => {
      const field = `/rows/${row}/${header[i] || i + 1}`;
      if (cell.length > limits.cellChars)
        errors.push({ field, code: 'imports.cellTooLong', params: { max: limits.cellChars } });
      else if (isUnstorableText(cell)) errors.push({ field, code: 'field.unstorableText' });
    });
    if (errors.length >= 10) break;
  }
  return errors.slice(0, 10);
}
