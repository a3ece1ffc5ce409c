import { type SQL, sql } from 'drizzle-orm';
import type { ExtensionConditions, FieldCondition, FieldTest } from './epcis.query-ext.ts';
import { storedTimePattern } from './epcis.query-ext.ts';
import { pgArray } from './epcis.repo.ts';

/**
 * The keys that name the field in this event: `prefix:local` for each prefix the event's own @context binds to one
 * of the namespaces, and the literal spellings. Computed per event, as each document chooses its prefixes.
 */
function keysOf(c: FieldCondition): SQL {
  const literals = sql`${JSON.stringify(c.name.literals)}::jsonb`;
  const prefixes =
    '$."@context"[*] ? (@.type() == "object").keyvalue() ? (@.value == $ns[*] || @.value."@id" == $ns[*]).key';
  return sql`(SELECT coalesce(jsonb_agg((p #>> '{}') || ':' || ${c.name.local}::text), '[]'::jsonb)
    FROM jsonb_path_query(e.document, ${prefixes}::jsonpath, ${JSON.stringify({ ns: c.name.namespaces })}::jsonb) p) || ${literals}`;
}

/** What follows a key in the path: its values (a list's items one by one), filtered by the test. */
function filterOf(test: FieldTest): { filter: string; vars: Record<string, unknown> } {
  if (test.kind === 'equals')
    return {
      filter: ` ? (${test.values.map((_, i) => `@ == $v${i}`).join(' || ')})`,
      vars: Object.fromEntries(test.values.map((v, i) => [`v${i}`, v])),
    };
  // numbers written as JSON numbers or as numeric text (XML without xsi:type); any other value fails .double()
  if (test.kind === 'number') return { filter: ` ? (@.double() ${test.op} $n)`, vars: { n: test.value } };
  return { filter: '', vars: {} };
}

/** The condition on the values `path` (SQL of type jsonpath) finds in `target` (the event, or a field's value). */
function valuesMatch(test: FieldTest, target: SQL, path: SQL, vars: string): SQL {
  if (test.kind !== 'time') return sql`jsonb_path_exists(${target}, ${path}, ${vars}::jsonb)`;
  // times compare as instants, whatever offset each was written with; PostgreSQL 15's .datetime() reads no `Z`
  return sql`EXISTS (SELECT 1 FROM jsonb_path_query(${target}, ${path}) v
    WHERE jsonb_typeof(v) = 'string' AND (v #>> '{}') ~ ${storedTimePattern}
      AND jsonb_path_exists(to_jsonb(regexp_replace(v #>> '{}', 'Z$', '+00:00')),
        ${`$ ? (@.datetime() ${test.op} $t.datetime())`}::jsonpath, ${JSON.stringify({ t: test.value })}::jsonb, true))`;
}

/**
 * The field read by its key (a quoted JSONPath name, so a hash lookup, not a walk over every key): keys known from
 * the query go into the path text; keys that depend on the event's own prefixes are quoted per event.
 */
function fieldCondition(c: FieldCondition): SQL {
  const each = c.bases.flatMap((base) =>
    c.tests.map((test) => {
      const { filter, vars } = filterOf(test);
      const json = JSON.stringify(vars);
      const objects = c.inner ? `${base}.**{1 to last} ? (@.type() == "object")` : base;
      const tail = `[*]${filter}`;
      if (!c.name.namespaces.length)
        return sql.join(
          c.name.literals.map((key) =>
            valuesMatch(
              test,
              sql`e.document`,
              sql`${`${objects}.${JSON.stringify(key)}${tail}`}::jsonpath`,
              json,
            ),
          ),
          sql` OR `,
        );
      // keys that depend on the event's own prefixes: each object the field may sit in, looked up by each key
      return sql`EXISTS (SELECT 1 FROM jsonb_path_query(e.document, ${objects}::jsonpath) o,
        jsonb_array_elements_text(${keysOf(c)}) k
        WHERE o ? k.value AND ${valuesMatch(test, sql`(o -> k.value)`, sql`${`$${tail}`}::jsonpath`, json)})`;
    }),
  );
  return sql`(${sql.join(each, sql` OR `)})`;
}

/** SQL conditions (over `epcis_events e`) for the extension, unit and master-data attribute families. */
export function extensionConditions(ext: ExtensionConditions): SQL[] {
  const conditions = ext.fields.map(fieldCondition);
  for (const a of ext.attributes) {
    const named = sql`(attr ->> 'id' = ANY(${pgArray(a.ids)}::text[])
      OR regexp_replace(attr ->> 'id', '^.*[#:/]', '') = ANY(${pgArray(a.locals)}::text[]))`;
    const valued = a.values
      ? sql`(attr -> 'attribute') #>> '{}' = ANY(${pgArray(a.values)}::text[])`
      : sql`TRUE`;
    conditions.push(sql`${sql.raw(`e.${a.column}`)} IN (SELECT m.element_id FROM epcis_master_data m
      CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(m.attributes) WHEN 'array' THEN m.attributes ELSE '[]'::jsonb END) attr
      WHERE ${named} AND ${valued})`);
  }
  return conditions;
}
