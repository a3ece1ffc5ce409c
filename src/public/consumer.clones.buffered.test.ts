import { cloneDetectionTests } from './consumer.clones.cases.ts';

/**
 * The clone-detection tests again, with scans kept in the process's buffer and written in batches as a server process
 * does (decision 055): every signal still fires on scans not yet written.
 */
cloneDetectionTests({ buffered: true });
