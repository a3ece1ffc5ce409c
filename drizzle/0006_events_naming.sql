-- The events naming some identifiers (or with some source/destination values), in one round trip (decision 067):
-- which events, from epcis_event_keys (declarations, record time, organisation), then those events from the months
-- they were recorded in, by a statement built with their record times so that the planner reads only those
-- partitions (decision 054). The trace walks a chain a hop at a time and asked for each hop in two statements;
-- this is the same two statements run inside the server. CREATE OR REPLACE: a later squash passes over it.
CREATE OR REPLACE FUNCTION txng_events_naming(want_ids text[], want_values text[], as_of timestamptz, scope uuid[])
RETURNS TABLE (pk bigint, "eventId" text, "eventType" text, "eventTime" timestamptz, "eventTimeZoneOffset" text,
  "recordTime" timestamptz, action text, "bizStep" text, disposition text, "readPoint" text, "bizLocation" text,
  "organisationId" uuid, document jsonb, ids json, links json)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
  pks bigint[];
  times timestamptz[];
BEGIN
  -- an event counts unless an error declaration by its owner (or the department) withdrew it, both as of as_of
  SELECT array_agg(k.event_pk), array_agg(DISTINCT k.record_time) INTO pks, times
  FROM epcis_event_keys k
  WHERE k.event_pk IN (
      SELECT i.event_pk FROM epcis_event_ids i WHERE want_ids IS NOT NULL AND i.id = ANY(want_ids)
      UNION
      SELECT l.event_pk FROM epcis_event_links l
      WHERE want_values IS NOT NULL AND l.value = ANY(want_values) AND l.kind IN ('source', 'destination'))
    AND NOT k.is_error_declaration
    AND (as_of IS NULL OR k.record_time <= as_of)
    AND (scope IS NULL OR k.organisation_id = ANY(scope))
    AND NOT EXISTS (
      SELECT 1 FROM epcis_event_keys d
      WHERE d.event_id = k.event_id AND d.is_error_declaration
        AND (d.organisation_id IS NOT DISTINCT FROM k.organisation_id OR d.organisation_id IS NULL)
        AND (as_of IS NULL OR d.record_time <= as_of));
  IF pks IS NULL THEN
    RETURN;
  END IF;
  -- EXECUTE plans with the values: the months named, and no other, are read
  RETURN QUERY EXECUTE $events$
    SELECT e.id, e.event_id, e.event_type, e.event_time, e.event_time_zone_offset, e.record_time, e.action,
      e.biz_step, e.disposition, e.read_point, e.biz_location, e.organisation_id, e.document,
      COALESCE((SELECT json_agg(json_build_object('id', i.id, 'role', i.role, 'isClass', i.is_class,
          'quantity', i.quantity, 'uom', i.uom)) FROM epcis_event_ids i WHERE i.event_pk = e.id), '[]'),
      COALESCE((SELECT json_agg(json_build_object('kind', l.kind, 'type', l.type, 'value', l.value))
          FROM epcis_event_links l WHERE l.event_pk = e.id), '[]')
    FROM epcis_events e WHERE e.id = ANY($1) AND e.record_time = ANY($2)
    ORDER BY e.event_time, e.id
  $events$ USING pks, times;
END $$;
