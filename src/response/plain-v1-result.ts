import { isContentType, isTokenName } from '../http/header-line.js';
import { remapRestResponseHeaders } from './remap-headers.js';
import type { ClientResponse } from './types.js';

/**
 * The client's response for the usual payload 1.0 result, read straight from its JSON value: an object of at most
 * `statusCode` (an integer 200–599 other than 204, 205 and 304), `body` (text), `headers` (text values under
 * token names), `isBase64Encoded: false` and `multiValueHeaders: null`; `null` stands for an absent body, headers
 * or flag. It is exactly what `validateV1` builds
 * for such a value with no finding (pinned by test/response/plain-v1-result.test.ts); any other value gives
 * `undefined` and goes through `validateV1`. Skipping the findings machinery for the common case took a third of
 * the proxy-result check's time off the gateway's hot path (measured).
 */
export function plainV1Response(wire: unknown, restRules: boolean): ClientResponse | undefined {
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) return undefined;
  const record = wire as Record<string, unknown>;
  let statusCode = 200;
  let body = '';
  let headers: [string, string][] = [];
  for (const key of Object.keys(record)) {
    const value = record[key];
    switch (key) {
      // A null status is a warning, so it takes the full checks.
      case 'statusCode':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 200 || value > 599)
          return undefined;
        if (value === 204 || value === 205 || value === 304) return undefined;
        statusCode = value;
        break;
      case 'body':
        if (typeof value === 'string') body = value;
        else if (value !== null) return undefined;
        break;
      case 'headers': {
        if (value === null) break;
        const lines = plainHeaderLines(value);
        if (lines === undefined) return undefined;
        headers = lines;
        break;
      }
      case 'multiValueHeaders':
        if (value !== null) return undefined;
        break;
      case 'isBase64Encoded':
        if (value !== false && value !== null) return undefined;
        break;
      default:
        return undefined;
    }
  }
  if (restRules) headers = remapRestResponseHeaders(headers);
  let typed = false;
  for (let i = 0; i < headers.length; i++) {
    if (isContentType(headers[i]![0])) {
      typed = true;
      break;
    }
  }
  // API Gateway's default when the function returned no content type [REC].
  if (!typed) headers.push(['Content-Type', 'application/json']);
  return { statusCode, headers, cookies: [], body, isBase64Decoded: false };
}

/** `headers` as lines when it is an object of text values without CR, LF or NUL under token names. */
function plainHeaderLines(value: unknown): [string, string][] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const names = Object.keys(record);
  const lines: [string, string][] = new Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const text = record[name];
    if (!isTokenName(name) || typeof text !== 'string' || !isCleanValue(text)) return undefined;
    lines[i] = [name, text];
  }
  return lines;
}

function isCleanValue(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10 || c === 0) return false;
  }
  return true;
}
