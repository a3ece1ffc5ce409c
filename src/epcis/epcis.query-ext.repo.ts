import { type SQL, sql } from 'drizzle-orm';
import type { ExtensionConditions, FieldCondition } from './epcis.query-ext.ts';
import { storedTimePattern } from './epcis.query-ext.ts';
import { pgArray } from './epcis.repo.ts';

/**
 * The keys that name the field in this event: `prefix:local` for each prefix the event's own @context binds to one
 * of the namespaces, and the literal spellings. Computed per event, as each document chooses its prefixes.
 */
function keysOf(c: FieldCondition): SQL {
  const literals = sql`${JSON.stringify(c.name.literals)}::jsonb`;
  if (!c.name.namespaces.length) return literals;
  return sql`(SELECT coalesce(jsonb_agg(b.key || ':' || ${c.name.local}::text), '[]'::jsonb)
    FROM jsonb_array_elements(CASE jsonb_typeof(e.document -> '@context') WHEN 'array' THEN e.document -> '@context'
      ELSE jsonb_build_array(e.document -> '@context') END) ctx
    CROSS JOIN LATERAL jsonb_each(CASE jsonb_typeof(ctx.value) WHEN 'object' THEN ctx.value ELSE '{}'::jsonb END) b
    WHERE coalesce(b.value ->> '@id', b.value #>> '{}') = ANY(${pgArray(c.name.namespaces)}::text[])) || ${literals}`;
}

/** JSONPath to the field's values (a list's items one by one) in the objects the condition looks in. */
function valuesPath(c: FieldCondition, base: string): string {
  const objects = c.inner
    ? `${base}.**{1 to last} ? (@.type() == "object")`
    : `${base} ? (@.type() == "object")`;
  return `${objects}.keyvalue() ? (@.key == $keys[*]).value[*]`;
}

function fieldCondition(c: FieldCondition): SQL {
  const { test } = c;
  const vars = (extra: Record<string, unknown>) =>
    sql`jsonb_build_object('keys', ${keysOf(c)}) || ${JSON.stringify(extra)}::jsonb`;
  const each = c.bases.map((base) => {
    const path = valuesPath(c, base);
    if (test.kind === 'exists') return sql`jsonb_path_exists(e.document, ${path}::jsonpath, ${vars({})})`;
    if (test.kind === 'equals')
      return sql`jsonb_path_exists(e.document, ${`${path} ? (${test.values.map((_, i) => `@ == $v${i}`).join(' || ')})`}::jsonpath,
        ${vars(Object.fromEntries(test.values.map((v, i) => [`v${i}`, v])))})`;
    // numbers written as JSON numbers or as numeric text (XML without xsi:type); any other value fails .double()
    if (test.kind === 'number')
      return sql`jsonb_path_exists(e.document, ${`${path} ? (@.double() ${test.op} $n)`}::jsonpath, ${vars({ n: test.value })})`;
    // times compare as instants, whatever offset each was written with; PostgreSQL 15's .datetime() reads no `Z`
    return sql`EXISTS (SELECT 1 FROM jsonb_path_query(e.document, ${path}::jsonpath, ${vars({})}) v
      WHERE jsonb_typeof(v) = 'string' AND (v #>> '{}') ~ ${storedTimePattern}
        AND jsonb_path_exists(to_jsonb(regexp_replace(v #>> '{}', 'Z$', '+00:00')),
          ${`$ ? (@.datetime() ${test.op} $t.datetime())`}::jsonpath, ${JSON.stringify({ t: test.value })}::jsonb, true))`;
  });
  return sql`(${sql.join(each, sql` OR `)})`;
}

/** SQL conditions (over `epcis_events e`) for the extension, unit and master-data attribute families. */
export function extensionConditions(ext: ExtensionConditions): SQL[] {
  const conditions = ext.fields.map(fieldCondition);
  for (const a of ext.attributes) {
    const named = a.bare
      ? sql`regexp_replace(attr ->> 'id', '^.*[#:/]', '') = ${a.attributes[0]}`
      : sql`attr ->> 'id' = ANY(${pgArray(a.attributes)}::text[])`;
    const valued = a.values
      ? sql`(attr -> 'attribute') #>> '{}' = ANY(${pgArray(a.values)}::text[])`
      : sql`TRUE`;
    conditions.push(sql`${sql.raw(`e.${a.column}`)} IN (SELECT m.element_id FROM epcis_master_data m
      CROSS JOIN LATERAL jsonb_array_elements(m.attributes) attr WHERE ${named} AND ${valued})`);
  }
  return conditions;
}
