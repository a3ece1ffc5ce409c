// resolver: test support other modules' tests may use (never imported by the program; decision 009).
export { makeStampedProduct } from './resolver.test-support.ts';
