import { describe, expect, it } from 'vitest';
import { buildProxyEventV2 } from '../../src/events/index.js';

describe('buildProxyEventV2 (HTTP API, payload 2.0)', () => {
  it('the minimal event has no cookies, query, body, pathParameters or stageVariables keys', () => {
    const event = buildProxyEventV2();
    expect(Object.keys(event)).toEqual([
      'version',
      'routeKey',
      'rawPath',
      'rawQueryString',
      'headers',
      'requestContext',
      'isBase64Encoded',
    ]);
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/',
      rawQueryString: '',
      isBase64Encoded: false,
    });
  });

  it('adds host, x-amzn-trace-id, x-forwarded-* and content-length, all lowercase', () => {
    const { headers } = buildProxyEventV2({ headers: { 'User-Agent': 'curl/7.58.0' } });
    expect(Object.keys(headers)).toEqual([
      'user-agent',
      'host',
      'x-amzn-trace-id',
      'x-forwarded-for',
      'x-forwarded-port',
      'x-forwarded-proto',
      'content-length',
    ]);
    expect(headers['content-length']).toBe('0');
  });

  it('repeated headers are joined with a comma and no space', () => {
    const event = buildProxyEventV2({
      headers: [
        ['X-Multi', 'value1'],
        ['x-multi', 'value2'],
      ],
    });
    expect(event.headers['x-multi']).toBe('value1,value2');
  });

  it('the Cookie header becomes the cookies array and leaves headers; nameless cookies are dropped', () => {
    const event = buildProxyEventV2({ headers: { Cookie: 'a=1; b=2;  ; novalue; =x' }, cookies: ['c=3'] });
    expect(event.cookies).toEqual(['a=1', 'b=2', 'c=3']);
    expect(event.headers).not.toHaveProperty('cookie');
  });

  it('rawQueryString is the raw query and repeated keys join with a comma in queryStringParameters', () => {
    const event = buildProxyEventV2({ path: '/s?a=1&a=2&b=x+y&c=%2B' });
    expect(event.rawQueryString).toBe('a=1&a=2&b=x+y&c=%2B');
    expect(event.queryStringParameters).toEqual({ a: '1,2', b: 'x y', c: '+' });
  });

  it('routeKey gives path parameters; greedy {proxy+} takes the rest without the leading slash', () => {
    expect(buildProxyEventV2({ routeKey: 'GET /pets/{id}', path: '/pets/7' }).pathParameters).toEqual({
      id: '7',
    });
    expect(buildProxyEventV2({ routeKey: 'ANY /{proxy+}', path: '/a/b/c' }).pathParameters).toEqual({
      proxy: 'a/b/c',
    });
    expect('pathParameters' in buildProxyEventV2({ routeKey: 'GET /pets', path: '/pets' })).toBe(false);
  });

  it('the route method is the default verb; ANY keeps GET', () => {
    expect(buildProxyEventV2({ routeKey: 'POST /pets' }).requestContext.http.method).toBe('POST');
    expect(buildProxyEventV2({ routeKey: 'ANY /pets' }).requestContext.http.method).toBe('GET');
  });

  it('a named stage prefixes rawPath and http.path; $default does not', () => {
    const named = buildProxyEventV2({ routeKey: 'GET /pets/{id}', path: '/pets/1', stage: 'dev' });
    expect(named.rawPath).toBe('/dev/pets/1');
    expect(named.requestContext.http.path).toBe('/dev/pets/1');
    expect(named.requestContext.stage).toBe('dev');
    const plain = buildProxyEventV2({ path: '/pets/1' });
    expect(plain.rawPath).toBe('/pets/1');
    expect(plain.requestContext.stage).toBe('$default');
  });

  it('rawPath and path parameters are reported percent-decoded', () => {
    const event = buildProxyEventV2({ routeKey: 'GET /users/{email}', path: '/users/test%2Balias%40x' });
    expect(event.rawPath).toBe('/users/test+alias@x');
    expect(event.pathParameters).toEqual({ email: 'test+alias@x' });
  });

  it('requestContext has http, a short requestId, CLF time and epoch-ms timeEpoch', () => {
    const event = buildProxyEventV2({
      method: 'GET',
      headers: { 'user-agent': 'curl/7.58.0' },
      time: Date.UTC(2020, 3, 21, 15, 8, 21, 67),
    });
    expect(event.requestContext).toMatchObject({
      accountId: '123456789012',
      apiId: 'abcd1234ef',
      domainName: 'abcd1234ef.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abcd1234ef',
      http: {
        method: 'GET',
        path: '/',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.9',
        userAgent: 'curl/7.58.0',
      },
      routeKey: '$default',
      stage: '$default',
      time: '21/Apr/2020:15:08:21 +0000',
      timeEpoch: 1587481701067,
    });
    expect(event.requestContext.requestId).toMatch(/^[A-Za-z0-9]{15}=$/);
    expect('authorizer' in event.requestContext).toBe(false);
  });

  it('text bodies stay text; other content types and bytes are base64', () => {
    expect(buildProxyEventV2({ method: 'POST', body: { a: 1 } })).toMatchObject({
      body: '{"a":1}',
      isBase64Encoded: false,
    });
    expect(
      buildProxyEventV2({ method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' }),
    ).toMatchObject({
      body: 'a,b',
      isBase64Encoded: false,
    });
    expect(
      buildProxyEventV2({
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: Uint8Array.from([1, 2, 3]),
      }),
    ).toMatchObject({ body: 'AQID', isBase64Encoded: true });
    const json = buildProxyEventV2({ method: 'POST', body: { a: 1 } });
    expect(json.headers['content-length']).toBe('7');
    expect(json.headers['content-type']).toBe('application/json');
  });

  it('JWT authorizer: claims and scopes (null when none)', () => {
    expect(
      buildProxyEventV2({ authorizer: { jwt: { claims: { sub: 'u1' }, scopes: ['read'] } } }).requestContext,
    ).toMatchObject({
      authorizer: { jwt: { claims: { sub: 'u1' }, scopes: ['read'] } },
    });
    expect(
      buildProxyEventV2({ authorizer: { jwt: { claims: { sub: 'u1' } } } }).requestContext,
    ).toMatchObject({
      authorizer: { jwt: { claims: { sub: 'u1' }, scopes: null } },
    });
  });

  it('Lambda authorizer: the context as returned, under lambda (types kept)', () => {
    const event = buildProxyEventV2({ authorizer: { lambda: { n: 1, list: ['a'], map: { x: 'y' } } } });
    expect(event.requestContext).toMatchObject({
      authorizer: { lambda: { n: 1, list: ['a'], map: { x: 'y' } } },
    });
  });

  it('IAM authorizer: every iam key, cognitoIdentity null by default', () => {
    const event = buildProxyEventV2({ authorizer: { iam: { accountId: '210987654321' } } });
    expect(event.requestContext).toMatchObject({
      authorizer: {
        iam: {
          accessKey: 'ASIAIOSFODNN7EXAMPLE',
          accountId: '210987654321',
          callerId: 'AROAEXAMPLEROLEID12345:session',
          cognitoIdentity: null,
          principalOrgId: null,
          userArn: 'arn:aws:sts::210987654321:assumed-role/example-role/session',
          userId: 'AROAEXAMPLEROLEID12345:session',
        },
      },
    });
  });

  it('stage variables appear only when given', () => {
    expect(buildProxyEventV2({ stageVariables: { a: 'b' } }).stageVariables).toEqual({ a: 'b' });
    expect('stageVariables' in buildProxyEventV2({ stageVariables: {} })).toBe(false);
  });

  it('the same options give the same event', () => {
    expect(buildProxyEventV2({ path: '/x', seed: 'a' })).toEqual(
      buildProxyEventV2({ path: '/x', seed: 'a' }),
    );
  });

  it('the requestContext override merges deeply', () => {
    const event = buildProxyEventV2({
      requestContext: { http: { sourceIp: '192.0.2.9' }, routeKey: 'custom' },
    });
    expect(event.requestContext.http).toMatchObject({ sourceIp: '192.0.2.9', method: 'GET' });
    expect(event.requestContext.routeKey).toBe('custom');
  });
});
