import type { MatcherContext } from 'expect';
import { type ApigwMatcherImplementations, createMatcherSet } from '../matchers/create-matchers.js';
import type { ApigwMatcherContext } from '../matchers/matcher-context.js';
import type { ApigwMatchers } from '../matchers/matcher-types.js';
import type { ValidateProxyResultOptions } from '../response/types.js';

// Jest's `this.utils.stringify` already prints on one line.
const showValue = (context: ApigwMatcherContext, value: unknown): string =>
  (context as unknown as MatcherContext).utils.stringify(value);

/**
 * Builds the matchers for Jest's `expect.extend` with default proxy-result options (e.g. an HTTP API suite on
 * payload 2.0). Per-call options override the defaults.
 *
 * @example
 * ```ts
 * import { expect } from '@jest/globals';
 * import { createApigwMatchers } from 'apigw-testkit/jest';
 * expect.extend(createApigwMatchers({ payloadFormat: '2.0' }));
 * ```
 */
export function createApigwMatchers(defaults: ValidateProxyResultOptions = {}): ApigwMatcherImplementations {
  return createMatcherSet(defaults, showValue);
}

/**
 * The matchers with the default options (payload 1.0, REST API), for Jest's `expect.extend`;
 * `apigw-testkit/jest/setup` registers them.
 *
 * @example
 * ```ts
 * import { expect } from '@jest/globals';
 * import { apigwMatchers } from 'apigw-testkit/jest';
 * expect.extend(apigwMatchers);
 * ```
 */
export const apigwMatchers: ApigwMatcherImplementations = createApigwMatchers();

// `expect` from '@jest/globals' (and @jest/expect) is typed by the `expect` package's Matchers interface.
declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends ApigwMatchers<T, R> {}
}
