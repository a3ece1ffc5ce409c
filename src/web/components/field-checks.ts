import type { TFunction } from 'i18next';
import { formatNumber } from '../format.ts';

/**
 * Checks a form makes before sending, in the same words the server would use ("Vui lòng chọn sản phẩm"), so a
 * person hears about every empty required field at once without waiting for the API. `label` is the field's own
 * label as the form shows it; it is put in the middle of a sentence, so its first letter is lowered ("Tên sản
 * phẩm" → "tên sản phẩm"; "GTIN" stays).
 */
const inSentence = (label: string) =>
  /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLocaleLowerCase('vi') + label.slice(1) : label;

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** "Vui lòng nhập …" for a field people type into. */
export const enter = (t: TFunction, label: string) => (value: unknown) =>
  isEmpty(value) ? t('check.enter', { label: inSentence(label) }) : null;

/** "Vui lòng chọn …" for a field people pick from a list. */
export const choose = (t: TFunction, label: string) => (value: unknown) =>
  isEmpty(value) ? t('check.choose', { label: inSentence(label) }) : null;

/**
 * A number within its limits, said rather than silently changed: a value above `max` stays as typed and the field
 * says the limit (`tooMany` words it for the field, e.g. "Tối đa 1.000.000 tem mỗi yêu cầu").
 */
export const wholeNumberUpTo =
  (t: TFunction, label: string, max: number, tooMany: string) =>
  (value: unknown): string | null => {
    if (isEmpty(value)) return t('check.enter', { label: inSentence(label) });
    const n = Number(value);
    if (!Number.isInteger(n)) return t('check.wholeNumber', { label });
    if (n < 1) return t('check.aboveZero', { label });
    if (n > max) return t(tooMany, { max: formatNumber(max) });
    return null;
  };

/** The first letter of a message raised, for messages put together from parts ("tổ chức không tồn tại…"). */
export const sentenceCase = (message: string) =>
  message ? message.charAt(0).toLocaleUpperCase('vi') + message.slice(1) : message;
