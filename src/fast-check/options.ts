import type { Arbitrary } from 'fast-check';
import { assertKnownOptions, InvalidInputError } from '../errors/index.js';

/**
 * Stable code of every invalid option value given to an `apigw-testkit/fast-check` function.
 *
 * @example
 * ```ts
 * expect(() => jsonValue({ maxDepth: -1 })).toThrow(expect.objectContaining({ code: INVALID_OPTION_CODE }));
 * ```
 */
export const INVALID_OPTION_CODE = 'FAST_CHECK_INVALID_OPTION';

/**
 * Validates the top level of an options object: it must be a plain object (or undefined) whose keys are all
 * known. Returns it as a record so callers can complete the defaults in one place.
 */
export function readOptions(
  where: string,
  options: unknown,
  known: readonly string[],
): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalidOption(where, 'options', options, 'Pass an options object, or nothing for the defaults');
  }
  assertKnownOptions(where, options, known);
  return options as Record<string, unknown>;
}

/** The error for one bad option value: "where: option `name` is invalid: value. How to fix it." */
export function invalidOption(where: string, name: string, value: unknown, hint: string): InvalidInputError {
  return new InvalidInputError(
    INVALID_OPTION_CODE,
    `${where}: option "${name}" is invalid: ${show(value)}`,
    hint,
    {
      option: name,
      value,
    },
  );
}

/** An integer option within [min, max], or `fallback` when absent. */
export function intOption(
  where: string,
  options: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidOption(where, name, value, `Use an integer from ${min} to ${max}`);
  }
  return value;
}

/** One of a fixed set of strings, or `fallback` when absent. */
export function enumOption<T extends string>(
  where: string,
  options: Record<string, unknown>,
  name: string,
  fallback: T,
  allowed: readonly T[],
): T {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidOption(where, name, value, `Use one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }
  return value as T;
}

/** A boolean option, or `fallback` when absent. */
export function boolOption(
  where: string,
  options: Record<string, unknown>,
  name: string,
  fallback: boolean,
): boolean {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalidOption(where, name, value, 'Use true or false');
  return value;
}

/** True for a fast-check arbitrary from any installed copy of fast-check. */
export function isArbitrary(value: unknown): value is Arbitrary<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { generate?: unknown }).generate === 'function' &&
    typeof (value as { shrink?: unknown }).shrink === 'function'
  );
}

/** An arbitrary option, or undefined when absent. */
export function arbitraryOption<T>(
  where: string,
  options: Record<string, unknown>,
  name: string,
): Arbitrary<T> | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (!isArbitrary(value))
    throw invalidOption(where, name, value, 'Pass a fast-check arbitrary, e.g. fc.string()');
  return value as Arbitrary<T>;
}

/** Short printable form of a value for error messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (isArbitrary(value)) return 'an arbitrary';
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}
