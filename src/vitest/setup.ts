/**
 * Registers the apigw-testkit matchers with vitest's `expect`. Add it to `setupFiles` (or import it once):
 *
 * @example
 * ```ts
 * // vitest.config.ts
 * export default defineConfig({ test: { setupFiles: ['apigw-testkit/vitest/setup'] } });
 * ```
 */
import { expect } from 'vitest';
import { apigwMatchers } from './matchers.js';

export type { ApigwMatchers } from './augmentation.js';

expect.extend(apigwMatchers);
