/** True when the error (or the driver error Drizzle wraps) is PostgreSQL's unique_violation. */
export function isUniqueViolation(err: unknown): boolean {
  let current: any = err;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current.code === '23505') return true;
    current = current.cause;
  }
  return false;
}
