// The set-up docs/vitest.md shows, as is: no tsconfig change is needed for the matcher types.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['**/*.spec.ts'], setupFiles: ['apigw-testkit/vitest/setup'] },
});
