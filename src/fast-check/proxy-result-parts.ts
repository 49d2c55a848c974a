import * as fc from 'fast-check';
import type { ProxyResultIssueCode, ValidateProxyResultOptions } from '../response/index.js';
import { ALNUM, charsFrom, identifier, LOWER } from './chars.js';
import { nastyString } from './nasty-string.js';

/**
 * A generated proxy result with the classification `validateProxyResult` must give it. `validateWith`
 * holds the options to validate it with (payload format and API type).
 *
 * @example
 * ```ts
 * const sample = fc.sample(proxyResultV1({ validity: 'invalid' }), { numRuns: 1, seed: 1 })[0]!;
 * validateProxyResult(sample.result, sample.validateWith).ok; // false, as sample.expected.ok says
 * ```
 */
export interface LabelledProxyResult {
  /** What the Lambda function returns. */
  result: unknown;
  /** What API Gateway does with it, per behaviour.md §0, §3.1 and §3.2. */
  expected: ExpectedClassification;
  /** Options for `validateProxyResult(result, validateWith)`. */
  validateWith: ValidateProxyResultOptions;
  /** Plain-words description of the case, e.g. `unknown key "wrongValue"`. */
  description: string;
}

/** The classification a proxy result must get. */
export interface ExpectedClassification {
  /** True when API Gateway accepts the result. */
  ok: boolean;
  /** The status the client receives: the result's own (200 when absent), or 502 / 500 when rejected. */
  statusCode: number;
  /** Issue codes `validateProxyResult` must report, sorted, without repeats (empty when ok). */
  issueCodes: ProxyResultIssueCode[];
  /** The body text the client receives, for accepted results (the AWS error body is not labelled). */
  body?: string;
}

/** Which results to generate: accepted ones, rejected ones, or both (default). */
export type ResultValidity = 'valid' | 'invalid' | 'any';

const LETTERS = ALNUM.slice(0, 52);
const TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_!#$%&'*+.^`|~";

/** Header names: HTTP tokens, realistic ones most often. */
export function headerName(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      'Content-Type',
      'X-Request-Id',
      'Cache-Control',
      'x-custom',
      'ETag',
      'Location',
      'X-Multi',
    ),
    charsFrom(TOKEN_CHARS, 1, 12),
  );
}

/** Header values that HTTP can carry: no CR, LF or NUL (quotes, backslashes, `$`, `#` and emoji included). */
export function headerValue(): fc.Arbitrary<string> {
  return nastyString({ maxPieces: 4 }).map((s) => s.replace(/[\r\n\0]/g, ''));
}

/** Statuses a result may carry: 200–599 as a number or a numeric string (`"201"` is accepted [REC]). */
export function statusCode(): fc.Arbitrary<{ value: number | string; status: number }> {
  const status = fc.oneof(
    fc.constantFrom(200, 201, 204, 301, 302, 400, 401, 403, 404, 409, 422, 500, 503),
    fc.integer({ min: 200, max: 599 }),
  );
  return fc.tuple(status, fc.boolean()).map(([s, asText]) => ({ value: asText ? String(s) : s, status: s }));
}

/** A text body and the same text base64-encoded, for `isBase64Encoded: true` results. */
export function base64Body(): fc.Arbitrary<{ encoded: string; text: string }> {
  return nastyString().map((text) => ({ text, encoded: Buffer.from(text, 'utf8').toString('base64') }));
}

/** Keys no payload 1.0 result may have (the recorded case is `wrongValue`). */
export function unknownKey(known: readonly string[]): fc.Arbitrary<string> {
  const lower = new Set([...known, 'cookies'].map((k) => k.toLowerCase()));
  return fc
    .oneof(fc.constantFrom('wrongValue', 'message', 'data', 'status'), identifier(LOWER, ALNUM, 9))
    .filter((key) => !lower.has(key.toLowerCase()) && key !== '__proto__');
}

/** Non-numeric `statusCode` strings (the recorded case is `"test"`). */
export function nonNumericStatus(): fc.Arbitrary<string> {
  return fc.oneof(fc.constant('test'), charsFrom(LETTERS, 1, 8), fc.constant(''));
}

/** Sorted, de-duplicated issue codes. */
export function codes(list: readonly ProxyResultIssueCode[]): ProxyResultIssueCode[] {
  return [...new Set(list)].sort();
}
