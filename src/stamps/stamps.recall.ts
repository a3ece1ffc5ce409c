import type { Actor, DbOrTx } from '../platform/index.ts';
import { getOrganisationsByIds, readableOrganisationIds } from '../registry/index.ts';
import { type RecallLotKey, type RecallStamps, registerRecallCoverage } from '../trace/index.ts';
import { countScans, findChangesOfRanges, findRangesBoundToLots } from './recall.repo.ts';
import { paintSegments } from './stamps.state.ts';

/**
 * The stamps a recall covers: per range and affected lot, the serials bound to the lot (whatever their state
 * now), counted by state and by scans. Only ranges of organisations the actor may read: a receiver of the goods
 * does not learn the producer's stamp numbers.
 */
export async function stampsOfLots(
  db: DbOrTx,
  lots: RecallLotKey[],
  actor: Actor | null,
): Promise<RecallStamps[]> {
  const readable = actor ? await readableOrganisationIds(db, actor) : null;
  const ranges = (await findRangesBoundToLots(db, lots)).filter(
    (r) => readable === null || readable.includes(r.organisationId),
  );
  if (!ranges.length) return [];
  const changes = await findChangesOfRanges(
    db,
    ranges.map((r) => r.id),
  );
  const organisations = new Map(
    (await getOrganisationsByIds(db, [...new Set(ranges.map((r) => r.organisationId))])).map((o) => [
      o.id,
      o.name,
    ]),
  );
  const found: RecallStamps[] = [];
  for (const range of ranges) {
    const segments = paintSegments(
      range.firstSerial,
      range.lastSerial,
      changes.filter((c) => c.rangeId === range.id),
    );
    for (const lot of lots.filter((l) => l.gtin === range.gtin)) {
      const bound = segments.filter((s) => s.lot === lot.lot && s.state !== 'allocated');
      if (!bound.length) continue;
      const count = (state?: string) =>
        bound
          .filter((s) => !state || s.state === state)
          .reduce((n, s) => n + s.lastSerial - s.firstSerial + 1, 0);
      const runs = mergeRuns(bound);
      let scanned = 0;
      let scans = 0;
      for (const run of runs) {
        const counted = await countScans(db, range.gtin, run.firstSerial, run.lastSerial);
        scanned += counted.scanned;
        scans += counted.scans;
      }
      found.push({
        lotId: lot.id,
        gtin: lot.gtin,
        lot: lot.lot,
        kind: range.kind,
        organisationName: organisations.get(range.organisationId) ?? null,
        runs,
        issued: count(),
        active: count('active'),
        deactivated: count('deactivated'),
        revoked: count('revoked'),
        scanned,
        scans,
      });
    }
  }
  return found;
}

/** Adjacent segments of different states make one run of serials. */
function mergeRuns(segments: { firstSerial: number; lastSerial: number }[]) {
  const runs: { firstSerial: number; lastSerial: number }[] = [];
  for (const s of [...segments].sort((a, b) => a.firstSerial - b.firstSerial)) {
    const last = runs[runs.length - 1];
    if (last && last.lastSerial + 1 === s.firstSerial) last.lastSerial = s.lastSerial;
    else runs.push({ firstSerial: s.firstSerial, lastSerial: s.lastSerial });
  }
  return runs;
}

registerRecallCoverage('stamps', async (db, lots, actor) => ({
  stamps: await stampsOfLots(db, lots, actor),
}));
