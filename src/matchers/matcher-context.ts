/**
 * What a matcher uses of `this`: the part vitest's `MatcherState` and Jest's `MatcherContext` share, so one
 * implementation serves both runners.
 *
 * @example
 * ```ts
 * expect.extend({
 *   toBeCreated(this: ApigwMatcherContext, received: unknown) {
 *     return apigwMatchers.toHaveStatusCode.call(this, received, 201);
 *   },
 * });
 * ```
 */
export interface ApigwMatcherContext {
  /** Deep equality with the runner's asymmetric matchers and the given testers. */
  equals(a: unknown, b: unknown, customTesters?: readonly unknown[]): boolean;
  /** Equality testers registered with `expect.addEqualityTesters`. */
  readonly customTesters: readonly unknown[];
  readonly utils: {
    stringify(value: unknown): string;
    readonly iterableEquality: unknown;
    readonly subsetEquality: unknown;
  };
}

/** Prints a value for a failure message on one line, the way the runner does. */
export type ShowValue = (context: ApigwMatcherContext, value: unknown) => string;

/** Shape vitest and Jest expect back from a matcher. */
export interface MatcherOutcome {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}
