import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 20_000,
    setupFiles: ['./test/setup.ts'],
  },
});
