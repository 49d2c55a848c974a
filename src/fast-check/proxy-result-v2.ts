import * as fc from 'fast-check';
import type { ProxyResultIssueCode } from '../response/index.js';
import { ALNUM, charsFrom, identifier, LOWER } from './chars.js';
import { jsonScalar, jsonValue } from './json-value.js';
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
} from './proxy-result-parts.js';

/** Options of {@link proxyResultV2}. */
export interface ProxyResultV2Options {
  /** `'valid'`, `'invalid'` or `'any'` (default): which results to generate. */
  validity?: ResultValidity;
}

const KNOWN = ['validity'] as const;
const VALIDATE_WITH = { payloadFormat: '2.0', apiType: 'HTTP' } as const;

/**
 * Payload 2.0 (HTTP API) Lambda results, accepted and rejected, each labelled with what API Gateway does
 * (behaviour.md §3.2): a result without `statusCode` is inferred (200, the string itself or the JSON text
 * as body, even for objects that look structured); a structured result sends its status, headers,
 * `cookies` and body, decoding base64 bodies; a non-numeric status, non-object headers, non-array
 * cookies, a non-string cookie or a non-string body is 500 `Internal Server Error`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { proxyResultV2 } from 'apigw-testkit/fast-check';
 * import { validateProxyResult } from 'apigw-testkit/response';
 * fc.assert(fc.property(proxyResultV2(), ({ result, expected, validateWith }) =>
 *   validateProxyResult(result, validateWith).response.statusCode === expected.statusCode));
 * ```
 */
export function proxyResultV2(options?: ProxyResultV2Options): fc.Arbitrary<LabelledProxyResult> {
  const where = 'proxyResultV2';
  const o = readOptions(where, options, KNOWN);
  const validity = enumOption<ResultValidity>(where, o, 'validity', 'any', ['valid', 'invalid', 'any']);
  const valid = fc.oneof(structured(), inferred());
  if (validity === 'valid') return valid;
  if (validity === 'invalid') return invalidV2();
  return fc.oneof({ arbitrary: valid, weight: 2 }, { arbitrary: invalidV2(), weight: 1 });
}

/** Results with `statusCode`: the structured form. */
function structured(): fc.Arbitrary<LabelledProxyResult> {
  return fc
    .record(
      {
        headers: fc.dictionary(headerName(), headerValue(), { maxKeys: 4, noNullPrototype: true }),
        cookies: fc.array(cookie(), { maxLength: 3 }),
        body: fc.oneof(
          fc
            .tuple(nastyString(), fc.boolean())
            .map(([text, flag]) => ({ body: text, base64: flag ? false : undefined, seen: text })),
          base64Body().map(({ encoded, text }) => ({ body: encoded, base64: true, seen: text })),
        ),
      },
      { requiredKeys: [] },
    )
    .chain((parts) => statusCode().map((status) => ({ parts, status })))
    .map(({ parts, status }): LabelledProxyResult => {
      const result: Record<string, unknown> = { statusCode: status.value };
      if (parts.headers !== undefined) result.headers = parts.headers;
      if (parts.cookies !== undefined) result.cookies = parts.cookies;
      if (parts.body) {
        result.body = parts.body.body;
        if (parts.body.base64 !== undefined) result.isBase64Encoded = parts.body.base64;
      }
      return {
        result,
        expected: { ok: true, statusCode: status.status, issueCodes: [], body: parts.body?.seen ?? '' },
        validateWith: VALIDATE_WITH,
        description: `structured result with status ${status.status}`,
      };
    });
}

/** Results without `statusCode`: API Gateway infers a 200 whose body is the value [DOC]. */
function inferred(): fc.Arbitrary<LabelledProxyResult> {
  const lookalike = fc.record(
    {
      body: nastyString(),
      headers: fc.dictionary(headerName(), headerValue(), { maxKeys: 2, noNullPrototype: true }),
    },
    { requiredKeys: [] },
  );
  const value = fc.oneof(
    nastyString(),
    jsonScalar().filter((v) => v !== null),
    jsonValue({ topLevel: 'array', maxDepth: 2 }),
    jsonValue({ topLevel: 'object', maxDepth: 2 }).filter((v) => !('statusCode' in (v as object))),
    lookalike,
  );
  return value.map(
    (v): LabelledProxyResult => ({
      result: v,
      expected: {
        ok: true,
        statusCode: 200,
        issueCodes: [],
        body: typeof v === 'string' ? v : JSON.stringify(v),
      },
      validateWith: VALIDATE_WITH,
      description: 'result without statusCode (inferred response)',
    }),
  );
}

interface Defect {
  key: string;
  value: unknown;
  code: ProxyResultIssueCode;
  what: string;
}

function invalidV2(): fc.Arbitrary<LabelledProxyResult> {
  const defect = (key: string, code: ProxyResultIssueCode, what: string, value: fc.Arbitrary<unknown>) =>
    value.map((v): Defect => ({ key, value: v, code, what }));
  const defects = fc
    .record(
      {
        statusCode: defect(
          'statusCode',
          'STATUS_CODE_NOT_NUMERIC',
          'non-numeric statusCode',
          nonNumericStatus(),
        ),
        headers: defect(
          'headers',
          'HEADERS_NOT_OBJECT',
          'headers not an object',
          fc.oneof(nastyString(), fc.integer()),
        ),
        cookies: fc.oneof(
          defect('cookies', 'COOKIES_NOT_ARRAY', 'cookies not an array', cookie()),
          defect(
            'cookies',
            'COOKIE_NOT_STRING',
            'a cookie that is not a string',
            fc.constant([{ name: 'a' }]),
          ),
        ),
        body: defect(
          'body',
          'BODY_NOT_STRING',
          'body not a string',
          fc.oneof(fc.integer(), fc.constant({ message: 'hi' })),
        ),
      },
      { requiredKeys: [] },
    )
    .filter((r) => Object.keys(r).length > 0)
    .map((r) => Object.values(r) as Defect[]);
  return fc.tuple(statusCode(), defects).map(([status, list]): LabelledProxyResult => {
    const result: Record<string, unknown> = { statusCode: status.value, body: 'ok' };
    for (const d of list) result[d.key] = d.value;
    return {
      result,
      expected: { ok: false, statusCode: 500, issueCodes: codes(list.map((d) => d.code)) },
      validateWith: VALIDATE_WITH,
      description: list.map((d) => d.what).join(' and '),
    };
  });
}

/** `set-cookie` values: `name=value` with optional attributes. */
function cookie(): fc.Arbitrary<string> {
  return fc
    .tuple(
      identifier(LOWER, `${ALNUM}_`, 7),
      charsFrom(`${ALNUM}%._-`, 0, 12),
      fc.constantFrom('', '; Path=/', '; HttpOnly; Secure', '; Max-Age=3600; SameSite=Lax'),
    )
    .map(([name, value, attributes]) => `${name}=${value}${attributes}`);
}
