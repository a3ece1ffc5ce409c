-- Sensor readings partitioned by month of their own time (`at`), months in Vietnam time like epcis_events and
-- stamp_scans (decisions 054 and 059). 0000_init makes sensor_readings a plain table (Drizzle cannot say PARTITION BY);
-- it holds no rows when this runs, so it is made again as a partitioned one with the same columns and indexes.
-- The maintenance of 0001 named its two tables in its body; it now reads them from txng_partitioned_tables, so a
-- module that partitions a table adds a row there instead of writing the function again.
CREATE TABLE txng_partitioned_tables (parent text PRIMARY KEY, col text NOT NULL);
--> statement-breakpoint
INSERT INTO txng_partitioned_tables VALUES ('epcis_events', 'record_time'), ('stamp_scans', 'at'), ('sensor_readings', 'at');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION txng_partition_maintenance(months_ahead int DEFAULT 3) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  made int := 0;
  this_month date := date_trunc('month', now() AT TIME ZONE INTERVAL '+07:00')::date;
  t record;
  m date;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('txng:partitions', 0));
  FOR t IN SELECT parent, col FROM txng_partitioned_tables ORDER BY parent LOOP
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
DROP TABLE sensor_readings;
--> statement-breakpoint
CREATE TABLE sensor_readings (
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL,
  organisation_id uuid NOT NULL,
  source text NOT NULL,
  device_id uuid,
  event_id text,
  kind text NOT NULL,
  value double precision NOT NULL,
  lot_id uuid,
  location_id uuid,
  shipment_id uuid,
  CONSTRAINT sensor_readings_id_at_pk PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
--> statement-breakpoint
CREATE INDEX sensor_readings_lot_idx ON sensor_readings (lot_id, at) WHERE lot_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX sensor_readings_device_idx ON sensor_readings (device_id, at) WHERE device_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX sensor_readings_location_idx ON sensor_readings (location_id, at) WHERE location_id IS NOT NULL;
--> statement-breakpoint
CREATE TABLE sensor_readings_default PARTITION OF sensor_readings DEFAULT;
--> statement-breakpoint
SELECT txng_partition_maintenance(3);
