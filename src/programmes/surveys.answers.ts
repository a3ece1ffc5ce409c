import type { FieldError } from '../platform/index.ts';
import type { StoredAnswer, StoredQuestion } from './programmes.schema.ts';

const empty = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && !v.length);

/**
 * Checks a response's answers against its survey's questions: every required question answered, a choice among
 * those given, a number of 0 or more, yes or no as a boolean. Every mistake is named at once, each by the
 * question's own words; what passes is returned as it will be stored (texts trimmed, empty answers left out).
 */
export function checkAnswers(
  questions: StoredQuestion[],
  answers: Record<string, unknown>,
): { errors: FieldError[]; clean: Record<string, StoredAnswer> } {
  const errors: FieldError[] = [];
  const clean: Record<string, StoredAnswer> = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers))
    if (!byId.has(id)) errors.push({ field: `/body/answers/${id}`, code: 'programmes.answer.unknown' });
  for (const q of questions) {
    const field = `/body/answers/${q.id}`;
    const params = { question: q.text };
    const value = answers[q.id];
    if (empty(value)) {
      if (q.required) errors.push({ field, code: 'programmes.answer.required', params });
      continue;
    }
    const wrong = (code: string) => errors.push({ field, code, params });
    switch (q.kind) {
      case 'single':
        if (typeof value === 'string' && q.choices.includes(value)) clean[q.id] = value;
        else wrong('programmes.answer.choice');
        break;
      case 'multiple':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string' && q.choices.includes(v)))
          clean[q.id] = q.choices.filter((c) => value.includes(c));
        else wrong('programmes.answer.choice');
        break;
      case 'number':
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0) clean[q.id] = value;
        else wrong('programmes.answer.number');
        break;
      case 'text':
        if (typeof value === 'string' && value.trim().length <= 1000) clean[q.id] = value.trim();
        else wrong('programmes.answer.text');
        break;
      case 'yes_no':
        if (typeof value === 'boolean') clean[q.id] = value;
        else wrong('programmes.answer.yesNo');
        break;
    }
  }
  return { errors, clean };
}
