// chain: test support other modules' tests may use (never imported by the program; decision 009).
export { gs1Key, makeLocation, makeOrganisation } from './chain.fixtures.ts';
