import type { DbOrTx } from '../platform/index.ts';

/**
 * The resolver keeps published master data a few seconds in memory. An approval withdrawal or its lifting must
 * show at the very next scan, so the program hands the resolver's cache reset to `connectPublicCache`, and the
 * act calls it once its transaction has committed (inspections do not import the resolver, a face above them).
 */
let forget: () => void = () => {};

export function connectPublicCache(clear: () => void): void {
  forget = clear;
}

export const forgetPublicData = () => forget();

/**
 * A stamp suspension or its lifting, announced in its own transaction so that every server process drops the
 * suspension it holds for the GTIN's stamps at commit (the consumer page keeps it as live state, decision 055). The
 * resolver connects its announcement here (inspections do not import it).
 */
let announceStamps: (tx: DbOrTx, gtin: string) => Promise<void> = async () => {};

export function connectSuspensionAnnouncements(announce: (tx: DbOrTx, gtin: string) => Promise<void>): void {
  announceStamps = announce;
}

export const announceSuspension = (tx: DbOrTx, gtin: string) => announceStamps(tx, gtin);
