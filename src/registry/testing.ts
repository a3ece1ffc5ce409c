// registry: test support other modules' tests may use (never imported by the program; decision 009).
export { gln, gtin13, organisationBody } from './test-factories.ts';
