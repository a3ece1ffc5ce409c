import type { DbOrTx } from '../platform/index.ts';

/** The period an indicator is measured over, as calendar days: data as of the end of `to`, counting from `from`. */
export interface Period {
  from: string;
  to: string;
}

/** An indicator's value; a share also gives what it was computed from, so a report can show "12 / 40". */
export interface FormulaResult {
  value: number;
  numerator?: number;
  denominator?: number;
}

/**
 * A way of computing an indicator from the province's data. A formula is registered once, by the module that owns
 * the data it reads (the plan module for the registry, stamps and events; the programmes module for training and
 * support), and chosen by key when the department defines an indicator.
 */
export interface IndicatorFormula {
  key: string;
  name: { vi: string; en: string };
  /** How the value is computed, in words a department officer reads beside the figure. */
  describe: { vi: string; en: string };
  /** `percent`: a share 0–100; `count`: a number of things. */
  unit: 'percent' | 'count';
  compute(db: DbOrTx, period: Period, shared?: Shared): Promise<FormulaResult>;
}

/**
 * What the formulas of one evaluation share: a sub-result one formula computed (the products with events in a
 * period) is reused by the next rather than read again. Made fresh for each evaluation, so nothing outlives it.
 */
export type Shared = Map<string, Promise<unknown>>;

/** The value under `key` in `shared`, computed once per evaluation (every time when there is no `shared`). */
export function once<T>(shared: Shared | undefined, key: string, compute: () => Promise<T>): Promise<T> {
  if (!shared) return compute();
  let value = shared.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    shared.set(key, value);
  }
  return value;
}

const formulas = new Map<string, IndicatorFormula>();

export function registerIndicatorFormula(formula: IndicatorFormula): void {
  if (formulas.has(formula.key)) throw new Error(`indicator formula ${formula.key} is registered twice`);
  formulas.set(formula.key, formula);
}

export const indicatorFormula = (key: string): IndicatorFormula | undefined => formulas.get(key);

export const indicatorFormulas = (): IndicatorFormula[] => [...formulas.values()];
