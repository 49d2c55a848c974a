/**
 * Registers the apigw-testkit matchers with Jest's `expect` and brings their types (for `@jest/globals` and for
 * `@types/jest`). Add it to `setupFilesAfterEnv`:
 *
 * @example
 * ```ts
 * // jest.config.js
 * export default { setupFilesAfterEnv: ['apigw-testkit/jest/setup'] };
 * ```
 */
import { expect } from '@jest/globals';
import { apigwMatchers } from './matchers.js';

export type { ApigwMatchers } from '../matchers/matcher-types.js';

expect.extend(apigwMatchers);
