// validateProxyResult throughput, beside the JSON round trip the Lambda runtime itself does (the baseline).
import { toFetchResponse } from '../dist/index.js';
import { validateProxyResult } from '../dist/response/index.js';
import { measure, report } from './harness.mjs';

const typical = {
  statusCode: 200,
  headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' },
  multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
  body: JSON.stringify({ id: 7, name: 'Rex', tags: ['a', 'b'] }),
};
const malformed = { statusCode: 'test', body: { a: 1 }, extra: true };
const binary = {
  statusCode: 200,
  body: 'iVBORw0KGgo=',
  isBase64Encoded: true,
  headers: { 'Content-Type': 'image/png' },
};
const request = { accept: 'image/png', binaryMediaTypes: ['image/png'] };
const checked = validateProxyResult(typical).response;
const lines = [...Object.entries(typical.headers), ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']];

const rows = [
  await measure('baseline: JSON.parse(JSON.stringify(result))', () => JSON.parse(JSON.stringify(typical))),
  await measure('validateProxyResult v1 typical (accepted)', () => validateProxyResult(typical)),
  await measure('validateProxyResult v1 malformed (3 issues)', () => validateProxyResult(malformed)),
  await measure('validateProxyResult v1 binary decoded', () => validateProxyResult(binary, { request })),
  await measure('validateProxyResult v2 inferred', () =>
    validateProxyResult({ id: 7 }, { payloadFormat: '2.0' }),
  ),
  await measure('validate + toFetchResponse', () => toFetchResponse(validateProxyResult(typical).response)),
  // Reading headers: a BufferedResponse's own Headers (BufferedHeaders) beside undici's for the same lines.
  await measure('undici: new Response(body, init) + headers.get + getSetCookie', () => {
    const headers = new Response(typical.body, { headers: lines }).headers;
    return [headers.get('content-type'), headers.getSetCookie()];
  }),
  await measure('toFetchResponse + headers.get + getSetCookie', () => {
    const headers = toFetchResponse(checked).headers;
    return [headers.get('content-type'), headers.getSetCookie()];
  }),
];
report('Proxy-result checks', rows, 'baseline: JSON.parse(JSON.stringify(result))');
