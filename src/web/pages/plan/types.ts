export type Unit = 'percent' | 'count';
export type Direction = 'at_least' | 'at_most';
export type TaskState = 'not_started' | 'in_progress' | 'done';
export interface Evidence {
  id: string;
  name: string | null;
}
export interface Indicator {
  id: string;
  code: string;
  name: string;
  formulaKey: string | null;
  unit: Unit;
  direction: Direction;
  description: string | null;
  targets: { year: number; target: number }[];
  manualValues: {
    year: number;
    value: number;
    source: string;
    fileIds: string[];
    evidence: Evidence[];
    enteredByName: string | null;
    enteredAt: string;
  }[];
}
export interface Task {
  id: string;
  code: string | null;
  what: string;
  who: string;
  partners: string | null;
  expectedResult: string | null;
  deadline: string | null;
  state: TaskState;
  overdue: boolean;
  fileIds: string[];
  evidence: Evidence[];
  note: string | null;
}
export interface Plan {
  id: string;
  title: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  signer: string | null;
  agency: string | null;
  startYear: number;
  endYear: number;
  indicators: Indicator[];
  tasks: Task[];
}
export interface Formula {
  key: string;
  name: string;
  describe: string;
  unit: Unit;
}
export interface Evaluation {
  period: { from: string; to: string };
  indicators: {
    id: string;
    describe: string;
    target: number | null;
    value: number | null;
    numerator?: number;
    denominator?: number;
    source: 'computed' | 'manual' | 'missing';
    manualSource?: string;
    met: boolean | null;
  }[];
}

/** The department edits the plan; the permission comes from the server (`write:plan:all`). */
export const mayEditPlan = (permissions: string[]) => permissions.includes('write:plan:all');

export const yearsOf = (plan: Pick<Plan, 'startYear' | 'endYear'>) =>
  Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);

/** Today in Vietnam (UTC+7 all year), `YYYY-MM-DD`. */
export const vietnamToday = (now = Date.now()) => new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
