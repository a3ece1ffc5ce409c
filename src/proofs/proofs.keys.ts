import crypto from 'node:crypto';
import fs from 'node:fs';
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { checkpointKeys } from './proofs.schema.ts';

/**
 * The province's Ed25519 signing key (decision 057). In production the private key lives in a file the operator
 * keeps (TXNG_CHECKPOINT_KEY_FILE, PEM PKCS#8, docs/operations.md); without it the program makes one key the first
 * time it signs and keeps it in the database. Either way only the public part is ever served.
 */
export interface SigningKey {
  keyId: string;
  publicKey: string;
  privateKey: crypto.KeyObject;
}

/** A key's id: the first 16 hex digits of sha256 over its public key (SPKI DER), the same for anyone who has it. */
export function keyIdOf(publicKey: crypto.KeyObject | string): string {
  const key = typeof publicKey === 'string' ? crypto.createPublicKey(publicKey) : publicKey;
  return crypto
    .createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** Reads a public key in PEM (SPKI), or null when the text is not an Ed25519 public key. */
export function readPublicKey(pem: string): crypto.KeyObject | null {
  try {
    const key = crypto.createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

const keyLock = 7_346_057;

/** The key to sign with: the operator's file (config.checkpointKeyFile, checked at start) or the kept one. */
export async function signingKey(db: DbOrTx, file: string | null): Promise<SigningKey> {
  if (file) {
    const privateKey = crypto.createPrivateKey(fs.readFileSync(file, 'utf8'));
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 private key`);
    const publicKey = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    const keyId = keyIdOf(publicKey);
    await db.insert(checkpointKeys).values({ keyId, publicKey, source: 'file' }).onConflictDoNothing();
    return { keyId, publicKey, privateKey };
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${keyLock})`);
    const [kept] = await tx
      .select()
      .from(checkpointKeys)
      .where(eq(checkpointKeys.source, 'generated'))
      .orderBy(asc(checkpointKeys.createdAt))
      .limit(1);
    if (kept?.privateKey)
      return {
        keyId: kept.keyId,
        publicKey: kept.publicKey,
        privateKey: crypto.createPrivateKey(kept.privateKey),
      };
    const pair = crypto.generateKeyPairSync('ed25519');
    const publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const keyId = keyIdOf(publicKey);
    await tx.insert(checkpointKeys).values({
      keyId,
      publicKey,
      privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      source: 'generated',
    });
    return { keyId, publicKey, privateKey: pair.privateKey };
  });
}

/** The public keys that signed checkpoints, oldest first (never the private parts). */
export function publicKeys(db: DbOrTx) {
  return db
    .select({
      keyId: checkpointKeys.keyId,
      publicKey: checkpointKeys.publicKey,
      createdAt: checkpointKeys.createdAt,
    })
    .from(checkpointKeys)
    .orderBy(asc(checkpointKeys.createdAt));
}
