// epcis: test support other modules' tests may use (never imported by the program; decision 009).
export { epcisDocument } from './epcis.test-helpers.ts';
