// The argument checks of undici's `Headers` (Node 20's fetch), with its exact error classes and messages, for
// BufferedHeaders: WebIDL ByteString conversion, argument counts, header name and value validity, brand checks.
import { isTokenName } from './header-line.js';

/** `TypeError: Illegal invocation` (code `ERR_INVALID_THIS`): a method called on something else. */
export function illegalInvocation(): TypeError {
  const error = new TypeError('Illegal invocation') as TypeError & { code: string };
  error.code = 'ERR_INVALID_THIS';
  return error;
}

/** Throws undici's TypeError when fewer than `min` arguments were given. */
export function checkArgumentCount(length: number, min: number, prefix: string): void {
  if (length < min) {
    const only = length === 0 ? '' : ' only';
    throw new TypeError(
      `${prefix}: ${min} argument${min === 1 ? '' : 's'} required, but${only} ${length} found.`,
    );
  }
}

/** WebIDL `ByteString`: `String(value)` (a symbol is refused), every code unit at most 255. */
export function toByteString(value: unknown, prefix: string, argument: string): string {
  if (typeof value === 'symbol') {
    throw new TypeError(`${prefix}: ${argument} is a symbol, which cannot be converted to a DOMString.`);
  }
  const text = String(value);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 255) {
      throw new TypeError(
        `Cannot convert argument to a ByteString because the character at index ${index} has a value of ${code} which is greater than 255.`,
      );
    }
  }
  return text;
}

/** The `name` argument of get, has and delete (`count` arguments given): checked and converted as undici does. */
export function nameArgument(count: number, name: unknown, prefix: string): string {
  checkArgumentCount(count, 1, prefix);
  return checkName(toByteString(name, prefix, 'name'), prefix);
}

/** The `name`, `value` arguments of append and set: both converted, then the name checked, then the value. */
export function lineArguments(
  count: number,
  name: unknown,
  value: unknown,
  prefix: string,
): [string, string] {
  checkArgumentCount(count, 2, prefix);
  const key = toByteString(name, prefix, 'name');
  const text = toByteString(value, prefix, 'value');
  return [checkName(key, prefix), checkValue(text, prefix)];
}

/** A header name (already a ByteString) as undici takes it: a token, else its TypeError. */
export function checkName(name: string, prefix: string): string {
  if (!isTokenName(name)) throw invalid(prefix, name, 'header name');
  return name;
}

/** A header value (already a ByteString) normalised (HTTP whitespace at both ends cut), else its TypeError. */
export function checkValue(value: string, prefix: string): string {
  const normalized = normalizedValue(value);
  if (normalized === undefined) throw invalid(prefix, normalizeValue(value), 'header value');
  return normalized;
}

/** A ByteString value as undici stores it (HTTP whitespace at both ends cut); undefined when undici refuses it. */
export function normalizedValue(value: string): string | undefined {
  const normalized = normalizeValue(value);
  const refused = normalized.includes('\n') || normalized.includes('\r') || normalized.includes('\0');
  return refused ? undefined : normalized;
}

function invalid(prefix: string, value: string, type: string): TypeError {
  return new TypeError(`${prefix}: "${value}" is an invalid ${type}.`);
}

const isHttpWhitespace = (c: number): boolean => c === 10 || c === 13 || c === 9 || c === 32;

function normalizeValue(value: string): string {
  let start = 0;
  let end = value.length;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end--;
  while (end > start && isHttpWhitespace(value.charCodeAt(start))) start++;
  return start === 0 && end === value.length ? value : value.substring(start, end);
}
