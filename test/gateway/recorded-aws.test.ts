/**
 * Facts recorded on real AWS by LocalStack's parity suite, restated in our own words.
 * Source: localstack/localstack tests/aws/services/apigateway/test_apigateway_lambda.py and
 * test_apigateway_lambda.snapshot.json (test_lambda_aws_proxy_integration), unless a test says otherwise.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { echoHandler, HOST, wire } from './helpers.js';

const HEADERS = {
  'User-Agent': 'python-requests/testing',
  'tEsT-HEADeR': 'aValUE',
  authorization: 'random-value',
};

async function proxyEvent(path: string, init: RequestInit = {}): Promise<APIGatewayProxyEvent> {
  const handler = echoHandler();
  const gateway = createGateway({ routes: { 'ANY /{proxy+}': handler }, stage: { name: 'test' } });
  const response = await gateway.fetch(`${HOST}/test${path}`, { headers: HEADERS, ...init });
  expect(response.status).toBe(200);
  return handler.events[0]!;
}

describe('REST AWS_PROXY event on /{proxy+} as recorded on AWS (test_apigateway_lambda.snapshot.json)', () => {
  it('a GET without query has null body, null query maps, null stageVariables and isBase64Encoded false', async () => {
    const event = await proxyEvent('/test-path');
    expect(event.body).toBeNull();
    expect(event.isBase64Encoded).toBe(false);
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
    expect(event.stageVariables).toBeNull();
    expect(event.httpMethod).toBe('GET');
    expect(event.resource).toBe('/{proxy+}');
    expect(event.path).toBe('/test-path');
    expect(event.pathParameters).toEqual({ proxy: 'test-path' });
    expect(event.requestContext.path).toBe('/test/test-path');
    expect(event.requestContext.resourcePath).toBe('/{proxy+}');
    expect(event.requestContext.httpMethod).toBe('GET');
    expect(event.requestContext.stage).toBe('test');
    expect(event.requestContext.protocol).toBe('HTTP/1.1');
  });

  it('keeps the client header casing (tEsT-HEADeR) but Pascal-cases authorization to Authorization', async () => {
    const event = await proxyEvent('/test-path');
    expect(event.headers['tEsT-HEADeR']).toBe('aValUE');
    expect(event.multiValueHeaders['tEsT-HEADeR']).toEqual(['aValUE']);
    expect(event.headers.Authorization).toBe('random-value');
    expect(event.multiValueHeaders.Authorization).toEqual(['random-value']);
    expect(event.headers.authorization).toBeUndefined();
    expect(event.headers['User-Agent']).toBe('python-requests/testing');
  });

  it('fills requestContext.identity with the 12 recorded keys, all null except sourceIp and userAgent', async () => {
    const event = await proxyEvent('/test-path');
    const identity = event.requestContext.identity as unknown as Record<string, unknown>;
    for (const key of [
      'accessKey',
      'accountId',
      'caller',
      'cognitoAuthenticationProvider',
      'cognitoAuthenticationType',
      'cognitoIdentityId',
      'cognitoIdentityPoolId',
      'principalOrgId',
      'user',
      'userArn',
    ]) {
      expect(identity[key], key).toBeNull();
    }
    expect(identity.userAgent).toBe('python-requests/testing');
    expect(typeof identity.sourceIp).toBe('string');
  });

  it('keeps a trailing slash in path and requestContext.path but not in the {proxy+} value', async () => {
    const event = await proxyEvent('/test-path/');
    expect(event.path).toBe('/test-path/');
    expect(event.requestContext.path).toBe('/test/test-path/');
    expect(event.pathParameters).toEqual({ proxy: 'test-path' });
  });

  it.each([
    ['/test-path?urlparam=test', '/test-path'],
    ['/test-path/?urlparam=test', '/test-path/'],
  ])('GET %s gives single and multi-value query maps and path %s', async (url, path) => {
    const event = await proxyEvent(url);
    expect(event.path).toBe(path);
    expect(event.pathParameters).toEqual({ proxy: 'test-path' });
    expect(event.queryStringParameters).toEqual({ urlparam: 'test' });
    expect(event.multiValueQueryStringParameters).toEqual({ urlparam: ['test'] });
  });

  it('passes percent-escapes and + in the path through undecoded, in path, proxy and requestContext.path', async () => {
    const raw = '/test-path/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com';
    const event = await proxyEvent(raw);
    expect(event.path).toBe(raw);
    expect(event.pathParameters).toEqual({ proxy: raw.slice(1) });
    expect(event.requestContext.path).toBe(`/test${raw}`);
  });

  it('decodes query values: + becomes a space, %2B becomes +, %20 a space; the fragment is not sent', async () => {
    const query = [
      'dateTimeOffset=2023-06-12T18:05:10.123456+00:00',
      'email=test%2Balias@gmail.com',
      'plus=test+alias@gmail.com',
      'url=https://www.google.com/',
      'whitespace=foo%20bar',
      'zhash=abort/#',
      'ignored=this-does-not-appear-after-the-hash',
    ].join('&');
    const event = await proxyEvent(`/test-path/api?${query}`);
    const expected = {
      dateTimeOffset: '2023-06-12T18:05:10.123456 00:00',
      email: 'test+alias@gmail.com',
      plus: 'test alias@gmail.com',
      url: 'https://www.google.com/',
      whitespace: 'foo bar',
      zhash: 'abort/',
    };
    expect(event.path).toBe('/test-path/api');
    expect(event.queryStringParameters).toEqual(expected);
    expect(event.multiValueQueryStringParameters).toEqual(
      Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, [v]])),
    );
  });

  it('lists repeated query keys in order in the multi-value map and keeps the last one in the single map', async () => {
    const event = await proxyEvent(
      '/test-path?category=electronics&category=books&price=10&price=20&price=30',
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json;charset=utf-8',
          aUThorization: 'Bearer token123;API key456',
          'User-Agent': 'python-requests/testing',
        },
        body: JSON.stringify({ message: 'hello world' }),
      },
    );
    expect(event.httpMethod).toBe('POST');
    expect(event.requestContext.httpMethod).toBe('POST');
    expect(event.body).toBe('{"message":"hello world"}');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.headers.Authorization).toBe('Bearer token123;API key456');
    expect(event.headers['Content-Type']).toBe('application/json;charset=utf-8');
    expect(event.multiValueQueryStringParameters).toEqual({
      category: ['electronics', 'books'],
      price: ['10', '20', '30'],
    });
    expect(event.queryStringParameters).toEqual({ category: 'books', price: '30' });
  });
});

describe('REST routing with an empty path segment (test_apigateway_lambda.snapshot.json, invocation-hardcoded)', () => {
  it('GET /stage//hardcoded reaches /hardcoded: path /hardcoded, requestContext.path keeps //, pathParameters null', async () => {
    const handler = echoHandler();
    const gateway = createGateway({
      routes: { 'ANY /{proxy+}': handler, 'GET /hardcoded': handler },
      stage: { name: 'stage' },
    });
    await gateway.fetch(`${HOST}/stage//hardcoded`, { headers: HEADERS });
    const event = handler.events[0]!;
    expect(event.resource).toBe('/hardcoded');
    expect(event.path).toBe('/hardcoded');
    expect(event.pathParameters).toBeNull();
    expect(event.requestContext.path).toBe('/stage//hardcoded');
    expect(event.requestContext.resourcePath).toBe('/hardcoded');
  });
});

// Source: localstack/localstack tests/aws/services/apigateway/test_apigateway_common.py and
// test_apigateway_common.snapshot.json (TestApigatewayRouting::test_routing_not_found,
// TestApiGatewayCommon::test_invocation_trace_id).
describe('REST routing and response ids as recorded on AWS (test_apigateway_common.snapshot.json)', () => {
  const FULL = 'Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1';
  const ROOT_ONLY = 'Root=1-3152b799-8954dae64eda91bc9a23a7e8';
  const mock = {
    integration: {
      type: 'MOCK' as const,
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      responses: { '200': { headers: { 'Content-Type': 'application/json' }, body: '{"message":"ok"}' } },
    },
  };
  const gateway = () => createGateway({ routes: { 'GET /path': mock, 'ANY /{proxy+}': echoHandler() } });

  it.each([
    ['an unknown path', 'GET', '/dev/nope/deeper'],
    ['a method the resource lacks', 'POST', '/dev/path'],
  ])(
    '%s answers 403 MissingAuthenticationTokenException "Missing Authentication Token"',
    async (_, method, path) => {
      const g = createGateway({ routes: { 'GET /path': mock } });
      const { status, headers, body } = await wire(await g.fetch(`${HOST}${path}`, { method }));
      expect(status).toBe(403);
      expect(headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
      expect(JSON.parse(body)).toEqual({ message: 'Missing Authentication Token' });
    },
  );

  it.each([
    ['no trace header', {}],
    ['a full client trace header', { 'x-amzn-trace-id': FULL }],
  ])(
    'a MOCK answer carries x-amzn-RequestId and x-amz-apigw-id but no X-Amzn-Trace-Id (%s)',
    async (_, headers) => {
      const response = await gateway().fetch(`${HOST}/dev/path`, { headers });
      const wired = await wire(response);
      expect(wired.status).toBe(200);
      expect(wired.headers['x-amzn-trace-id']).toBeUndefined();
      expect(wired.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
      expect(wired.headers['x-amz-apigw-id']).toMatch(/^.{15}=$/);
      expect(wired.headers['content-type']).toBe('application/json');
    },
  );

  it('a Lambda proxy answer carries X-Amzn-Trace-Id even when the client sent none', async () => {
    const wired = await wire(await gateway().fetch(`${HOST}/dev/proxy-value`));
    expect(wired.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}/);
  });

  it('a Lambda proxy answer returns a full client trace header unchanged, Parent included', async () => {
    const response = await gateway().fetch(`${HOST}/dev/proxy-value`, {
      headers: { 'x-amzn-trace-id': FULL },
    });
    const trace = response.headers.get('x-amzn-trace-id')!;
    expect(trace).toContain(FULL);
    expect(trace.split(';')[1]).toBe('Parent=7fa8c0f79203be72');
  });

  it('a Lambda proxy answer keeps a bare client Root and adds a generated Parent', async () => {
    const response = await gateway().fetch(`${HOST}/dev/proxy-value`, {
      headers: { 'x-amzn-trace-id': ROOT_ONLY },
    });
    const trace = response.headers.get('x-amzn-trace-id')!;
    expect(trace.startsWith(ROOT_ONLY)).toBe(true);
    expect(trace.split(';')[1]).toMatch(/^Parent=[0-9a-f]{16}$/);
    expect(trace.split(';')[1]).not.toBe('Parent=7fa8c0f79203be72');
  });
});
