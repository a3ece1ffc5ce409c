/** The channel on which written scans and shared locations are announced to every process (scans.ledger.ts). */
export const scansChannel = 'txng_scans';
