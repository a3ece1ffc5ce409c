// The plan's front door (docs/architecture.md): indicator formulas are registered here by the modules owning the data.
export {
  type FormulaResult,
  type IndicatorFormula,
  indicatorFormula,
  indicatorFormulas,
  type Period,
  registerIndicatorFormula,
} from './formula.ts';
