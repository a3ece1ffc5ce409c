export type QuestionKind = 'single' | 'multiple' | 'number' | 'text' | 'yes_no';
export type Answer = string | string[] | number | boolean;

export interface Question {
  id?: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  choices: string[];
  unit: string | null;
  feedsTraceability: boolean;
}

export interface Survey {
  id: string;
  title: string;
  purpose: string | null;
  opensOn: string;
  closesOn: string;
  state: 'draft' | 'sent' | 'closed';
  open: boolean;
  communes: { code: string; name: string }[];
  sectors: string[];
  questions: (Question & { id: string })[];
  answered: number;
  reached: number;
}

export interface Reached {
  id: string;
  name: string;
  communeCode: string | null;
  communeName: string | null;
  sector: string;
  responseId: string | null;
  updatedAt: string | null;
}

export interface Tally {
  answered: number;
  counts: { choice: string; count: number }[];
  sum: number | null;
  mean: number | null;
  texts: string[];
}
export interface Group {
  key: string;
  name: string;
  reached: number;
  answered: number;
  questions: Tally[];
}
export interface Results {
  survey: Survey;
  overall: Group;
  byCommune: Group[];
  bySector: Group[];
  notAnswered: Reached[];
}

export const stateColor: Record<Survey['state'], string> = { draft: 'gray', sent: 'blue', closed: 'teal' };
export const kinds: QuestionKind[] = ['single', 'multiple', 'number', 'text', 'yes_no'];
export const mayDesign = (role?: string) => role === 'dost_admin';
export const mayAnswer = (role?: string) => role === 'commune_officer' || role === 'sector_officer';

let seq = 0;
/** A key for a row being edited in a form (people, materials, recipients, new questions), stable while it lives. */
export const rowKey = () => `row-${++seq}`;

/** An edit of one row of such a list, for its state setter: row `i` takes `patch`, the others stay as they are. */
export const patchRow =
  <P extends object>(i: number, patch: P) =>
  <T extends P>(rows: T[]): T[] =>
    rows.map((row, j) => (j === i ? { ...row, ...patch } : row));

/** The list without row `i`, for its state setter. */
export const withoutRow =
  (i: number) =>
  <T>(rows: T[]): T[] =>
    rows.filter((_, j) => j !== i);
