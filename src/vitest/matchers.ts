import type { MatcherState } from 'vitest';
import type { ValidateProxyResultOptions } from '../response/types.js';
import type { HeaderValueExpectation, JsonBodyMatcherOptions } from './augmentation.js';
import type { MatcherOutcome } from './subject.js';
import { createToBeValidProxyResult } from './to-be-valid-proxy-result.js';
import { createToHaveHeader } from './to-have-header.js';
import { createToHaveJsonBody } from './to-have-json-body.js';
import { createToHaveStatusCode } from './to-have-status-code.js';

// A type alias (not an interface) so it fits vitest's index-signature `MatchersObject`.
/** The matcher implementations, ready for `expect.extend`. */
export type ApigwMatcherImplementations = {
  toBeValidProxyResult(
    this: MatcherState,
    received: unknown,
    options?: ValidateProxyResultOptions,
  ): MatcherOutcome | Promise<MatcherOutcome>;
  toHaveStatusCode(
    this: MatcherState,
    received: unknown,
    statusCode: number,
    options?: ValidateProxyResultOptions,
  ): MatcherOutcome;
  toHaveHeader(
    this: MatcherState,
    received: unknown,
    name: string,
    value?: HeaderValueExpectation,
    options?: ValidateProxyResultOptions,
  ): MatcherOutcome;
  toHaveJsonBody(
    this: MatcherState,
    received: unknown,
    expected: unknown,
    options?: JsonBodyMatcherOptions,
  ): MatcherOutcome | Promise<MatcherOutcome>;
};

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
  return {
    toBeValidProxyResult: createToBeValidProxyResult(defaults),
    toHaveStatusCode: createToHaveStatusCode(defaults),
    toHaveHeader: createToHaveHeader(defaults),
    toHaveJsonBody: createToHaveJsonBody(defaults),
  };
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
