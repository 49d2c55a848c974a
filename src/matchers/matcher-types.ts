import type { ValidateProxyResultOptions } from '../response/types.js';

/** Options of `toHaveJsonBody`: the proxy-result options plus `partial`. */
export interface JsonBodyMatcherOptions extends ValidateProxyResultOptions {
  /**
   * `false` (default): the parsed body must deep-equal `expected` (like `toEqual`; asymmetric matchers such as
   * `expect.objectContaining` work anywhere inside). `true`: `expected` is a subset (like `toMatchObject`).
   */
  partial?: boolean;
}

/** A header value to look for: exact text, a RegExp, or an asymmetric matcher (`expect.stringContaining`). */
export type HeaderValueExpectation = string | RegExp | { asymmetricMatch(other: unknown): boolean };

/**
 * The apigw-testkit matchers as they appear on `expect(...)` (vitest and Jest). Each accepts a Lambda proxy result
 * (payload 1.0 or 2.0, judged like `validateProxyResult`) or a fetch `Response`. Matchers that read a `Response`
 * body return a Promise and must be awaited. `T` is the type of the subject, `R` what a synchronous matcher
 * returns (`void`; `Promise<void>` after `.resolves`/`.rejects` in Jest).
 *
 * @example
 * ```ts
 * expect({ statusCode: 201, body: '{"id":1}' }).toHaveStatusCode(201);
 * await expect(await gateway.fetch(request)).toHaveJsonBody({ id: 1 });
 * ```
 */
export interface ApigwMatchers<T = unknown, R = void> {
  /** Passes when API Gateway accepts the proxy result; the failure message lists every issue and the client's view. */
  toBeValidProxyResult(options?: ValidateProxyResultOptions): T extends Response ? Promise<void> : R;
  /** Passes when the client receives `statusCode` (for a proxy result: after API Gateway's checks). */
  toHaveStatusCode(statusCode: number, options?: ValidateProxyResultOptions): R;
  /**
   * Passes when the client receives header `name` (case-insensitive) and, if `value` is given, one of its lines
   * or their comma-joined value matches.
   */
  toHaveHeader(name: string, value?: HeaderValueExpectation, options?: ValidateProxyResultOptions): R;
  /** Passes when the body parses as JSON and equals `expected` (or contains it with `{ partial: true }`). */
  toHaveJsonBody(expected: unknown, options?: JsonBodyMatcherOptions): T extends Response ? Promise<void> : R;
}

// The matcher types reach every program that imports any apigw-testkit entry, with no tsconfig change: vitest's
// `Assertion<T>` extends the global `jest.Matchers<void, T>` (as @types/jest's `expect` does), so augmenting that
// one global interface types `expect(x).toHaveStatusCode(200)` in vitest and in Jest with @types/jest, and it
// needs neither package to be installed. Jest's `@jest/globals` expect is typed by `apigw-testkit/jest`.
declare global {
  namespace jest {
    // Same type parameters as vitest and @types/jest declare, so the declarations merge.
    interface Matchers<R, T = {}> extends ApigwMatchers<T, R> {}
  }
}
