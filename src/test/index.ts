// test: support for every module's tests (a fresh app and database per file). The program never imports it.

export type { TestApp } from './app.ts';
export { createTestApp } from './app.ts';
