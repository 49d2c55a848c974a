import { describe, expect, it } from 'vitest';
import { readResponse, responseHeaderValues, toFetchResponse } from '../../src/http/index.js';
import { validateProxyResult } from '../../src/response/index.js';

describe('toFetchResponse', () => {
  it('carries status, every header line in order, and the body text', async () => {
    const { response } = validateProxyResult({
      statusCode: 201,
      multiValueHeaders: { 'x-m': ['1', '2'] },
      headers: { 'x-s': 'a' },
      body: '{"id":1}',
    });
    const res = toFetchResponse(response, { 'x-amzn-RequestId': 'req-1' });
    expect(await readResponse(res)).toEqual({
      status: 201,
      headers: [
        ['content-type', 'application/json'],
        ['x-amzn-requestid', 'req-1'],
        ['x-m', '1, 2'],
        ['x-s', 'a'],
      ],
      cookies: [],
      body: '{"id":1}',
      bodyBytes: new TextEncoder().encode('{"id":1}'),
    });
  });

  it('gives the decoded bytes when API Gateway base64-decoded the body', async () => {
    const { response } = validateProxyResult(
      { body: Buffer.from([0, 255, 1]).toString('base64'), isBase64Encoded: true },
      { request: { accept: 'application/octet-stream', binaryMediaTypes: ['application/*'] } },
    );
    const res = toFetchResponse(response);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0, 255, 1]));
  });

  it('keeps each set-cookie line separate', () => {
    const { response } = validateProxyResult(
      { statusCode: 200, cookies: ['a=1', 'b=2'] },
      { payloadFormat: '2.0' },
    );
    const res = toFetchResponse(response);
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(responseHeaderValues(res, 'Set-Cookie')).toEqual(['a=1', 'b=2']);
  });

  it('sends no body with a 204', async () => {
    const res = toFetchResponse(validateProxyResult({ statusCode: 204, body: 'x' }).response);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
  });

  it('sends header values outside Latin-1 as their UTF-8 bytes', () => {
    const res = toFetchResponse(validateProxyResult({ headers: { 'x-e': '€' } }).response);
    expect(res.headers.get('x-e')).toBe(Buffer.from('€', 'utf8').toString('latin1'));
  });

  it('refuses a status fetch cannot represent', () => {
    expect(() =>
      toFetchResponse({ statusCode: 100, headers: [], cookies: [], body: '', isBase64Decoded: false }),
    ).toThrow(expect.objectContaining({ code: 'FETCH_STATUS_UNREPRESENTABLE' }));
  });

  it('responseHeaderValues returns the joined value and its parts', () => {
    const res = new Response(null, {
      headers: [
        ['x-m', 'a'],
        ['x-m', 'b'],
      ],
    });
    expect(responseHeaderValues(res, 'X-M')).toEqual(['a, b', 'a', 'b']);
    expect(responseHeaderValues(res, 'missing')).toEqual([]);
  });

  it('the REST 502 becomes the exact AWS bytes', async () => {
    const res = toFetchResponse(validateProxyResult('justAString').response);
    expect(res.status).toBe(502);
    expect(res.headers.get('x-amzn-errortype')).toBe('InternalServerErrorException');
    expect(await res.text()).toBe('{"message": "Internal server error"}');
  });
});
