/**
 * The clone-detection tests of consumer.clones.test.ts again, with scans kept in the process's buffer and written in
 * batches as a server process does (decision 055): every signal still fires on scans not yet written.
 */
(globalThis as { txngScanBuffer?: boolean }).txngScanBuffer = true;
await import('./consumer.clones.test.ts');
