import type { UseFormReturnType } from '@mantine/form';
import { sentenceCase } from '../components/field-checks.ts';
import { ApiError, type ProblemDocument } from './client.ts';

/** `/body/address/street` → `address.street`: the API names fields by JSON Pointer, Mantine forms by path. */
export function fieldPath(pointer: string): string {
  return pointer
    .replace(/^\/(body|query|params)(?=\/|$)/, '')
    .replace(/^\//, '')
    .split('/')
    .join('.');
}

/** Whether the form has an input at this path: a leaf value, not a list or group (those have no input to show it). */
function hasInput(values: unknown, path: string): boolean {
  if (!path) return false;
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in (node as object))) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return node === null || typeof node !== 'object';
}

/**
 * Puts each field message of a problem beside its form input; returns the messages that match no input
 * so the caller shows them with the problem's title.
 */
export function applyProblem<T extends Record<string, unknown>>(
  form: UseFormReturnType<T>,
  error: unknown,
  /** Top-level API field → form field, when the form keeps a value under another name. */
  aliases: Record<string, string> = {},
): ProblemDocument | null {
  if (!(error instanceof ApiError)) return null;
  const rest: NonNullable<ProblemDocument['errors']> = [];
  for (const e of error.problem.errors ?? []) {
    const path = fieldPath(e.field);
    const head = path.split('.')[0];
    const target = head in aliases ? [aliases[head], ...path.split('.').slice(1)].join('.') : path;
    // every message reads as a sentence of its own, also those the server puts together from parts
    const message = sentenceCase(e.message);
    if (hasInput(form.values, target)) form.setFieldError(target, message);
    else rest.push({ ...e, message });
  }
  return { ...error.problem, errors: rest };
}
