import type { ApiKeyRow } from './api-keys.repo.ts';
import type { UserRow } from './users.repo.ts';

/**
 * What the API says about a person: never the password hash, and of the sign-in throttle only whether the account
 * waits out a delay now (`locked`), which the caller looks up.
 */
export function presentUser(row: UserRow, locked = false) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    role: row.role,
    organisationId: row.organisationId,
    sector: row.sector,
    communes: row.communes,
    disabled: row.disabled,
    locked,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type UserView = ReturnType<typeof presentUser>;

/** A key as lists show it: its prefix identifies it, the secret is gone for good. */
export function presentApiKey(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    organisationIds: row.organisationIds,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
export type ApiKeyView = ReturnType<typeof presentApiKey>;
