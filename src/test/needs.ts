declare module 'vitest' {
  interface TaskMeta {
    /** Why the tests of a suite are skipped; the count line groups skipped tests by it. */
    skipReason?: string;
  }
}

/**
 * Options for a `describe()` whose tests need a service the machine may lack (Chromium, a PostgreSQL server…).
 * When `missing` names what is missing, the suite is skipped and the count line says why:
 *
 *   describe('consumer journey', needs('Chromium', chromiumMissing()), () => { … });
 */
export function needs(service: string, missing: string | null | undefined) {
  return missing ? { skip: true, meta: { skipReason: `need ${service} (${missing})` } } : {};
}
