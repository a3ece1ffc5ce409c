// accounts: test support other modules' tests may use (never imported by the program; decision 009).

export type { Session } from './accounts.fixtures.ts';
export { makeOrganisation, makeSignedInUser } from './accounts.fixtures.ts';
