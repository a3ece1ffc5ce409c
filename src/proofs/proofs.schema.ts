import { bigint, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The province's signing keys (Ed25519; decision 057). The public part of every key ever used stays here so old
 * checkpoints can still be checked. The private part is here only for a key the program made itself (a deployment
 * that set no TXNG_CHECKPOINT_KEY_FILE); no route reads this column.
 */
export const checkpointKeys = pgTable('checkpoint_keys', {
  keyId: text('key_id').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key'),
  source: text('source').notNull(), // 'generated' | 'file'
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Signed checkpoints of the audit chain: each covers the rows after the previous one up to `toId`; `statement` is
 * the canonical JSON that was signed (kept as text, byte for byte), `signature` its Ed25519 signature in base64.
 */
export const checkpoints = pgTable('checkpoints', {
  seq: serial('seq').primaryKey(),
  fromId: bigint('from_id', { mode: 'number' }).notNull(),
  toId: bigint('to_id', { mode: 'number' }).notNull(),
  records: integer('records').notNull(),
  root: text('root').notNull(),
  headHash: text('head_hash').notNull(),
  keyId: text('key_id').notNull(),
  statement: text('statement').notNull(),
  signature: text('signature').notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  /** 'daily' | 'admin' | 'cli' */
  trigger: text('trigger').notNull(),
});
