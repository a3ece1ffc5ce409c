import { z } from 'zod';

const uuid = z.uuid();

/**
 * Whether a value read outside a route schema (a header, a spreadsheet cell) is a UUID, as every id column is:
 * PostgreSQL's cast of anything else is an error, and a 500 to the caller.
 */
export const isUuid = (value: unknown): value is string => uuid.safeParse(value).success;
