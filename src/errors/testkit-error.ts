/**
 * Base class of every error apigw-testkit throws on misuse of its API.
 *
 * Each error carries a stable machine-readable `code` (e.g. `EVENT_PATH_MISMATCH`) and a `hint` saying
 * how to fix the problem. The message has the form *what is wrong: the value. How to fix it.*
 *
 * @example
 * ```ts
 * import { buildProxyEventV1, isTestkitError } from 'apigw-testkit';
 * try {
 *   buildProxyEventV1({ resource: '/pets/{id}', path: '/owners/1' });
 * } catch (error) {
 *   if (isTestkitError(error)) console.log(error.code); // EVENT_PATH_MISMATCH
 * }
 * ```
 */
export class TestkitError extends Error {
  /** Stable identifier of the failure; safe to assert on in tests. */
  readonly code: string;
  /** How to fix it, in one sentence. */
  readonly hint: string;
  /** Extra structured data about the failure (the offending value, a report, …). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, problem: string, hint: string, details: Record<string, unknown> = {}) {
    super(hint ? `${problem}. ${hint}` : problem);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
    this.details = details;
  }
}

// A brand that survives duplicate copies of this module (two installed versions, ESM/CJS twins).
const BRAND = Symbol.for('apigw-testkit.error');
Object.defineProperty(TestkitError.prototype, BRAND, { value: true });

/**
 * True when `value` is a {@link TestkitError} from any copy of apigw-testkit (where `instanceof` fails across
 * two installed versions).
 *
 * @example
 * ```ts
 * isTestkitError(unknownOptionError('myHelper', 'x', [])); // true
 * isTestkitError(new Error('boom')); // false
 * ```
 */
export function isTestkitError(value: unknown): value is TestkitError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
