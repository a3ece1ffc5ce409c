import { recordAudit } from '../audit/index.ts';
import { type Actor, badRequest, type Db, fieldMessage, type Lang, Problem, t } from '../platform/index.ts';
import { columnKeys, columnName, columns, headerWords, type ImportKind } from './columns.ts';
import { columnOf, handlers, importContext, RowProblems } from './row-handlers.ts';
import { readTable, type Table } from './table-file.ts';
import './imports.messages.ts';

export interface RowError {
  row: number;
  /** the column's key (`gtin`, `production_date`) */
  column: string | null;
  /** the column's Vietnamese header, as templates carry it */
  columnName: string | null;
  code: string;
  /** a sentence naming the field; the row and column are given beside it */
  message: string;
}

export interface ImportResult {
  kind: ImportKind;
  format: 'csv' | 'xlsx';
  committed: boolean;
  total: number;
  valid: number;
  errors: RowError[];
  /** the file's columns in its order, each with the name people read (its Vietnamese header) */
  columns: { key: string; name: string }[];
  rows: { row: number; values: Record<string, string>; ok: boolean }[];
}

/** Thrown to undo a dry run or a file with errors; never leaves this module. */
class RollBack extends Error {}

const PREVIEW_ROWS = 200;

/**
 * Runs every row of the file through the same services as the forms (registry, stages), inside one
 * transaction (each registry write in its own savepoint), so the preview reports what a commit would meet. A preview
 * always rolls back; a commit keeps the work only when every row passed: all or nothing.
 */
export async function runImport(
  db: Db,
  actor: Actor,
  opts: { organisationId: string; kind: ImportKind; bytes: Buffer; commit: boolean; lang: Lang },
): Promise<ImportResult> {
  const table = byColumnKey(opts.kind, await readTable(opts.bytes));
  checkHeader(opts.kind, table.header);
  const errors: RowError[] = [];
  const failedRows = new Set<number>();
  try {
    await db.transaction(async (tx) => {
      const ctx = await importContext(tx, actor, opts.organisationId);
      const handler = handlers[opts.kind];
      const passed: { row: number; item: unknown }[] = [];
      for (const row of table.rows) {
        try {
          passed.push({ row: row.row, item: await handler.row(ctx, row.values) });
        } catch (err) {
          if (!(err instanceof Problem)) throw err;
          failedRows.add(row.row);
          errors.push(...rowErrors(opts.kind, row.row, err, opts.lang));
        }
      }
      if (!errors.length && handler.finish && passed.length) {
        try {
          await handler.finish(ctx, passed);
        } catch (err) {
          if (!(err instanceof RowProblems)) throw err;
          for (const { row, error } of err.problems) {
            failedRows.add(row);
            errors.push(...rowErrors(opts.kind, row, badRequest([error]), opts.lang));
          }
        }
      }
      if (!opts.commit || errors.length) throw new RollBack();
      await recordAudit(tx, {
        actor,
        action: 'import',
        entityType: opts.kind,
        entityId: 'bulk',
        organisationId: opts.organisationId,
        after: { format: table.format, rows: table.rows.length },
      });
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  const committed = opts.commit && errors.length === 0;
  const result: ImportResult = {
    kind: opts.kind,
    format: table.format,
    committed,
    total: table.rows.length,
    valid: table.rows.length - failedRows.size,
    errors,
    columns: table.header
      .filter((key) => key)
      .map((key) => ({ key, name: columnName(opts.kind, key) ?? key })),
    rows: table.rows
      .slice(0, PREVIEW_ROWS)
      .map((r) => ({ row: r.row, values: r.values, ok: !failedRows.has(r.row) })),
  };
  if (opts.commit && !committed) {
    throw badRequest(
      errors.map((e) => ({
        field: `/rows/${e.row}${e.column ? `/${e.column}` : ''}`,
        code: 'imports.rowError',
        params: { message: rowSentence(opts.lang, e) },
      })),
      'imports-has-errors',
    );
  }
  return result;
}

/** Headers in Vietnamese, English or as technical keys all name the same columns: rows are keyed by column key. */
function byColumnKey(kind: ImportKind, table: Table): Table {
  const keys = columnKeys(kind);
  const header = table.header.map((h) => keys.get(headerWords(h)) ?? h);
  const rows = table.rows.map(({ row, values }) => ({
    row,
    values: Object.fromEntries(Object.entries(values).map(([h, v]) => [keys.get(headerWords(h)) ?? h, v])),
  }));
  return { ...table, header, rows };
}

function checkHeader(kind: ImportKind, header: string[]) {
  const missing = columns[kind].filter((c) => c.required && !header.includes(c.key));
  if (missing.length)
    throw badRequest(
      missing.map((c) => ({
        field: `/columns/${c.key}`,
        code: 'imports.missingColumn',
        params: { column: columnName(kind, c.key) ?? c.key },
      })),
      'imports-bad-header',
    );
}

/** "Dòng 3, cột Số lô: …" for the problem a refused commit answers, where the row and column stand in no table. */
function rowSentence(lang: Lang, e: RowError): string {
  const where =
    lang === 'vi'
      ? `Dòng ${e.row}${e.columnName ? `, cột ${e.columnName}` : ''}`
      : `Row ${e.row}${e.columnName ? `, column ${e.columnName}` : ''}`;
  return `${where}: ${e.message}`;
}

const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** The route whose field names a row's values borrow (a lot row speaks as the lot form; an event row types its GTIN). */
const scopeOf: Record<ImportKind, string> = { products: 'products', lots: 'lots', events: 'imports' };

function rowErrors(kind: ImportKind, row: number, problem: Problem, lang: Lang): RowError[] {
  if (!problem.errors.length) {
    return [
      {
        row,
        column: null,
        columnName: null,
        code: `problem.${problem.code}`,
        message: t(lang, `problem.${problem.code}`, problem.params),
      },
    ];
  }
  return problem.errors.map((e) => {
    const column = columnOf(kind, e.field);
    return {
      row,
      column,
      columnName: column ? columnName(kind, column) : null,
      code: e.code,
      message: capital(fieldMessage(lang, e, scopeOf[kind])),
    };
  });
}
