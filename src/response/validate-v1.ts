import {
  checkHeaderName,
  type DeliveredBody,
  deliverBody,
  headerValueText,
  readBody,
  readHeaderMap,
  readIsBase64Encoded,
  readStatusCode,
} from './checks.js';
import { type Findings, fail, warn } from './findings.js';
import { childPath, describeValue } from './json-path.js';
import { remapRestResponseHeaders } from './remap-headers.js';
import type { ClientResponse } from './types.js';
import { isJsonObject } from './wire-value.js';

/** The keys a payload 1.0 result may have; any other key is a malformed result [REC]. */
export const V1_KEYS: readonly string[] = [
  'statusCode',
  'headers',
  'multiValueHeaders',
  'body',
  'isBase64Encoded',
];

/**
 * Checks a payload 1.0 result (already through JSON serialisation) and builds what the client receives.
 * `decodes(isBase64Encoded)` says whether API Gateway decodes the body for this API type and request.
 */
export function validateV1(
  wire: unknown,
  original: unknown,
  findings: Findings,
  decodes: boolean,
  restRules: boolean,
): ClientResponse | undefined {
  if (!isJsonObject(wire)) {
    fail(findings, '$', 'RESULT_NOT_OBJECT', `the result is ${describeValue(wire)}, not a JSON object`);
    return undefined;
  }
  for (const key of Object.keys(wire)) {
    if (!V1_KEYS.includes(key)) {
      fail(
        findings,
        childPath('$', key),
        'UNKNOWN_KEY',
        `unknown key "${key}" (allowed: ${V1_KEYS.join(', ')})`,
      );
    }
  }
  const statusCode = readStatusCode(findings, wire.statusCode, 'statusCode' in wire);
  const single = readHeaderMap(findings, wire.headers, '$.headers');
  const multi = readMultiValueHeaders(findings, wire.multiValueHeaders);
  const merged = mergeHeaders(multi, single);
  // REST renames Connection/Content-Length/Date/Server and drops Transfer-Encoding [REC]; HTTP APIs: UNCONFIRMED.
  const headers = restRules ? remapRestResponseHeaders(merged) : merged;
  if (!headers.some(([name]) => name.toLowerCase() === 'content-type') && !nullContentType(wire.headers)) {
    // API Gateway adds this default when the function returned no content type [REC]. A function that sets
    // `Content-Type: null` opts out and the client gets no content type (reported on AWS by the .NET runtime's
    // users, aws/aws-sam-cli#1218 [3P]).
    headers.push(['Content-Type', 'application/json']);
  }
  const originalBody = isJsonObject(original) ? original.body : undefined;
  const body = readBody(findings, wire.body, originalBody);
  const isBase64Encoded = readIsBase64Encoded(findings, wire.isBase64Encoded);
  let delivered: DeliveredBody;
  if (isBase64Encoded && !decodes) {
    if (restRules) {
      warn(
        findings,
        '$.isBase64Encoded',
        'BASE64_NOT_DECODED',
        'isBase64Encoded is true but the first media range of Accept matches no binaryMediaTypes entry, so the client receives the base64 text',
      );
    }
    delivered = { body, isBase64Decoded: false };
  } else {
    delivered = deliverBody(findings, body, isBase64Encoded && decodes);
  }
  return { statusCode, headers, cookies: [], ...delivered };
}

function readMultiValueHeaders(findings: Findings, value: unknown): [string, string[]][] {
  const path = '$.multiValueHeaders';
  if (value === undefined || value === null) return [];
  if (!isJsonObject(value)) {
    fail(
      findings,
      path,
      'MULTI_VALUE_HEADERS_NOT_OBJECT',
      `multiValueHeaders is ${describeValue(value)}, not an object`,
    );
    return [];
  }
  const out: [string, string[]][] = [];
  for (const [name, list] of Object.entries(value)) {
    const at = childPath(path, name);
    const nameOk = checkHeaderName(findings, at, name);
    if (list === null) {
      warn(findings, at, 'HEADER_VALUE_NULL', 'value is null; no header line is sent for it');
      continue;
    }
    if (!Array.isArray(list)) {
      fail(
        findings,
        at,
        'MULTI_VALUE_NOT_ARRAY',
        `multiValueHeaders value is ${describeValue(list)}, not an array`,
      );
      continue;
    }
    const texts: string[] = [];
    list.forEach((item, index) => {
      const text = headerValueText(findings, childPath(at, index), item, 'MULTI_VALUE_ITEM_INVALID');
      if (text !== undefined) texts.push(text);
    });
    if (nameOk) out.push([name, texts]);
  }
  return out;
}

/**
 * Merges `multiValueHeaders` and `headers` [REC]: for a name in both (compared case-insensitively) the client
 * gets the multi values first, then the single value (skipped when it repeats one of them [DOC]), all spelled as
 * in `multiValueHeaders`; the remaining `headers` follow in their own order.
 */
function mergeHeaders(multi: [string, string[]][], single: [string, string][]): [string, string][] {
  // The usual result has no multiValueHeaders: the single-value lines, in order, are the answer.
  if (multi.length === 0) return single;
  const out: [string, string][] = [];
  const used = new Set<number>();
  for (const [name, values] of multi) {
    for (const value of values) out.push([name, value]);
    const lower = name.toLowerCase();
    single.forEach(([singleName, value], index) => {
      if (used.has(index) || singleName.toLowerCase() !== lower) return;
      used.add(index);
      if (!values.includes(value)) out.push([name, value]);
    });
  }
  single.forEach((line, index) => {
    if (!used.has(index)) out.push(line);
  });
  return out;
}

/** True when `headers` names Content-Type (any case) with a null value. */
function nullContentType(headers: unknown): boolean {
  if (!isJsonObject(headers)) return false;
  for (const [name, value] of Object.entries(headers)) {
    if (value === null && name.toLowerCase() === 'content-type') return true;
  }
  return false;
}
