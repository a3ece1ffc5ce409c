-- Keeps dashboard_scan_communes (scans by month, commune and sector; decision 063) equal to dashboard_scan_months
-- grouped by each organisation's commune and sector as they stand. When organisations change commune or sector, or
-- are deleted, their rolled-up scans leave the old place (and go to the new one) in the same transaction, by any
-- means of writing (the registry, plain SQL). One statement-level trigger per kind of change, with the rows before
-- and after (transition tables cannot be combined with a column list, so every update fires it; one that moves
-- nobody returns at once).
CREATE FUNCTION dashboard_scan_communes_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE o.commune_code IS DISTINCT FROM n.commune_code OR o.sector IS DISTINCT FROM n.sector) THEN
      RETURN NULL;
    END IF;
  ELSIF NOT EXISTS (SELECT 1 FROM old_rows) THEN
    RETURN NULL;
  END IF;
  -- The roll-up's lock (src/dashboard/dashboard.rollup.ts): a roll-up running now may have added these
  -- organisations' new scans to their old place; wait for it to commit, then move what it added too (each statement
  -- below sees it: a new snapshot per statement under READ COMMITTED).
  PERFORM pg_advisory_xact_lock(hashtext('dashboard_scan_months'));
  -- not filled yet: the first roll-up fills it from the organisations as they will then stand
  IF NOT EXISTS (SELECT 1 FROM dashboard_rollup_marks WHERE name = 'dashboard_scan_communes') THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    WITH moved AS (
      SELECT o.id, coalesce(o.commune_code, '') AS old_commune, o.sector AS old_sector,
        coalesce(n.commune_code, '') AS new_commune, n.sector AS new_sector
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE o.commune_code IS DISTINCT FROM n.commune_code OR o.sector IS DISTINCT FROM n.sector),
    delta AS (
      SELECT m.month, v.old_commune AS commune_code, v.old_sector AS sector, -m.scans::bigint AS scans
      FROM moved v JOIN dashboard_scan_months m ON m.organisation_id = v.id
      UNION ALL
      SELECT m.month, v.new_commune, v.new_sector, m.scans
      FROM moved v JOIN dashboard_scan_months m ON m.organisation_id = v.id)
    INSERT INTO dashboard_scan_communes (month, commune_code, sector, scans)
    SELECT month, commune_code, sector, sum(scans) FROM delta GROUP BY 1, 2, 3 HAVING sum(scans) <> 0
    ON CONFLICT (month, commune_code, sector) DO UPDATE SET scans = dashboard_scan_communes.scans + excluded.scans;
  ELSE
    WITH delta AS (
      SELECT m.month, coalesce(o.commune_code, '') AS commune_code, o.sector, -sum(m.scans)::bigint AS scans
      FROM old_rows o JOIN dashboard_scan_months m ON m.organisation_id = o.id GROUP BY 1, 2, 3)
    INSERT INTO dashboard_scan_communes (month, commune_code, sector, scans)
    SELECT month, commune_code, sector, scans FROM delta WHERE scans <> 0
    ON CONFLICT (month, commune_code, sector) DO UPDATE SET scans = dashboard_scan_communes.scans + excluded.scans;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER dashboard_scan_communes_update AFTER UPDATE ON organisations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_scan_communes_move();
--> statement-breakpoint
CREATE TRIGGER dashboard_scan_communes_delete AFTER DELETE ON organisations
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_scan_communes_move();
