-- Monthly partitions of epcis_events (by record_time) and stamp_scans (by at), months in Vietnam time (UTC+7),
-- decision 054. Drizzle cannot say PARTITION BY: 0000_init makes the two tables plain, this turns them into
-- partitioned ones, moving whatever rows they hold. A DEFAULT partition takes any row no month holds, so a capture
-- or a scan never fails for want of a partition; txng_partition_maintenance (run when the program opens the database
-- and daily) makes this month and the next ones, and moves rows out of the default into their month.

-- Makes the month partition of `parent` that holds `month` (its first day) unless a table of its name exists, moving
-- the default partition's rows of that month into it first. True when it made one.
CREATE FUNCTION txng_month_partition(parent text, col text, month date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  part text := parent || '_p' || to_char(month, 'YYYY_MM');
  lo timestamptz := month::timestamp AT TIME ZONE INTERVAL '+07:00';
  hi timestamptz := (month + interval '1 month')::timestamp AT TIME ZONE INTERVAL '+07:00';
BEGIN
  IF to_regclass(format('%I', part)) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS)', part, parent);
  -- a move, not a delete: the events' keys stay (epcis_events_unkey)
  PERFORM set_config('txng.moving_partition', 'on', true);
  EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= $1 AND %I < $2 RETURNING *) INSERT INTO %I SELECT * FROM moved',
    parent || '_default', col, col, part) USING lo, hi;
  PERFORM set_config('txng.moving_partition', 'off', true);
  -- the same range as a check: ATTACH then need not scan the table to prove it
  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (%I >= %L AND %I < %L)', part, part || '_range', col, lo, col, hi);
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, lo, hi);
  EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', part, part || '_range');
  RETURN true;
END $$;
--> statement-breakpoint
-- This month and `months_ahead` more of both tables, and the months of any row the default partition holds.
-- Idempotent; one process at a time (a transaction-scoped advisory lock). Returns how many partitions it made.
CREATE FUNCTION txng_partition_maintenance(months_ahead int DEFAULT 3) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  made int := 0;
  this_month date := date_trunc('month', now() AT TIME ZONE INTERVAL '+07:00')::date;
  t record;
  m date;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('txng:partitions', 0));
  FOR t IN SELECT * FROM (VALUES ('epcis_events', 'record_time'), ('stamp_scans', 'at')) v(parent, col) LOOP
    FOR i IN 0..months_ahead LOOP
      IF txng_month_partition(t.parent, t.col, (this_month + make_interval(months => i))::date) THEN
        made := made + 1;
      END IF;
    END LOOP;
    FOR m IN EXECUTE format('SELECT DISTINCT date_trunc(''month'', %I AT TIME ZONE INTERVAL ''+07:00'')::date FROM %I',
      t.col, t.parent || '_default') LOOP
      IF txng_month_partition(t.parent, t.col, m) THEN
        made := made + 1;
      END IF;
    END LOOP;
  END LOOP;
  RETURN made;
END $$;
--> statement-breakpoint
-- An event's key row (epcis_event_keys, whose unique indexes hold an eventID's uniqueness across months): an event
-- whose key is taken is skipped, as ON CONFLICT DO NOTHING skipped it when the events table held those indexes.
CREATE FUNCTION epcis_events_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO epcis_event_keys (event_pk, event_id, is_error_declaration, organisation_id, record_time)
  VALUES (NEW.id, NEW.event_id, NEW.is_error_declaration, NEW.organisation_id, NEW.record_time)
  ON CONFLICT DO NOTHING;
  IF FOUND THEN
    RETURN NEW;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A deleted event frees its key, as deleting the row freed the unique index before (the program never deletes events;
-- tests empty the tables). Detaching a month deletes nothing, so archived eventIDs stay taken.
CREATE FUNCTION epcis_events_unkey() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('txng.moving_partition', true), 'off') <> 'on' THEN
    DELETE FROM epcis_event_keys WHERE event_pk = OLD.id;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
ALTER TABLE epcis_events RENAME TO epcis_events_unpartitioned;
--> statement-breakpoint
ALTER TABLE epcis_events_unpartitioned RENAME CONSTRAINT epcis_events_id_record_time_pk TO epcis_events_unpartitioned_pk;
--> statement-breakpoint
ALTER SEQUENCE epcis_events_id_seq OWNED BY NONE;
--> statement-breakpoint
DROP INDEX epcis_events_event_id_idx, epcis_events_event_time_idx, epcis_events_record_time_idx, epcis_events_biz_step_idx,
  epcis_events_biz_location_idx, epcis_events_organisation_idx;
--> statement-breakpoint
CREATE TABLE epcis_events (LIKE epcis_events_unpartitioned INCLUDING DEFAULTS,
  CONSTRAINT epcis_events_id_record_time_pk PRIMARY KEY (id, record_time)) PARTITION BY RANGE (record_time);
--> statement-breakpoint
ALTER SEQUENCE epcis_events_id_seq OWNED BY epcis_events.id;
--> statement-breakpoint
CREATE INDEX epcis_events_event_id_idx ON epcis_events (event_id);
--> statement-breakpoint
CREATE INDEX epcis_events_event_time_idx ON epcis_events (event_time);
--> statement-breakpoint
CREATE INDEX epcis_events_record_time_idx ON epcis_events (record_time);
--> statement-breakpoint
CREATE INDEX epcis_events_biz_step_idx ON epcis_events (biz_step);
--> statement-breakpoint
CREATE INDEX epcis_events_biz_location_idx ON epcis_events (biz_location);
--> statement-breakpoint
CREATE INDEX epcis_events_organisation_idx ON epcis_events (organisation_id);
--> statement-breakpoint
CREATE TABLE epcis_events_default PARTITION OF epcis_events DEFAULT;
--> statement-breakpoint
CREATE TRIGGER epcis_events_key BEFORE INSERT ON epcis_events FOR EACH ROW EXECUTE FUNCTION epcis_events_key();
--> statement-breakpoint
CREATE TRIGGER epcis_events_unkey AFTER DELETE ON epcis_events FOR EACH ROW EXECUTE FUNCTION epcis_events_unkey();
--> statement-breakpoint
INSERT INTO epcis_events SELECT * FROM epcis_events_unpartitioned ORDER BY id;
--> statement-breakpoint
DROP TABLE epcis_events_unpartitioned;
--> statement-breakpoint
ALTER TABLE stamp_scans RENAME TO stamp_scans_unpartitioned;
--> statement-breakpoint
ALTER TABLE stamp_scans_unpartitioned RENAME CONSTRAINT stamp_scans_id_at_pk TO stamp_scans_unpartitioned_pk;
--> statement-breakpoint
ALTER SEQUENCE stamp_scans_id_seq RENAME TO stamp_scans_unpartitioned_id_seq;
--> statement-breakpoint
DROP INDEX stamp_scans_stamp_idx, stamp_scans_network_idx, stamp_scans_at_brin;
--> statement-breakpoint
CREATE TABLE stamp_scans (LIKE stamp_scans_unpartitioned INCLUDING DEFAULTS,
  CONSTRAINT stamp_scans_id_at_pk PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
--> statement-breakpoint
ALTER TABLE stamp_scans ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME stamp_scans_id_seq);
--> statement-breakpoint
CREATE INDEX stamp_scans_stamp_idx ON stamp_scans (gtin, serial, at);
--> statement-breakpoint
CREATE INDEX stamp_scans_network_idx ON stamp_scans (network, at);
--> statement-breakpoint
CREATE INDEX stamp_scans_at_brin ON stamp_scans USING brin (at);
--> statement-breakpoint
CREATE TABLE stamp_scans_default PARTITION OF stamp_scans DEFAULT;
--> statement-breakpoint
INSERT INTO stamp_scans OVERRIDING SYSTEM VALUE SELECT * FROM stamp_scans_unpartitioned ORDER BY id;
--> statement-breakpoint
SELECT setval('stamp_scans_id_seq', coalesce((SELECT max(id) FROM stamp_scans_unpartitioned), 0) + 1, false);
--> statement-breakpoint
DROP TABLE stamp_scans_unpartitioned;
--> statement-breakpoint
SELECT txng_partition_maintenance(3);
