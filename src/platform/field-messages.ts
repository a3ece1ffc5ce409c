import { byRoute, type FieldLabel, fieldLabels } from './field-labels.ts';
import { type Lang, t } from './i18n.ts';
import type { FieldError } from './problem.ts';

/** The codes a schema check raises for any field; other codes carry a message of their own. */
const generic = new Set([
  'field.required',
  'field.type',
  'field.tooSmall',
  'field.tooBig',
  'field.format',
  'field.enum',
  'field.invalid',
]);

type Words = { vi: string; en: string };

/**
 * Sentences of their own for a field and a code, where the generic sentence would say less than people need
 * (the stamp limit per request, what a GTIN looks like).
 */
const specific: Record<string, Partial<Record<string, Words>>> = {
  'stamps/quantity': {
    'field.tooBig': { vi: 'Tối đa {maximum} tem mỗi yêu cầu', en: 'At most {maximum} stamps per request' },
    'field.tooSmall': { vi: 'Số lượng tem phải lớn hơn 0', en: 'The number of stamps must be above 0' },
  },
  'stages/gtin': {
    'field.tooSmall': { vi: 'Vui lòng chọn sản phẩm', en: 'Please choose the product' },
    'field.tooBig': {
      vi: 'Vui lòng chọn sản phẩm trong danh sách',
      en: 'Please choose the product from the list',
    },
  },
  gtin: {
    'field.tooSmall': {
      vi: 'Mã GTIN phải có 8, 12, 13 hoặc 14 chữ số',
      en: 'A GTIN has 8, 12, 13 or 14 digits',
    },
    'field.tooBig': {
      vi: 'Mã GTIN phải có 8, 12, 13 hoặc 14 chữ số',
      en: 'A GTIN has 8, 12, 13 or 14 digits',
    },
    'field.format': {
      vi: 'Mã GTIN phải có 8, 12, 13 hoặc 14 chữ số',
      en: 'A GTIN has 8, 12, 13 or 14 digits',
    },
  },
  lot: {
    'field.tooBig': {
      vi: 'Số lô dài tối đa {maximum} ký tự: chữ không dấu, số và -./',
      en: 'A lot number has at most {maximum} characters: plain letters, digits and -./',
    },
    'field.format': {
      vi: 'Số lô chỉ gồm chữ không dấu, số và -./ (tối đa 20 ký tự)',
      en: 'A lot number holds only plain letters, digits and -./ (at most 20 characters)',
    },
  },
};

/**
 * The route segment after `/api/` (`/api/products/…` → `products`), which decides a field's own name; null off the
 * back office API (the EPCIS binding), where fields keep the generic words.
 */
export function routeScope(url: string | undefined): string | null {
  return /^\/api\/([^/?#]+)/.exec(url ?? '')?.[1] ?? null;
}

/** The field's own name: the last part of its pointer that is not a list index (`/body/inputs/0/quantity`). */
function fieldName(pointer: string): string | null {
  const parts = pointer.split('/').filter((p) => p && !/^\d+$/.test(p));
  // the request's part comes first and is no field's name; a field may itself be called `body` (a news item's)
  if (['body', 'querystring', 'params'].includes(parts[0] ?? '')) parts.shift();
  return parts.at(-1) ?? null;
}

export function labelOf(pointer: string, scope: string | null): FieldLabel | null {
  const name = fieldName(pointer);
  if (!name) return null;
  return (scope ? byRoute[scope]?.[name] : undefined) ?? fieldLabels[name] ?? null;
}

const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const count = (lang: Lang, n: unknown) =>
  typeof n === 'number' || typeof n === 'bigint'
    ? new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n)
    : String(n);

/** The sentence for a generic check on a labelled field, in the field's own words. */
function sentence(code: string, label: FieldLabel, params: Record<string, any>): Words {
  const vi = label.vi;
  const en = label.en;
  const ask: Words = label.choose
    ? { vi: `Vui lòng chọn ${vi}`, en: `Please choose the ${en}` }
    : { vi: `Vui lòng nhập ${vi}`, en: `Please enter the ${en}` };
  const Vi = capital(vi);
  const En = capital(en);
  const origin = params.origin;
  switch (code) {
    case 'field.required':
      return ask;
    case 'field.type':
      if (params.expected === 'int')
        return { vi: `${Vi} phải là một số nguyên`, en: `${En} must be a whole number` };
      return params.expected === 'number'
        ? { vi: `${Vi} phải là một số`, en: `${En} must be a number` }
        : { vi: `${Vi} không hợp lệ`, en: `${En} is not valid` };
    case 'field.tooSmall':
      if (origin === 'number')
        return params.inclusive === false
          ? { vi: `${Vi} phải lớn hơn {minimum}`, en: `${En} must be above {minimum}` }
          : { vi: `${Vi} phải từ {minimum} trở lên`, en: `${En} must be at least {minimum}` };
      if (origin === 'array' || origin === 'set')
        return Number(params.minimum) <= 1
          ? ask
          : { vi: `${Vi} cần ít nhất {minimum} mục`, en: `${En} needs at least {minimum} entries` };
      if (origin === 'date') return { vi: `${Vi} quá sớm`, en: `${En} is too early` };
      return Number(params.minimum) <= 1
        ? ask
        : {
            vi: `${Vi} phải có ít nhất {minimum} ký tự`,
            en: `${En} needs at least {minimum} characters`,
          };
    case 'field.tooBig':
      if (origin === 'number')
        return params.inclusive === false
          ? { vi: `${Vi} phải nhỏ hơn {maximum}`, en: `${En} must be below {maximum}` }
          : { vi: `${Vi} tối đa là {maximum}`, en: `${En} is at most {maximum}` };
      if (origin === 'array' || origin === 'set')
        return { vi: `${Vi} tối đa {maximum} mục`, en: `${En} has at most {maximum} entries` };
      if (origin === 'date') return { vi: `${Vi} quá muộn`, en: `${En} is too late` };
      return { vi: `${Vi} dài tối đa {maximum} ký tự`, en: `${En} has at most {maximum} characters` };
    case 'field.format':
      if (params.format === 'uuid' || params.format === 'guid') return { ...ask };
      if (params.format === 'email')
        return {
          vi: `${Vi} không đúng định dạng (ví dụ: ten@congty.vn)`,
          en: `${En} is not an email address (for example name@company.vn)`,
        };
      if (/date/.test(String(params.format)))
        return { vi: `${Vi} phải là một ngày hợp lệ`, en: `${En} must be a valid date` };
      return { vi: `${Vi} không đúng định dạng`, en: `${En} has the wrong format` };
    case 'field.enum':
      return label.choose
        ? { vi: `Vui lòng chọn ${vi} trong danh sách`, en: `Please choose the ${en} from the list` }
        : { vi: `${Vi} không hợp lệ`, en: `${En} is not valid` };
    default:
      return { vi: `${Vi} không hợp lệ`, en: `${En} is not valid` };
  }
}

/**
 * A field error as people read it: generic schema checks become a sentence naming the field in its own words
 * ("Vui lòng chọn sản phẩm", "Số lượng phải lớn hơn 0"); a code with its own message keeps it. A field without a
 * label (the EPCIS binding's documents, query parameters) keeps the generic catalogue text.
 */
export function fieldMessage(lang: Lang, error: FieldError, scope: string | null): string {
  const raw = (error.params ?? {}) as Record<string, any>;
  const params = { ...raw };
  for (const key of ['minimum', 'maximum']) if (key in params) params[key] = count(lang, params[key]);
  // only the back office's own routes (and imports, which speak as its forms) name fields in words: an EPCIS
  // document's `type` or `quantity` is not the form field of that name
  const label = generic.has(error.code) && scope ? labelOf(error.field, scope) : null;
  if (!label) return t(lang, error.code, params);
  const name = fieldName(error.field) ?? '';
  const own =
    (scope ? specific[`${scope}/${name}`]?.[error.code] : undefined) ?? specific[name]?.[error.code];
  // a missing value is asked for plainly, whatever the field's own rules say about a wrong one
  const words = own && !isMissing(error.code, raw) ? own : sentence(error.code, label, raw);
  return words[lang].replace(/\{(\w+)\}/g, (_, key) => (key in params ? String(params[key]) : `{${key}}`));
}

function isMissing(code: string, params: Record<string, any>): boolean {
  if (code === 'field.required') return true;
  if (code === 'field.format') return params.format === 'uuid' || params.format === 'guid';
  return code === 'field.tooSmall' && params.origin !== 'number' && Number(params.minimum) <= 1;
}
