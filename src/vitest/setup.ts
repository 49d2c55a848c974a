/**
 * Registers the apigw-testkit matchers with vitest's `expect`. Add it to `setupFiles` (or import it once):
 *
 * @example
 * ```ts
 * // vitest.config.ts
 * export default defineConfig({ test: { setupFiles: ['apigw-testkit/vitest/setup'] } });
 * ```
 */
// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import '../matchers/matcher-types.js';
import { expect } from 'vitest';
import { apigwMatchers } from './matchers.js';

export type { ApigwMatchers } from '../matchers/matcher-types.js';

expect.extend(apigwMatchers);
