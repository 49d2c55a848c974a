import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import {
  buildLambdaContext,
  buildProxyEventV1,
  buildProxyEventV2,
  buildRequestAuthorizerEvent,
  buildTokenAuthorizerEvent,
  buildWebSocketEvent,
  isTextMediaType,
} from '../../src/events/index.js';
import { errorOf } from './helpers/error-code.js';

const post = (contentType: string | undefined, body: string) =>
  contentType === undefined
    ? { method: 'POST', body }
    : { method: 'POST', headers: { 'content-type': contentType }, body };

describe('HTTP API request bodies: which content types arrive as text (verified on AWS, ministack#766)', () => {
  it.each([
    ['text/plain', false],
    ['text/html; charset=utf-8', false],
    ['text/csv', false],
    ['application/json', false],
    ['application/json; charset=UTF-8', false],
    ['APPLICATION/JSON', false],
    ['application/xml', false],
    ['application/javascript', false],
    ['application/x-www-form-urlencoded', true],
    ['application/vnd.api+json', true],
    ['application/octet-stream', true],
    ['multipart/form-data; boundary=x', true],
    ['image/png', true],
  ] as const)('payload 2.0: Content-Type %s → isBase64Encoded %s', (contentType, base64) => {
    const event = buildProxyEventV2(post(contentType, 'a=1'));
    expect(event.isBase64Encoded).toBe(base64);
    expect(event.body).toBe(base64 ? 'YT0x' : 'a=1');
  });

  it('payload 2.0: a text body sent without Content-Type is base64 (HTTP APIs treat it as binary)', () => {
    expect(buildProxyEventV2(post(undefined, 'hello'))).toMatchObject({
      body: 'aGVsbG8=',
      isBase64Encoded: true,
    });
  });

  it('payload 1.0 of an HTTP API follows the same list: form posts and untyped bodies are base64', () => {
    const form = buildProxyEventV1({ apiType: 'HTTP', ...post('application/x-www-form-urlencoded', 'a=1') });
    expect([form.body, form.isBase64Encoded]).toEqual(['YT0x', true]);
    const json = buildProxyEventV1({ apiType: 'HTTP', ...post('application/json', '{}') });
    expect([json.body, json.isBase64Encoded]).toEqual(['{}', false]);
    const png = buildProxyEventV1({ apiType: 'HTTP', ...post('image/png', 'x') });
    expect([png.body, png.isBase64Encoded]).toEqual(['eA==', true]);
  });

  it('binaryMediaTypes is refused with apiType HTTP: HTTP APIs have no such setting', () => {
    expect(errorOf(() => buildProxyEventV1({ apiType: 'HTTP', binaryMediaTypes: ['image/png'] })).code).toBe(
      'EVENT_INVALID_API_TYPE',
    );
  });

  it('isTextMediaType lists exactly text/*, application/json, application/xml, application/javascript', () => {
    expect(
      ['text/x-anything', 'application/json', 'application/xml', 'application/javascript'].map(
        isTextMediaType,
      ),
    ).toEqual([true, true, true, true]);
    expect(
      ['application/graphql', 'application/problem+json', 'image/svg+xml', ''].map(isTextMediaType),
    ).toEqual([false, false, false, false]);
  });

  it('REST is untouched: a form post is text unless binaryMediaTypes matches', () => {
    const rest = buildProxyEventV1(post('application/x-www-form-urlencoded', 'a=1'));
    expect([rest.body, rest.isBase64Encoded]).toEqual(['a=1', false]);
  });
});

describe('query-string edge cases (behaviour.md §1.1, §1.2, §14)', () => {
  it('REST: `?a=` and a bare `?b` both give the empty string, in both maps', () => {
    const event = buildProxyEventV1({ path: '/x?a=&b' });
    expect(event.queryStringParameters).toEqual({ a: '', b: '' });
    expect(event.multiValueQueryStringParameters).toEqual({ a: [''], b: [''] });
  });

  it('HTTP API: `?a=&b` keeps rawQueryString exactly as sent and maps both keys to ""', () => {
    const event = buildProxyEventV2({ path: '/x?a=&b' });
    expect(event.rawQueryString).toBe('a=&b');
    expect(event.queryStringParameters).toEqual({ a: '', b: '' });
  });

  it('HTTP API: `+` is a space and %2B a plus in queryStringParameters; rawQueryString is not decoded', () => {
    const event = buildProxyEventV2({ path: '/x?q=a+b%2Bc&q=d%20e' });
    expect(event.rawQueryString).toBe('q=a+b%2Bc&q=d%20e');
    expect(event.queryStringParameters).toEqual({ q: 'a b+c,d e' });
  });

  it('REST: a raw `;` splits the data, an encoded %3B does not (§14)', () => {
    const event = buildProxyEventV1({ path: '/x?a=1;b=2&c=3%3B4' });
    expect(event.queryStringParameters).toEqual({ a: '1', b: '2', c: '3;4' });
  });

  it('REST: the single-value map keeps the last of a repeated key, the multi map all in order', () => {
    const event = buildProxyEventV1({ path: '/x?k=1&k=2&k=3' });
    expect(event.queryStringParameters).toEqual({ k: '3' });
    expect(event.multiValueQueryStringParameters).toEqual({ k: ['1', '2', '3'] });
  });
});

describe('headers and cookies per payload version', () => {
  it('REST: a header repeated in different cases is one entry, first spelling, last value single, all values multi', () => {
    const event = buildProxyEventV1({
      headers: [
        ['X-Tag', 'a'],
        ['x-tag', 'b'],
        ['X-TAG', 'c'],
      ],
    });
    expect(event.headers['X-Tag']).toBe('c');
    expect(event.multiValueHeaders['X-Tag']).toEqual(['a', 'b', 'c']);
    expect(event.headers['x-tag']).toBeUndefined();
  });

  it('REST keeps Cookie as an ordinary header and has no cookies key', () => {
    const event = buildProxyEventV1({ headers: { Cookie: 'a=1; b=2' } });
    expect(event.headers.Cookie).toBe('a=1; b=2');
    expect('cookies' in event).toBe(false);
  });

  it('HTTP API 2.0: every Cookie header is split on ";" into cookies, trimmed, nameless ones dropped, and leaves headers', () => {
    const event = buildProxyEventV2({
      headers: [
        ['Cookie', 'a=1; =x;b=2'],
        ['cookie', 'c=3'],
      ],
    });
    expect(event.cookies).toEqual(['a=1', 'b=2', 'c=3']);
    expect(event.headers.cookie).toBeUndefined();
  });

  it('sourceIp is the first X-Forwarded-For entry (REST identity and HTTP API http.sourceIp)', () => {
    const xff = { 'X-Forwarded-For': '198.51.100.7, 10.0.0.1' };
    expect(buildProxyEventV1({ headers: xff }).requestContext.identity.sourceIp).toBe('198.51.100.7');
    expect(buildProxyEventV2({ headers: xff }).requestContext.http.sourceIp).toBe('198.51.100.7');
  });
});

describe('requestContext and authorizer shapes', () => {
  it('REST requestTimeEpoch is a number of ms and domainPrefix is the first label of domainName', () => {
    const rc = buildProxyEventV1({ time: 1713712101067, domainName: 'api.example.com' }).requestContext;
    expect(rc.requestTimeEpoch).toBe(1713712101067);
    expect(rc.requestTime).toBe('21/Apr/2024:15:08:21 +0000');
    expect(rc.domainPrefix).toBe('api');
  });

  it('REST Lambda authorizer: context values are strings (numbers, booleans), integrationLatency a number', () => {
    const { authorizer } = buildProxyEventV1({
      authorizer: {
        lambda: { principalId: 'u-1', context: { n: 1, b: false, s: 'x' }, integrationLatency: 12 },
      },
    }).requestContext;
    expect(authorizer).toEqual({ n: '1', b: 'false', s: 'x', principalId: 'u-1', integrationLatency: 12 });
  });

  it('HTTP API payload 1.0 without an authorizer has authorizer {claims: null, scopes: null} and resourceId null', () => {
    const rc = buildProxyEventV1({ apiType: 'HTTP' }).requestContext as unknown as Record<string, unknown>;
    expect(rc.authorizer).toEqual({ claims: null, scopes: null });
    expect(rc.resourceId).toBeNull();
  });

  it('HTTP API JWT: scopes null when the token has none, the array otherwise', () => {
    const none = buildProxyEventV2({ authorizer: { jwt: { claims: { sub: 'x' } } } });
    expect(none.requestContext).toMatchObject({
      authorizer: { jwt: { claims: { sub: 'x' }, scopes: null } },
    });
  });
});

describe('WebSocket events: exact requestContext keys per event type (§1.4)', () => {
  const common = [
    'routeKey',
    'eventType',
    'extendedRequestId',
    'requestTime',
    'messageDirection',
    'stage',
    'connectedAt',
    'requestTimeEpoch',
    'identity',
    'requestId',
    'domainName',
    'connectionId',
    'apiId',
  ];
  it('CONNECT: common keys only; MESSAGE adds messageId; DISCONNECT adds the close code and reason', () => {
    const keys = (eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT') =>
      Object.keys(buildWebSocketEvent({ eventType }).requestContext).sort();
    expect(keys('CONNECT')).toEqual([...common].sort());
    expect(keys('MESSAGE')).toEqual([...common, 'messageId'].sort());
    expect(keys('DISCONNECT')).toEqual([...common, 'disconnectReason', 'disconnectStatusCode'].sort());
  });
});

describe('authorizer inputs (§2.1)', () => {
  it('TOKEN methodArn for the root path ends in a trailing slash', () => {
    expect(buildTokenAuthorizerEvent({ token: 't', method: 'DELETE', path: '/' }).methodArn).toBe(
      'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/DELETE/',
    );
  });

  it('REST REQUEST: pathParameters {} when none, no body key', () => {
    const event = buildRequestAuthorizerEvent({ path: '/' });
    expect(event.pathParameters).toEqual({});
    expect('body' in event).toBe(false);
  });

  it('HTTP API payload 1.0 REQUEST: identitySource and authorizationToken are the values joined by commas', () => {
    const event = buildRequestAuthorizerEvent({
      apiType: 'HTTP',
      identitySource: ['user1', '123'],
    }) as unknown as Record<string, unknown>;
    expect([event.version, event.identitySource, event.authorizationToken]).toEqual([
      '1.0',
      'user1,123',
      'user1,123',
    ]);
  });
});

describe('Lambda context (§2.5)', () => {
  it('memoryLimitInMB is a string, the ARN carries the alias, the log stream is yyyy/mm/dd/[version]32hex, remaining time stops at 0', () => {
    const clock = createManualClock();
    const context = buildLambdaContext({
      functionName: 'fn',
      alias: 'live',
      memoryLimitInMB: 256,
      timeoutMs: 1000,
      clock,
    });
    expect(context.memoryLimitInMB).toBe('256');
    expect(context.invokedFunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:fn:live');
    expect(context.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    clock.advance(5000);
    expect(context.getRemainingTimeInMillis()).toBe(0);
  });
});
