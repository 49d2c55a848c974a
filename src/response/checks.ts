import { formatValue } from '../errors/format-value.js';
import { decodeUtf8 } from '../http/utf8.js';
import { decodeBase64Strict } from './binary-media.js';
import { type Findings, fail, warn } from './findings.js';
import { childPath, describeValue } from './json-path.js';
import { scalarText } from './wire-value.js';

// Java-style integer text after trimming: an optional sign and decimal digits (leading zeros are fine).
const INTEGER_TEXT = /^[+-]?\d+$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Control characters that cannot travel in an HTTP header value.
const BAD_VALUE_CHAR = /[\r\n\0]/;

/**
 * Reads `statusCode`: absent or `null` → 200 [REC for absent, UNCONFIRMED for null]; an integer or a string of
 * digits (`"201"` [REC]). Strings are read the way a Java JSON binder coerces text to an int (UNCONFIRMED
 * beyond `"201"`): surrounding whitespace trimmed, an optional `+`/`-` sign, leading zeros allowed
 * (`" 201"`, `"+201"`, `"0201"` → 201); exponents, decimals and empty text (`"2e2"`, `"201.0"`, `""`) are a
 * malformed result, as is anything else. Statuses outside 200–599 are rejected
 * (UNCONFIRMED: not recorded; 1xx is not a final response and fetch cannot represent it).
 */
export function readStatusCode(findings: Findings, value: unknown, present: boolean): number {
  const path = '$.statusCode';
  if (!present) return 200;
  if (value === null) {
    warn(findings, path, 'STATUS_CODE_NULL', 'statusCode is null; API Gateway uses 200 as if it were absent');
    return 200;
  }
  let status: number;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      fail(
        findings,
        path,
        'STATUS_CODE_NOT_INTEGER',
        `statusCode is ${describeValue(value)}, not an integer`,
      );
      return 200;
    }
    status = value;
  } else if (typeof value === 'string' && INTEGER_TEXT.test(value.trim())) {
    status = Number(value.trim());
  } else {
    fail(findings, path, 'STATUS_CODE_NOT_NUMERIC', `statusCode is ${describeValue(value)}, not a number`);
    return 200;
  }
  if (status < 200 || status > 599) {
    fail(findings, path, 'STATUS_CODE_OUT_OF_RANGE', `statusCode ${status} is outside 200–599`);
    return 200;
  }
  return status;
}

/** Reads `body`: absent or `null` → `''`; any other non-string is a malformed result (UNCONFIRMED for REST). */
export function readBody(findings: Findings, value: unknown, original: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  const hint =
    original instanceof Uint8Array
      ? ' (a Buffer/Uint8Array serialises to an object; return buffer.toString("base64") with isBase64Encoded: true)'
      : typeof value === 'object'
        ? ' (use JSON.stringify for a JSON body)'
        : '';
  fail(findings, '$.body', 'BODY_NOT_STRING', `body is ${describeValue(value)}, not a string${hint}`);
  return '';
}

/**
 * Reads `isBase64Encoded`: absent or `null` → false; a boolean; the strings `"true"`/`"false"` are coerced like
 * other scalars (UNCONFIRMED); anything else is a malformed result.
 */
export function readIsBase64Encoded(findings: Findings, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  fail(
    findings,
    '$.isBase64Encoded',
    'IS_BASE64_ENCODED_NOT_BOOLEAN',
    `isBase64Encoded is ${describeValue(value)}, not a boolean`,
  );
  return false;
}

/** Checks a header name is an HTTP token (UNCONFIRMED what AWS does otherwise; we treat it as malformed). */
export function checkHeaderName(findings: Findings, path: string, name: string): boolean {
  if (TOKEN.test(name)) return true;
  fail(findings, path, 'HEADER_NAME_INVALID', `header name ${formatValue(name)} is not a valid HTTP token`);
  return false;
}

/**
 * Text of one header value: strings as-is, booleans `true`/`false` [REC], numbers as written (UNCONFIRMED);
 * `null` is dropped with a warning (UNCONFIRMED); objects, arrays and CR/LF/NUL are malformed.
 */
export function headerValueText(
  findings: Findings,
  path: string,
  value: unknown,
  code: 'HEADER_VALUE_INVALID' | 'MULTI_VALUE_ITEM_INVALID' | 'COOKIE_NOT_STRING',
): string | undefined {
  if (value === null) {
    warn(findings, path, 'HEADER_VALUE_NULL', 'value is null; no header line is sent for it');
    return undefined;
  }
  const text = scalarText(value);
  if (text === undefined) {
    fail(
      findings,
      path,
      code,
      `value is ${describeValue(value)}; only strings, booleans and numbers are accepted`,
    );
    return undefined;
  }
  if (BAD_VALUE_CHAR.test(text)) {
    fail(findings, path, code, `value ${formatValue(text)} contains CR, LF or NUL`);
    return undefined;
  }
  return text;
}

/** Reads a `{ name: scalar }` header map into lines; `null` or absent → none. */
export function readHeaderMap(findings: Findings, value: unknown, path: string): [string, string][] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail(findings, path, 'HEADERS_NOT_OBJECT', `${path.slice(2)} is ${describeValue(value)}, not an object`);
    return [];
  }
  const lines: [string, string][] = [];
  for (const [name, raw] of Object.entries(value)) {
    const at = childPath(path, name);
    const nameOk = checkHeaderName(findings, at, name);
    const text = headerValueText(findings, at, raw, 'HEADER_VALUE_INVALID');
    if (nameOk && text !== undefined) lines.push([name, text]);
  }
  return lines;
}

/** What the client receives as the body, given whether API Gateway decodes base64 here. */
export interface DeliveredBody {
  body: string;
  bodyBytes?: Uint8Array;
  isBase64Decoded: boolean;
}

/** Decodes the body when `decode` is true (a body that is not base64 is then malformed, UNCONFIRMED). */
export function deliverBody(findings: Findings, body: string, decode: boolean): DeliveredBody {
  if (!decode) return { body, isBase64Decoded: false };
  const bytes = decodeBase64Strict(body);
  if (bytes === undefined) {
    fail(findings, '$.body', 'BODY_NOT_BASE64', 'isBase64Encoded is true but body is not valid base64');
    return { body, isBase64Decoded: false };
  }
  return { body: decodeUtf8(bytes), bodyBytes: bytes, isBase64Decoded: true };
}
