import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ValidateProxyResultOptions, validateProxyResult } from '../../src/response/index.js';

interface GatewayCase {
  id: string;
  api_type: 'REST' | 'HTTP';
  lambda_result: unknown;
  request: { headers: Record<string, string> };
  expected: { status: number; headers: Record<string, string>; body: string; body_compare: 'exact' | 'json' };
}

const cases = JSON.parse(
  readFileSync(new URL('../fixtures/conformance/gateway-sample.json', import.meta.url), 'utf8'),
) as GatewayCase[];

// The cases that only classify a Lambda proxy result; binaryMediaTypes come from each case's scenario text.
const PROXY_RESULT_CASES: Record<string, string[]> = {
  'rest-proxy-statuscode-only': [],
  'rest-proxy-isbase64encoded-true-without-binary-media-types': [],
  'rest-proxy-multivalueheaders-non-list-502': [],
  'rest-proxy-empty-object-result-200': [],
  'rest-proxy-binary-left-wildcard-media-type-unsupported': ['image/png', '*/test'],
};

describe('conformance: proxy results recorded on AWS', () => {
  it('every selected case is present in the fixture', () => {
    expect(cases.map((c) => c.id)).toEqual(expect.arrayContaining(Object.keys(PROXY_RESULT_CASES)));
  });

  it.each(Object.entries(PROXY_RESULT_CASES))('%s', (id, binaryMediaTypes) => {
    const c = cases.find((x) => x.id === id)!;
    const accept = Object.entries(c.request.headers).find(([n]) => n.toLowerCase() === 'accept')?.[1] ?? null;
    const options: ValidateProxyResultOptions = {
      apiType: c.api_type,
      request: { accept, binaryMediaTypes },
    };
    const { response } = validateProxyResult(c.lambda_result, options);
    expect(response.statusCode).toBe(c.expected.status);
    for (const [name, value] of Object.entries(c.expected.headers)) {
      expect(response.headers).toContainEqual([name, value]);
    }
    if (c.expected.body_compare === 'json') {
      expect(JSON.parse(response.body)).toEqual(JSON.parse(c.expected.body));
      // Our bytes are the exact 36 bytes AWS writes for this error.
      expect(response.body).toBe('{"message": "Internal server error"}');
    } else {
      expect(response.body).toBe(c.expected.body);
    }
  });
});
