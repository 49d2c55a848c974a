import type { ValidateProxyResultOptions } from '../response/types.js';
import type { ApigwMatcherContext, MatcherOutcome, ShowValue } from './matcher-context.js';
import type { HeaderValueExpectation, JsonBodyMatcherOptions } from './matcher-types.js';
import { createToBeValidProxyResult } from './to-be-valid-proxy-result.js';
import { createToHaveHeader } from './to-have-header.js';
import { createToHaveJsonBody } from './to-have-json-body.js';
import { createToHaveStatusCode } from './to-have-status-code.js';

// A type alias (not an interface) so it fits the index-signature matcher maps of vitest and Jest.
/**
 * The matcher implementations, ready for `expect.extend` (vitest or Jest).
 *
 * @example
 * ```ts
 * const matchers: ApigwMatcherImplementations = createApigwMatchers({ payloadFormat: '2.0' });
 * expect.extend(matchers);
 * ```
 */
export type ApigwMatcherImplementations = {
  toBeValidProxyResult(
    this: ApigwMatcherContext,
    received: unknown,
    options?: ValidateProxyResultOptions,
  ): MatcherOutcome | Promise<MatcherOutcome>;
  toHaveStatusCode(
    this: ApigwMatcherContext,
    received: unknown,
    statusCode: number,
    options?: ValidateProxyResultOptions,
  ): MatcherOutcome;
  toHaveHeader(
    this: ApigwMatcherContext,
    received: unknown,
    name: string,
    value?: HeaderValueExpectation,
    options?: ValidateProxyResultOptions,
  ): MatcherOutcome;
  toHaveJsonBody(
    this: ApigwMatcherContext,
    received: unknown,
    expected: unknown,
    options?: JsonBodyMatcherOptions,
  ): MatcherOutcome | Promise<MatcherOutcome>;
};

/**
 * The four matchers with default proxy-result options, printing values with `showValue` (the runner's own
 * one-line format). The vitest and Jest entries call it; both judge through the same `validateProxyResult` report.
 */
export function createMatcherSet(
  defaults: ValidateProxyResultOptions,
  showValue: ShowValue,
): ApigwMatcherImplementations {
  return {
    toBeValidProxyResult: createToBeValidProxyResult(defaults),
    toHaveStatusCode: createToHaveStatusCode(defaults),
    toHaveHeader: createToHaveHeader(defaults, showValue),
    toHaveJsonBody: createToHaveJsonBody(defaults, showValue),
  };
}
