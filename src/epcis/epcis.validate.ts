import type { FieldError } from '../platform/index.ts';
import { eventRuleErrors, masterDataRuleErrors, timeError } from './epcis.rules.ts';
import { schemaErrors } from './epcis.validator.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Where the events of a capturable document are: an EPCISDocument's eventList or a query document's results. */
export function eventListOf(document: unknown): { events: unknown[]; pointer: string } | null {
  if (!isObject(document) || !isObject(document.epcisBody)) return null;
  const body = document.epcisBody;
  if (document.type === 'EPCISDocument' && Array.isArray(body.eventList))
    return { events: body.eventList, pointer: '/epcisBody/eventList' };
  if (document.type === 'EPCISQueryDocument' && isObject(body.queryResults)) {
    const results = body.queryResults.resultsBody;
    if (isObject(results) && Array.isArray(results.eventList))
      return { events: results.eventList, pointer: '/epcisBody/queryResults/resultsBody/eventList' };
  }
  return null;
}

/**
 * Everything wrong with a document offered for capture: the EPCIS rules first (they name the field most
 * precisely), then what the official JSON Schema finds elsewhere. Empty when the document may be captured.
 */
export function validateEpcisDocument(document: unknown, format: 'json' | 'xml' = 'json'): FieldError[] {
  const deep = tooDeepAt(document);
  if (deep) return [{ field: deep, code: 'epcis.tooDeep', params: { limit: maxDepth } }];
  if (!isObject(document) || (document.type !== 'EPCISDocument' && document.type !== 'EPCISQueryDocument'))
    return [{ field: isObject(document) ? '/type' : '/', code: 'epcis.notADocument' }];
  const list = eventListOf(document);
  const creationDate = timeError(document.creationDate, '/creationDate');
  const ruleErrors = [
    ...(creationDate ? [creationDate] : []),
    ...(list ? list.events.flatMap((event, i) => eventRuleErrors(event, `${list.pointer}/${i}`)) : []),
    ...masterDataRuleErrors(document),
  ];
  const covered = new Set(ruleErrors.map((e) => e.field));
  const fromSchema = schemaErrors(document).filter(
    (e) => !covered.has(e.field) && !(format === 'xml' && repeatedEpcAllowed(e)),
  );
  if (!list && !fromSchema.length) return [{ field: '/epcisBody', code: 'epcis.notADocument' }];
  return [...ruleErrors, ...fromSchema].slice(0, 50);
}

/**
 * The XSD lets an XML document name one EPC twice in a list, and the capture keeps it as sent; the JSON Schema's
 * uniqueItems speaks for the JSON syntax only (docs/epcis.md, exceptions).
 */
const repeatedEpcAllowed = (e: FieldError) =>
  e.code === 'epcis.schema.unique' && /\/(epcList|childEPCs|inputEPCList|outputEPCList)$/.test(e.field);

const maxDepth = 32;

/**
 * The JSON Pointer of the first value nested deeper than any EPCIS document needs. Walked without recursion (a
 * hostile document must not exhaust the stack) and without building pointers until one is needed.
 */
function tooDeepAt(document: unknown): string | null {
  const stack: [unknown, number][] = [[document, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (depth >= maxDepth) return pointerTo(document, value);
    if (Array.isArray(value)) {
      for (const child of value)
        if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) {
        const child = (value as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/** The pointer of `target` inside `root` (only along the first-child chain the depth walk reached it by). */
function pointerTo(root: unknown, target: unknown): string {
  const parts: string[] = [];
  let node = root as any;
  for (let depth = 0; node !== target && depth < maxDepth; depth++) {
    const entries = Object.entries(node).filter(([, v]) => v !== null && typeof v === 'object');
    const [key, child] = entries.find(([, v]) => contains(v, target)) ?? entries[0];
    parts.push(key.replace(/~/g, '~0').replace(/\//g, '~1'));
    node = child;
  }
  return parts.length ? `/${parts.join('/')}` : '/';
}

function contains(node: unknown, target: unknown): boolean {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop();
    if (n === target) return true;
    if (n !== null && typeof n === 'object') for (const v of Object.values(n)) stack.push(v);
  }
  return false;
}
