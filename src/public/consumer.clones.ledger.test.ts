import { cloneDetectionTests } from './consumer.clones.cases.ts';

/**
 * The clone-detection tests a third time: scans buffered as a server process does, and the stamp's statistics taken
 * from the process's ledger of scans (scans.ledger.ts, decision 062) instead of the table. One process: its own scans
 * reach the ledger as it counts them, and a location shared on a written scan through the row's update.
 */
cloneDetectionTests({ buffered: true, ledger: true });
