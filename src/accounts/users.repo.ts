import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { users } from './accounts.schema.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function findUserById(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = db.select().from(users).where(eq(users.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertUser(db: DbOrTx, values: NewUserRow): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .returning();
  return row;
}

export async function updateUser(db: DbOrTx, id: string, values: Partial<NewUserRow>): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export interface UserFilter {
  q?: string;
  role?: string;
  organisationIds?: string[];
  disabled?: boolean;
}

export async function listUsers(db: DbOrTx, f: UserFilter, page: { limit: number; offset: number }) {
  const conditions: SQL[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.email, like), ilike(users.name, like))!);
  }
  if (f.role) conditions.push(eq(users.role, f.role));
  if (f.organisationIds) {
    conditions.push(
      f.organisationIds.length
        ? sql`${users.organisationId} = ANY(${sql.param(f.organisationIds)}::uuid[])`
        : sql`false`,
    );
  }
  if (f.disabled !== undefined) conditions.push(eq(users.disabled, f.disabled));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(users).where(where).orderBy(asc(users.email)).limit(page.limit).offset(page.offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { rows, total: Number(total) };
}

export async function noteSuccessfulSignIn(db: DbOrTx, id: string) {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, id));
}

/** Active people of some roles, by name (whom a case may be assigned to): id, name and role only. */
export async function activePeopleWithRoles(db: DbOrTx, roles: string[]) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(inArray(users.role, roles), eq(users.disabled, false)))
    .orderBy(asc(users.name))
    .limit(500);
}
