// stamps: test support other modules' tests may use (never imported by the program; decision 009).
export { adminActor, makeLot, makeProducer, publish, randomGln } from './stamps.test-support.ts';
