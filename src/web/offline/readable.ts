import type { ProblemDocument } from '../api/client.ts';

const uuid = /\s*\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const isoDay = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/**
 * A refusal as a farmer reads it: the server's words without the ids they may name (the diary entry that blocks a
 * harvest) and with days written dd/mm/yyyy. Kept with the entry on the phone, shown in the list and in the form.
 */
export function readableText(text: string): string {
  return text.replace(uuid, '').replace(/\(\s+/g, '(').replace(isoDay, '$3/$2/$1');
}

export function readableProblem(problem: ProblemDocument): ProblemDocument {
  return {
    ...problem,
    title: readableText(problem.title),
    detail: undefined,
    errors: problem.errors?.map((e) => ({ ...e, message: readableText(e.message) })),
  };
}
