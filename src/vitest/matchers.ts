import type { MatcherState } from 'vitest';
import { type ApigwMatcherImplementations, createMatcherSet } from '../matchers/create-matchers.js';
import type { ApigwMatcherContext } from '../matchers/matcher-context.js';
import type { ValidateProxyResultOptions } from '../response/types.js';

// vitest prints a value on one line with `min: true`.
const showValue = (context: ApigwMatcherContext, value: unknown): string =>
  (context as unknown as MatcherState).utils.stringify(value, undefined, { min: true });

/**
 * Builds the matchers with default proxy-result options, e.g. for a suite that only tests HTTP API payload 2.0
 * handlers. Per-call options override the defaults.
 *
 * @example
 * ```ts
 * import { expect } from 'vitest';
 * import { createApigwMatchers } from 'apigw-testkit/vitest';
 * expect.extend(createApigwMatchers({ payloadFormat: '2.0' }));
 * ```
 */
export function createApigwMatchers(defaults: ValidateProxyResultOptions = {}): ApigwMatcherImplementations {
  return createMatcherSet(defaults, showValue);
}

/**
 * The matchers with the default options (payload 1.0, REST API); `apigw-testkit/vitest/setup` registers them.
 *
 * @example
 * ```ts
 * import { expect } from 'vitest';
 * import { apigwMatchers } from 'apigw-testkit/vitest';
 * expect.extend(apigwMatchers);
 * ```
 */
export const apigwMatchers: ApigwMatcherImplementations = createApigwMatchers();
