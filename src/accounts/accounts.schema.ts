import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Sector } from '../platform/index.ts';

/**
 * People who sign in. Organisation roles (org_owner, org_staff) carry their organisation; officers carry the
 * sector or communes they answer for. Only an argon2id hash of the password is kept.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased so sign-in is case-insensitive and the unique index holds. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    role: text('role').notNull(),
    organisationId: uuid('organisation_id'),
    sector: text('sector').$type<Sector>(),
    communes: text('communes').array().notNull().default([]),
    disabled: boolean('disabled').notNull().default(false),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set with a temporary password from the department: nothing but a change of password until it is changed. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email), index('users_organisation_idx').on(t.organisationId)],
);

/** A signed-in browser. The cookie holds an opaque token; only its SHA-256 is stored, so a leaked table is useless. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [uniqueIndex('sessions_token_hash_uq').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/**
 * A link to set a new password, sent by mail (forgotten password, or the department's reset). Only the SHA-256 of
 * its 256-bit token is kept; it works once, within its expiry.
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The administrator who sent it; null when the person asked for it. */
    requestedBy: uuid('requested_by'),
  },
  (t) => [
    uniqueIndex('password_reset_tokens_token_hash_uq').on(t.tokenHash),
    index('password_reset_tokens_user_idx').on(t.userId),
  ],
);

/**
 * A key a program uses instead of a person (role api_client). It acts for one organisation, or for the named
 * customers of a solution provider. The secret is shown once; the prefix identifies the key in lists.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    organisationIds: uuid('organisation_ids').array().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_keys_secret_hash_uq').on(t.secretHash),
    uniqueIndex('api_keys_prefix_uq').on(t.prefix),
  ],
);

/**
 * Failed sign-ins counted per key (docs/decisions/031-sign-in-throttling.md): a normalised e-mail, whether or not an
 * account has it; a browser that has signed in to that account before; a client address. The key is a SHA-256, so
 * the table holds neither the addresses people typed (sometimes their password, in the wrong field) nor their IPs.
 * It lives in the database so every process of the program sees the same counts.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    key: text('key').primaryKey(),
    /** Attempts counted in the current run; an attempt counts when it starts and is forgiven when it succeeds. */
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull(),
    /** No attempt is looked at before this moment. */
    notBefore: timestamp('not_before', { withTimezone: true }),
  },
  (t) => [index('sign_in_throttle_last_attempt_idx').on(t.lastAttemptAt)],
);

/**
 * Browsers that have signed in to an account: each holds a random token in the `txng_device` cookie (only its hash
 * is kept). Their failures count on their own key, so someone guessing elsewhere never holds the owner back there.
 */
export const signInDevices = pgTable(
  'sign_in_devices',
  {
    tokenHash: text('token_hash').notNull(),
    /** The throttle key of the account's normalised e-mail. */
    accountKey: text('account_key').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tokenHash, t.accountKey] }),
    index('sign_in_devices_last_seen_idx').on(t.lastSeenAt),
  ],
);
