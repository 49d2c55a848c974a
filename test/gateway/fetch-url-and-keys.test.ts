import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { encodeLikeUrl } from '../../src/gateway/pipeline/encode-like-url.js';

const echo = async (event: APIGatewayProxyEventV2) => ({
  statusCode: 200,
  body: JSON.stringify({
    rawQueryString: event.rawQueryString,
    query: event.queryStringParameters ?? null,
    id: event.pathParameters?.id,
  }),
});

describe('gateway.fetch percent-encodes a URL string the way new Request() does', () => {
  const gateway = createGateway({ apiType: 'HTTP', routes: { 'GET /q/{id}': echo } });

  it.each([
    [
      '/q/a b?x=hello world',
      { rawPath: '/q/a%20b', rawQueryString: 'x=hello%20world', query: { x: 'hello world' }, id: 'a b' },
    ],
    [
      '/q/%C3%A9?city=Zürich',
      { rawPath: '/q/%C3%A9', rawQueryString: 'city=Z%C3%BCrich', query: { city: 'Zürich' }, id: 'é' },
    ],
    [
      '/q/é?q="<x>\'',
      { rawPath: '/q/%C3%A9', rawQueryString: 'q=%22%3Cx%3E%27', query: { q: '"<x>\'' }, id: 'é' },
    ],
    [
      '/q/{a}`?s={b}`',
      { rawPath: '/q/%7Ba%7D%60', rawQueryString: 's={b}`', query: { s: '{b}`' }, id: '{a}`' },
    ],
    ['  /q/x?a=1  ', { rawPath: '/q/x', rawQueryString: 'a=1', query: { a: '1' }, id: 'x' }],
  ])('%j reaches the gateway as the encoded URL', async (url, { rawPath, ...seen }) => {
    const { response, trace } = await gateway.handle(url);
    expect(response.status).toBe(200);
    expect(trace.path).toBe(rawPath);
    expect(await response.json()).toEqual(seen);
  });

  it.each([
    '/a b/é/"<>`{}\u0001\u007f',
    'x=a b&y=ü&z="\'<>`{}&e=\ud83d\ude00',
    '/already%20encoded/%zz//double',
    'lone=\ud800',
  ])('encodes %j exactly as the WHATWG URL parser does', (text) => {
    const isQuery = !text.startsWith('/');
    const parsed = new URL(isQuery ? `https://h/?${text}` : `https://h${text}`);
    const expected = isQuery ? parsed.search.slice(1) : parsed.pathname;
    expect(encodeLikeUrl(text, isQuery ? 'query' : 'path')).toBe(expected);
  });

  it('keeps what the URL parser would normalise but a client may send raw: // and percent-escapes', async () => {
    const gateway2 = createGateway({ apiType: 'HTTP', routes: { 'GET /{proxy+}': echo } });
    const { response, trace } = await gateway2.handle('/a//b/%2B?x=%2B');
    expect(trace.path).toBe('/a//b/%2B');
    expect(await response.json()).toMatchObject({ rawQueryString: 'x=%2B' });
  });
});

describe('gateway.url', () => {
  const rest = createGateway({ routes: { 'GET /x': async () => ({ statusCode: 200 }) } });
  const http = createGateway({ apiType: 'HTTP', routes: { 'GET /x': echo } });
  const base = 'https://abcd1234ef.execute-api.us-east-1.amazonaws.com';

  it.each([
    [rest, '/x', `${base}/dev/x`],
    [rest, 'x', `${base}/dev/x`],
    [rest, '/dev/x', `${base}/dev/x`],
    [rest, '/dev', `${base}/dev`],
    [rest, '/dev?a=1', `${base}/dev?a=1`],
    [rest, '/devices', `${base}/dev/devices`],
    [http, '/x', `${base}/x`],
  ])('%#: url(%j) is %s (a path already on the stage is not prefixed twice)', (gateway, path, url) => {
    expect(gateway.url(path)).toBe(url);
  });
});

describe('gateway.apiKeys: disabling and re-enabling a key at run time (UpdateApiKey enabled)', () => {
  const value = 'my-key-value-0123456789';
  const create = () =>
    createGateway({
      apiKeys: [{ id: 'key1', value }],
      usagePlans: [{ id: 'gold', apiStages: [{ stage: 'dev' }], keys: ['key1'] }],
      routes: {
        'GET /secret': {
          integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 200, body: 'ok' }) },
          apiKeyRequired: true,
        },
      },
    });

  it('a disabled key gets 403 {"message":"Forbidden"}; enabled again, 200', async () => {
    const gateway = create();
    const headers = { 'x-api-key': value };
    expect((await gateway.fetch(gateway.url('/secret'), { headers })).status).toBe(200);
    gateway.apiKeys.disable('key1');
    const { response, trace } = await gateway.handle(gateway.url('/secret'), { headers });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('{"message":"Forbidden"}');
    expect(response.headers.get('x-amzn-ErrorType')).toBe('ForbiddenException');
    expect(trace.usagePlan).toMatchObject({ ok: false, reason: 'disabled', keyId: 'key1' });
    gateway.apiKeys.enable('key1');
    const again = await gateway.fetch(gateway.url('/secret'), { headers });
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('ok');
  });

  it('an unknown key id is USAGE_UNKNOWN_KEY; a gateway without keys is GATEWAY_NO_USAGE_PLANS', () => {
    expect(() => create().apiKeys.disable('nope')).toThrowError(
      expect.objectContaining({ code: 'USAGE_UNKNOWN_KEY' }),
    );
    expect(() => createGateway({ routes: {} }).apiKeys.enable('key1')).toThrowError(
      expect.objectContaining({
        code: 'GATEWAY_NO_USAGE_PLANS',
        message: expect.stringContaining('gateway.apiKeys.enable: this gateway has no API keys'),
      }),
    );
  });
});
