import { cloneDetectionTests } from './consumer.clones.cases.ts';

/** Issue 8 §2, each scan written as it is made. */
cloneDetectionTests();
