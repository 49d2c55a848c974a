import {
  deliverBody,
  headerValueText,
  readBody,
  readHeaderMap,
  readIsBase64Encoded,
  readStatusCode,
} from './checks.js';
import { type Findings, fail, warn } from './findings.js';
import { childPath, describeValue } from './json-path.js';
import type { ClientResponse, V2NullResult } from './types.js';
import { isJsonObject } from './wire-value.js';

/** The keys of a structured payload 2.0 response [DOC]. Others are ignored by API Gateway. */
export const V2_KEYS: readonly string[] = ['statusCode', 'headers', 'body', 'isBase64Encoded', 'cookies'];
const STRUCTURED_HINTS = ['body', 'headers', 'cookies', 'isBase64Encoded', 'multiValueHeaders'];

/**
 * Checks a payload 2.0 result and builds what the client receives. Without `statusCode` API Gateway infers the
 * response [DOC]: 200, `content-type: application/json`, body = the string itself or the JSON text of the value.
 */
export function validateV2(
  wire: unknown,
  original: unknown,
  findings: Findings,
  nullResult: V2NullResult,
): { response: ClientResponse | undefined; inferred: boolean } {
  if (wire === null) {
    if (nullResult === 'error') {
      fail(findings, '$', 'RESULT_NULL', 'the result is null (or nothing was returned)');
      return { response: undefined, inferred: false };
    }
    warn(
      findings,
      '$',
      'V2_NULL_RESULT',
      'the result is null (or nothing was returned); the client gets the body null',
    );
  }
  if (!isJsonObject(wire) || !('statusCode' in wire)) {
    if (isJsonObject(wire) && STRUCTURED_HINTS.some((key) => key in wire)) {
      warn(
        findings,
        '$',
        'V2_INFERRED_LOOKS_STRUCTURED',
        'the result has no statusCode, so API Gateway sends the whole object as a JSON body; add statusCode to use body/headers/cookies',
      );
    }
    const body = typeof wire === 'string' ? wire : JSON.stringify(wire);
    return {
      response: {
        statusCode: 200,
        headers: [['content-type', 'application/json']],
        cookies: [],
        body,
        isBase64Decoded: false,
      },
      inferred: true,
    };
  }
  for (const key of Object.keys(wire)) {
    if (V2_KEYS.includes(key)) continue;
    const why =
      key === 'multiValueHeaders'
        ? 'payload 2.0 has no multiValueHeaders; API Gateway ignores it (join values with commas in headers, use cookies for set-cookie)'
        : `unknown key "${key}" is ignored by payload 2.0 (UNCONFIRMED)`;
    warn(findings, childPath('$', key), 'V2_KEY_IGNORED', why);
  }
  const statusCode = readStatusCode(findings, wire.statusCode, true);
  const headers = readHeaderMap(findings, wire.headers, '$.headers');
  if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) {
    // An HTTP API answers a structured result without a content type as plain text (captured on AWS: a
    // 2020 curl of an HTTP API shows `Content-Type: text/plain; charset=utf-8` [3P]).
    headers.push(['content-type', 'text/plain; charset=utf-8']);
  }
  const cookies = readCookies(findings, wire.cookies);
  for (const cookie of cookies) headers.push(['set-cookie', cookie]);
  const originalBody = isJsonObject(original) ? original.body : undefined;
  const body = readBody(findings, wire.body, originalBody);
  const isBase64Encoded = readIsBase64Encoded(findings, wire.isBase64Encoded);
  // HTTP APIs decode a base64 body whenever isBase64Encoded is true [DOC].
  const delivered = deliverBody(findings, body, isBase64Encoded);
  return { response: { statusCode, headers, cookies, ...delivered }, inferred: false };
}

function readCookies(findings: Findings, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    fail(
      findings,
      '$.cookies',
      'COOKIES_NOT_ARRAY',
      `cookies is ${describeValue(value)}, not an array of strings`,
    );
    return [];
  }
  const out: string[] = [];
  value.forEach((item, index) => {
    const text = headerValueText(findings, childPath('$.cookies', index), item, 'COOKIE_NOT_STRING');
    if (text !== undefined) out.push(text);
  });
  return out;
}
