import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';

/** Seeds the demo province on an empty database; does nothing when data is already there. */
export async function seedDemo(_db: Db, _config: Config): Promise<{ seeded: boolean }> {
  return { seeded: false };
}
