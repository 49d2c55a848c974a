import { describe, expect, it } from 'vitest';
import { buildProxyEventV1 } from '../../src/events/index.js';

const IDENTITY_KEYS = [
  'accessKey',
  'accountId',
  'caller',
  'cognitoAuthenticationProvider',
  'cognitoAuthenticationType',
  'cognitoIdentityId',
  'cognitoIdentityPoolId',
  'principalOrgId',
  'sourceIp',
  'user',
  'userAgent',
  'userArn',
];

describe('buildProxyEventV1 (REST, payload 1.0)', () => {
  it('absent query, body, stage variables are null and there is no authorizer key', () => {
    const event = buildProxyEventV1({ path: '/hello' });
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
    expect(event.body).toBeNull();
    expect(event.stageVariables).toBeNull();
    expect(event.isBase64Encoded).toBe(false);
    expect('authorizer' in event.requestContext).toBe(false);
    expect('version' in event).toBe(false);
  });

  it('has every top-level key of a REST event, in AWS order', () => {
    expect(Object.keys(buildProxyEventV1())).toEqual([
      'resource',
      'path',
      'httpMethod',
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
      'requestContext',
      'body',
      'isBase64Encoded',
    ]);
  });

  it('a path without a resource goes to /{proxy+}; the root path to /', () => {
    expect(buildProxyEventV1({ path: '/a/b' })).toMatchObject({
      resource: '/{proxy+}',
      pathParameters: { proxy: 'a/b' },
    });
    expect(buildProxyEventV1({ path: '/' })).toMatchObject({
      resource: '/',
      path: '/',
      pathParameters: null,
    });
    expect(buildProxyEventV1()).toMatchObject({ resource: '/', path: '/', httpMethod: 'GET' });
  });

  it('a resource without variables has pathParameters null', () => {
    expect(buildProxyEventV1({ resource: '/pets', path: '/pets' }).pathParameters).toBeNull();
  });

  it('builds path from resource and pathParameters when no path is given', () => {
    const event = buildProxyEventV1({
      resource: '/owners/{owner}/pets/{id}',
      pathParameters: { owner: 'o1', id: '7' },
    });
    expect(event.path).toBe('/owners/o1/pets/7');
    expect(event.pathParameters).toEqual({ owner: 'o1', id: '7' });
  });

  it('query values are form-decoded (+ is a space, %2B is +) and the single-value map keeps the last value', () => {
    const event = buildProxyEventV1({
      path: '/search?plus=a+b&enc=%2B&category=electronics&category=books&flag',
    });
    expect(event.queryStringParameters).toEqual({ plus: 'a b', enc: '+', category: 'books', flag: '' });
    expect(event.multiValueQueryStringParameters).toEqual({
      plus: ['a b'],
      enc: ['+'],
      category: ['electronics', 'books'],
      flag: [''],
    });
  });

  it('anything after # is dropped from the query', () => {
    expect(buildProxyEventV1({ path: '/x?a=1#b=2' }).queryStringParameters).toEqual({ a: '1' });
  });

  it('query from a record, pairs, URLSearchParams or raw text all give the same maps', () => {
    const expected = { a: ['1', '2'], b: ['x y'] };
    for (const query of [
      { a: ['1', '2'], b: 'x y' },
      [
        ['a', '1'],
        ['a', '2'],
        ['b', 'x y'],
      ] as [string, string][],
      new URLSearchParams('a=1&a=2&b=x+y'),
      'a=1&a=2&b=x+y',
      '?a=1&a=2&b=x%20y',
    ]) {
      expect(buildProxyEventV1({ path: '/q', query }).multiValueQueryStringParameters).toEqual(expected);
    }
  });

  it('path and pathParameters stay percent-encoded', () => {
    const event = buildProxyEventV1({ resource: '/users/{email}', path: '/users/test%2Balias@x' });
    expect(event.path).toBe('/users/test%2Balias@x');
    expect(event.pathParameters).toEqual({ email: 'test%2Balias@x' });
  });

  it('a trailing slash is kept in path but dropped from {proxy+}; interior // is kept', () => {
    const trailing = buildProxyEventV1({ path: '/proxy-value/' });
    expect(trailing.path).toBe('/proxy-value/');
    expect(trailing.pathParameters).toEqual({ proxy: 'proxy-value' });
    const doubled = buildProxyEventV1({ path: '/a//b', stage: 'stage' });
    expect(doubled.pathParameters).toEqual({ proxy: 'a//b' });
    expect(doubled.requestContext.path).toBe('/stage/a//b');
  });

  it('extra leading slashes collapse in path but stay in the stage-prefixed requestContext.path', () => {
    const event = buildProxyEventV1({ resource: '/hardcoded', path: '//hardcoded', stage: 'stage' });
    expect(event.path).toBe('/hardcoded');
    expect(event.requestContext.path).toBe('/stage//hardcoded');
  });

  it('authorization in any case arrives as Authorization; other header casing is kept', () => {
    const event = buildProxyEventV1({ headers: { aUtHoRiZaTiOn: 'token', 'tEsT-HEADeR': 'v' } });
    expect(event.headers.Authorization).toBe('token');
    expect(event.headers['tEsT-HEADeR']).toBe('v');
    expect(event.multiValueHeaders.Authorization).toEqual(['token']);
  });

  it('a repeated header keeps all values in multiValueHeaders and the last one in headers', () => {
    const event = buildProxyEventV1({
      headers: [
        ['X-Id', '1'],
        ['x-id', '2'],
      ],
    });
    expect(event.multiValueHeaders['X-Id']).toEqual(['1', '2']);
    expect(event.headers['X-Id']).toBe('2');
  });

  it('names alike in length and first letter but different stay separate headers, each with its own spelling', () => {
    const event = buildProxyEventV1({
      headers: [
        ['X-Aa', '1'],
        ['x-ab', '2'],
        ['X-AA', '3'],
      ],
    });
    expect(event.multiValueHeaders).toMatchObject({ 'X-Aa': ['1', '3'], 'x-ab': ['2'] });
    expect(event.headers).toMatchObject({ 'X-Aa': '3', 'x-ab': '2' });
    expect(Object.keys(event.headers).slice(0, 2)).toEqual(['X-Aa', 'x-ab']);
  });

  it('a key repeated in a long query (more than 16 pairs) keeps all values in order; the single map the last', () => {
    const pairs = Array.from({ length: 20 }, (_, i) => `k${i % 7}=${i}`).join('&');
    const event = buildProxyEventV1({ path: `/q?${pairs}` });
    expect(event.multiValueQueryStringParameters?.k3).toEqual(['3', '10', '17']);
    expect(event.queryStringParameters?.k3).toBe('17');
    expect(Object.keys(event.queryStringParameters ?? {})).toEqual([
      'k0',
      'k1',
      'k2',
      'k3',
      'k4',
      'k5',
      'k6',
    ]);
  });

  it('adds Host, X-Amzn-Trace-Id and X-Forwarded-* unless the request has them', () => {
    const event = buildProxyEventV1({ headers: { Host: 'api.example.com' }, sourceIp: '198.51.100.7' });
    expect(event.headers).toMatchObject({
      Host: 'api.example.com',
      'X-Forwarded-For': '198.51.100.7',
      'X-Forwarded-Port': '443',
      'X-Forwarded-Proto': 'https',
    });
    expect(event.headers['X-Amzn-Trace-Id']).toMatch(/^Root=1-659200[0-9a-f]{2}-[0-9a-f]{24}$/);
  });

  it('headers may be a fetch Headers object; bodies may be an ArrayBuffer', () => {
    const event = buildProxyEventV1({
      method: 'POST',
      headers: new Headers({ 'x-one': '1', 'content-type': 'application/octet-stream' }),
      body: Uint8Array.from([104, 105]).buffer,
      binaryMediaTypes: ['application/octet-stream'],
      time: new Date(Date.UTC(2024, 1, 29, 23, 59, 59)),
    });
    expect(event.headers['x-one']).toBe('1');
    expect(event).toMatchObject({ body: 'aGk=', isBase64Encoded: true });
    expect(event.requestContext.requestTime).toBe('29/Feb/2024:23:59:59 +0000');
  });

  it('drops hop-by-hop headers and Content-Length, which API Gateway never forwards', () => {
    const event = buildProxyEventV1({
      method: 'POST',
      headers: {
        Connection: 'keep-alive',
        'Transfer-Encoding': 'chunked',
        'Content-Length': '2',
        TE: 'trailers',
      },
      body: 'hi',
    });
    for (const name of ['Connection', 'Transfer-Encoding', 'Content-Length', 'TE'])
      expect(event.headers).not.toHaveProperty([name]);
  });

  it('requestContext carries the CLF requestTime, epoch-ms requestTimeEpoch and every fixed key', () => {
    const event = buildProxyEventV1({ path: '/pets/7', time: Date.UTC(2020, 2, 4, 19, 15, 17, 123) });
    expect(event.requestContext).toMatchObject({
      accountId: '123456789012',
      apiId: 'abcd1234ef',
      domainName: 'abcd1234ef.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abcd1234ef',
      httpMethod: 'GET',
      path: '/dev/pets/7',
      protocol: 'HTTP/1.1',
      requestTime: '04/Mar/2020:19:15:17 +0000',
      requestTimeEpoch: 1583349317123,
      resourcePath: '/{proxy+}',
      stage: 'dev',
    });
    expect(event.requestContext.requestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(event.requestContext.extendedRequestId).toMatch(/^[A-Za-z0-9]{15}=$/);
  });

  it('identity always has the 12 keys AWS sends, unset ones null; userAgent is the User-Agent header', () => {
    const none = buildProxyEventV1();
    expect(Object.keys(none.requestContext.identity).sort()).toEqual([...IDENTITY_KEYS].sort());
    expect(none.requestContext.identity.userAgent).toBeNull();
    expect(none.requestContext.identity.sourceIp).toBe('203.0.113.9');
    const curl = buildProxyEventV1({
      headers: { 'User-Agent': 'curl/8.0', 'X-Forwarded-For': '192.0.2.1, 10.0.0.1' },
    });
    expect(curl.requestContext.identity.userAgent).toBe('curl/8.0');
    expect(curl.requestContext.identity.sourceIp).toBe('192.0.2.1');
  });

  it('identity fields can be set, including apiKey and the mTLS client certificate', () => {
    const event = buildProxyEventV1({
      identity: { apiKey: 'k-123', apiKeyId: 'id1', cognitoAuthenticationType: 'authenticated' },
    });
    expect(event.requestContext.identity).toMatchObject({
      apiKey: 'k-123',
      apiKeyId: 'id1',
      cognitoAuthenticationType: 'authenticated',
    });
  });

  it('a SigV4-signed Authorization header is not forwarded (REST)', () => {
    const signed =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=abc';
    const event = buildProxyEventV1({
      headers: { Authorization: signed, 'X-Amz-Date': '20240101T000000Z' },
      authorizer: { iam: {} },
    });
    expect(event.headers).not.toHaveProperty('Authorization');
    expect(event.headers['X-Amz-Date']).toBe('20240101T000000Z');
    expect(buildProxyEventV1({ headers: { Authorization: 'Bearer x' } }).headers.Authorization).toBe(
      'Bearer x',
    );
  });

  it('identity.sourceIp and identity.userAgent also set X-Forwarded-For and User-Agent', () => {
    const event = buildProxyEventV1({ identity: { sourceIp: '192.0.2.33', userAgent: 'agent/2' } });
    expect(event.headers['X-Forwarded-For']).toBe('192.0.2.33');
    expect(event.headers['User-Agent']).toBe('agent/2');
    expect(event.requestContext.identity).toMatchObject({ sourceIp: '192.0.2.33', userAgent: 'agent/2' });
  });

  it('the userAgent option also sends a User-Agent header', () => {
    const event = buildProxyEventV1({ userAgent: 'my-agent/1' });
    expect(event.headers['User-Agent']).toBe('my-agent/1');
    expect(event.requestContext.identity.userAgent).toBe('my-agent/1');
  });

  it('an object body is JSON-encoded with Content-Type application/json', () => {
    const event = buildProxyEventV1({ method: 'POST', body: { a: 1 } });
    expect(event.body).toBe('{"a":1}');
    expect(event.headers['Content-Type']).toBe('application/json');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('a body is base64 with isBase64Encoded only when Content-Type matches binaryMediaTypes', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);
    const binary = buildProxyEventV1({
      method: 'PUT',
      headers: { 'Content-Type': 'image/png' },
      body: png,
      binaryMediaTypes: ['image/*'],
    });
    expect(binary).toMatchObject({ body: 'iVBORw==', isBase64Encoded: true });
    const text = buildProxyEventV1({
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hi',
      binaryMediaTypes: ['image/*'],
    });
    expect(text).toMatchObject({ body: 'hi', isBase64Encoded: false });
    const leftWildcard = buildProxyEventV1({
      headers: { 'Content-Type': 'image/png' },
      body: 'x',
      binaryMediaTypes: ['*/png'],
    });
    expect(leftWildcard.isBase64Encoded).toBe(false);
    const everything = buildProxyEventV1({
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      binaryMediaTypes: ['*/*'],
    });
    expect(everything).toMatchObject({ body: 'e30=', isBase64Encoded: true });
  });

  it('bytes without binaryMediaTypes are base64-encoded', () => {
    expect(buildProxyEventV1({ body: Uint8Array.from([1, 2, 3]) })).toMatchObject({
      body: 'AQID',
      isBase64Encoded: true,
    });
  });

  it('an empty body is null', () => {
    expect(buildProxyEventV1({ method: 'POST', body: '' }).body).toBeNull();
  });

  it('cookies are sent as one Cookie header', () => {
    const event = buildProxyEventV1({ cookies: { a: '1', b: '2' }, headers: { Cookie: 'z=0' } });
    expect(event.headers.Cookie).toBe('z=0; a=1; b=2');
  });

  it('stage variables are passed as given', () => {
    expect(buildProxyEventV1({ stageVariables: { backend: 'v2' } }).stageVariables).toEqual({
      backend: 'v2',
    });
    expect(buildProxyEventV1({ stageVariables: {} }).stageVariables).toBeNull();
  });

  it('a Lambda authorizer context arrives as strings beside principalId and integrationLatency', () => {
    const event = buildProxyEventV1({
      authorizer: {
        lambda: { principalId: 'u1', context: { n: 1, b: true, s: 'x', z: null }, integrationLatency: 12 },
      },
    });
    expect(event.requestContext.authorizer).toEqual({
      n: '1',
      b: 'true',
      s: 'x',
      z: 'null',
      principalId: 'u1',
      integrationLatency: 12,
    });
  });

  it('Cognito claims arrive as strings under claims', () => {
    const event = buildProxyEventV1({
      authorizer: { cognito: { claims: { sub: 'abc', email_verified: true, exp: 1 } } },
    });
    expect(event.requestContext.authorizer).toEqual({
      claims: { sub: 'abc', email_verified: 'true', exp: '1' },
    });
  });

  it('an IAM caller fills the identity fields and adds no authorizer', () => {
    const event = buildProxyEventV1({
      authorizer: { iam: { accountId: '210987654321', user: 'AIDAEXAMPLE' } },
    });
    expect(event.requestContext.identity).toMatchObject({
      accountId: '210987654321',
      user: 'AIDAEXAMPLE',
      accessKey: 'ASIAIOSFODNN7EXAMPLE',
      userArn: 'arn:aws:sts::210987654321:assumed-role/example-role/session',
    });
    expect('authorizer' in event.requestContext).toBe(false);
  });

  it('the requestContext override merges deeply and removes keys set to undefined', () => {
    const event = buildProxyEventV1({
      requestContext: {
        identity: { sourceIp: '192.0.2.50' },
        operationName: 'GetPet',
        deploymentId: undefined,
      },
    });
    expect(event.requestContext.identity.sourceIp).toBe('192.0.2.50');
    expect(event.requestContext.identity.accessKey).toBeNull();
    expect((event.requestContext as unknown as Record<string, unknown>).operationName).toBe('GetPet');
    expect('deploymentId' in event.requestContext).toBe(false);
  });

  it('the same options give the same event; another seed or randomIds gives other ids', () => {
    const a = buildProxyEventV1({ path: '/x', seed: 1 });
    expect(buildProxyEventV1({ path: '/x', seed: 1 })).toEqual(a);
    expect(buildProxyEventV1({ path: '/x', seed: 2 }).requestContext.requestId).not.toBe(
      a.requestContext.requestId,
    );
    const r1 = buildProxyEventV1({ randomIds: true }).requestContext.requestId;
    expect(buildProxyEventV1({ randomIds: true }).requestContext.requestId).not.toBe(r1);
  });

  it('a given requestId seeds the other ids, so distinct requests get distinct trace ids', () => {
    const a = buildProxyEventV1({ requestId: 'r-1' });
    const b = buildProxyEventV1({ requestId: 'r-2' });
    expect(a.headers['X-Amzn-Trace-Id']).not.toBe(b.headers['X-Amzn-Trace-Id']);
    expect(a.requestContext.extendedRequestId).not.toBe(b.requestContext.extendedRequestId);
    expect(buildProxyEventV1({ requestId: 'r-1' })).toEqual(a);
  });

  it('explicit ids and names are used as given', () => {
    const event = buildProxyEventV1({
      requestId: 'req-1',
      extendedRequestId: 'ext-1',
      apiId: 'zz99',
      accountId: '111122223333',
      region: 'eu-west-1',
      resourceId: 'res1',
      deploymentId: 'dep1',
    });
    expect(event.requestContext).toMatchObject({
      requestId: 'req-1',
      extendedRequestId: 'ext-1',
      apiId: 'zz99',
      accountId: '111122223333',
      domainName: 'zz99.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'zz99',
      resourceId: 'res1',
      deploymentId: 'dep1',
    });
  });
});

describe('buildProxyEventV1 with apiType HTTP (HTTP API, payload 1.0)', () => {
  it('has version 1.0, lowercase headers, authorizer {claims: null, scopes: null} and resourceId null', () => {
    const event = buildProxyEventV1({
      apiType: 'HTTP',
      path: '/pets',
      resource: '/pets',
      headers: { 'X-Test': 'a' },
    });
    expect((event as unknown as { version: string }).version).toBe('1.0');
    expect(Object.keys(event)[0]).toBe('version');
    expect(event.headers['x-test']).toBe('a');
    expect(event.headers.host).toBe('abcd1234ef.execute-api.us-east-1.amazonaws.com');
    expect(event.headers['content-length']).toBe('0');
    expect(event.requestContext.authorizer).toEqual({ claims: null, scopes: null });
    expect(event.requestContext.resourceId).toBeNull();
    expect(event.requestContext.stage).toBe('$default');
    expect(event.path).toBe('/pets');
  });

  it('a named stage prefixes path and requestContext.path', () => {
    const event = buildProxyEventV1({ apiType: 'HTTP', path: '/pets', resource: '/pets', stage: 'dev' });
    expect(event.path).toBe('/dev/pets');
    expect(event.requestContext.path).toBe('/dev/pets');
  });
});
