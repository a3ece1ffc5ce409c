import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The web app's own unit tests (pure helpers: form bodies, problem mapping). The server suite excludes src/web.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['**/*.test.ts'],
    exclude: ['dist/**'],
    name: 'web',
    environment: 'node',
  },
});
