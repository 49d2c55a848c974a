import * as fc from 'fast-check';
import type { ProxyResultIssueCode } from '../response/index.js';
import { jsonScalar } from './json-value.js';
import { nastyString } from './nasty-string.js';
import { enumOption, readOptions } from './options.js';
import {
  base64Body,
  codes,
  headerName,
  headerValue,
  type LabelledProxyResult,
  nonNumericStatus,
  type ResultValidity,
  statusCode,
  unknownKey,
} from './proxy-result-parts.js';

/** Options of {@link proxyResultV1}. */
export interface ProxyResultV1Options {
  /** `'valid'`, `'invalid'` or `'any'` (default): which results to generate. */
  validity?: ResultValidity;
  /** `'REST'` (default; rejected results give 502) or `'HTTP'` (an HTTP API on payload 1.0; rejected give 500). */
  apiType?: 'REST' | 'HTTP';
}

const KNOWN = ['validity', 'apiType'] as const;
const V1_KEYS = ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'];

/**
 * Payload 1.0 Lambda proxy results, accepted and rejected, each labelled with what API Gateway does
 * (behaviour.md §0, §3.1): a missing `statusCode` is 200, `"201"` is accepted, `headers: null` is fine,
 * booleans are header values, base64 bodies stay base64 text on REST without binary media types; an unknown
 * key, a non-numeric status, a non-array `multiValueHeaders` value, a non-string body or a non-object
 * result is 502 on REST (500 on an HTTP API).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { proxyResultV1 } from 'apigw-testkit/fast-check';
 * import { validateProxyResult } from 'apigw-testkit/response';
 * fc.assert(fc.property(proxyResultV1(), ({ result, expected, validateWith }) =>
 *   validateProxyResult(result, validateWith).ok === expected.ok));
 * ```
 */
export function proxyResultV1(options?: ProxyResultV1Options): fc.Arbitrary<LabelledProxyResult> {
  const where = 'proxyResultV1';
  const o = readOptions(where, options, KNOWN);
  const validity = enumOption<ResultValidity>(where, o, 'validity', 'any', ['valid', 'invalid', 'any']);
  const apiType = enumOption(where, o, 'apiType', 'REST', ['REST', 'HTTP']);
  const valid = validV1(apiType);
  const invalid = invalidV1(apiType);
  if (validity === 'valid') return valid;
  if (validity === 'invalid') return invalid;
  return fc.oneof(valid, invalid);
}

function validV1(apiType: 'REST' | 'HTTP'): fc.Arbitrary<LabelledProxyResult> {
  const validateWith = { payloadFormat: '1.0', apiType } as const;
  return fc
    .record(
      {
        statusCode: statusCode(),
        headers: fc.oneof(
          fc.constant(null),
          fc.dictionary(headerName(), fc.oneof({ arbitrary: headerValue(), weight: 4 }, fc.boolean()), {
            maxKeys: 4,
            noNullPrototype: true,
          }),
        ),
        multiValueHeaders: fc.dictionary(headerName(), fc.array(headerValue(), { maxLength: 3 }), {
          maxKeys: 3,
          noNullPrototype: true,
        }),
        body: fc.oneof(
          fc
            .tuple(nastyString(), fc.boolean())
            .map(([text, flag]) => ({ body: text, base64: flag ? false : undefined, seen: text })),
          base64Body().map(({ encoded, text }) => ({
            body: encoded,
            base64: true,
            // REST without a matching binary media type returns the base64 text as-is [REC]; HTTP APIs decode.
            seen: apiType === 'REST' ? encoded : text,
          })),
        ),
      },
      { requiredKeys: [] },
    )
    .map((parts) => {
      const result: Record<string, unknown> = {};
      if (parts.statusCode) result.statusCode = parts.statusCode.value;
      if (parts.headers !== undefined) result.headers = parts.headers;
      if (parts.multiValueHeaders !== undefined) result.multiValueHeaders = parts.multiValueHeaders;
      if (parts.body) {
        result.body = parts.body.body;
        if (parts.body.base64 !== undefined) result.isBase64Encoded = parts.body.base64;
      }
      const status = parts.statusCode?.status ?? 200;
      return {
        result,
        expected: { ok: true, statusCode: status, issueCodes: [], body: parts.body?.seen ?? '' },
        validateWith,
        description: parts.statusCode
          ? `accepted result with status ${status}`
          : 'accepted result without statusCode (200)',
      };
    });
}

interface Defect {
  key: string;
  value: unknown;
  code: ProxyResultIssueCode;
  what: string;
}

function invalidV1(apiType: 'REST' | 'HTTP'): fc.Arbitrary<LabelledProxyResult> {
  const validateWith = { payloadFormat: '1.0', apiType } as const;
  const failStatus = apiType === 'REST' ? 502 : 500;
  const defect = (key: string, code: ProxyResultIssueCode, what: string, value: fc.Arbitrary<unknown>) =>
    value.map((v): Defect => ({ key, value: v, code, what }));
  const defects = fc
    .record(
      {
        unknown: unknownKey(V1_KEYS).chain((key) =>
          defect(key, 'UNKNOWN_KEY', `unknown key "${key}"`, jsonScalar()),
        ),
        statusCode: fc.oneof(
          defect('statusCode', 'STATUS_CODE_NOT_NUMERIC', 'non-numeric statusCode', nonNumericStatus()),
          defect(
            'statusCode',
            'STATUS_CODE_NOT_INTEGER',
            'fractional statusCode',
            fc.constantFrom(200.5, 404.25),
          ),
        ),
        headers: defect(
          'headers',
          'HEADERS_NOT_OBJECT',
          'headers not an object',
          fc.oneof(nastyString(), fc.integer()),
        ),
        multiValueHeaders: fc.oneof(
          defect(
            'multiValueHeaders',
            'MULTI_VALUE_NOT_ARRAY',
            'a multiValueHeaders value not an array',
            headerValue().map((v) => ({ 'x-multi': v })),
          ),
          defect(
            'multiValueHeaders',
            'MULTI_VALUE_HEADERS_NOT_OBJECT',
            'multiValueHeaders not an object',
            nastyString(),
          ),
        ),
        body: defect(
          'body',
          'BODY_NOT_STRING',
          'body not a string',
          fc.oneof(fc.integer(), fc.constant({ message: 'hi' }), fc.array(fc.integer(), { maxLength: 2 })),
        ),
      },
      { requiredKeys: [] },
    )
    .filter((r) => Object.keys(r).length > 0)
    .map((r) => Object.values(r) as Defect[]);
  const malformed = fc.tuple(statusCode(), defects).map(([status, list]): LabelledProxyResult => {
    const result: Record<string, unknown> = { statusCode: status.value, body: 'ok' };
    for (const d of list) result[d.key] = d.value;
    return {
      result,
      expected: { ok: false, statusCode: failStatus, issueCodes: codes(list.map((d) => d.code)) },
      validateWith,
      description: list.map((d) => d.what).join(' and '),
    };
  });
  const notObject = fc
    .oneof(nastyString(), fc.integer(), fc.boolean(), fc.array(jsonScalar(), { maxLength: 3 }))
    .map(
      (value): LabelledProxyResult => ({
        result: value,
        expected: { ok: false, statusCode: failStatus, issueCodes: ['RESULT_NOT_OBJECT'] },
        validateWith,
        description: 'a result that is not a JSON object',
      }),
    );
  return fc.oneof({ arbitrary: malformed, weight: 4 }, { arbitrary: notObject, weight: 1 });
}
