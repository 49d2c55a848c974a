// trace.responseHeaders (the response's header lines, spelled as sent, for every kind of answer) and
// trace.integrationCalled (whether the request reached the integration), as harness authors asked.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway, type LambdaHandler } from '../../src/gateway/index.js';
import { HOST } from './helpers.js';

const ok = async () => ({ statusCode: 200, headers: { 'X-Pet': 'rex', 'Content-Length': '3' }, body: 'rex' });

describe('trace.responseHeaders: the header lines of every response, in order, names as sent', () => {
  it('a Lambda proxy answer: its headers (remapped as REST does), then the ids API Gateway adds', async () => {
    const gateway = createGateway({ routes: { 'GET /pet': ok } });
    const { response, trace } = await gateway.handle(`${HOST}/dev/pet`);
    expect(trace.responseHeaders).toEqual([
      ['X-Pet', 'rex'],
      ['x-amzn-Remapped-Content-Length', '3'],
      ['Content-Type', 'application/json'],
      ['x-amzn-RequestId', trace.requestId],
      ['x-amz-apigw-id', trace.extendedRequestId],
      ['X-Amzn-Trace-Id', response.headers.get('x-amzn-trace-id')],
    ]);
    expect([...response.headers.keys()]).toEqual(
      [...new Set(trace.responseHeaders.map(([name]) => name.toLowerCase()))].sort(),
    );
  });

  it('a gateway response (403 for a missing route): its headers, with the AWS spelling', async () => {
    const gateway = createGateway({ routes: { 'GET /pet': ok } });
    const { trace } = await gateway.handle(`${HOST}/dev/owners`);
    expect(trace.responseHeaders).toEqual([
      ['Content-Type', 'application/json'],
      ['x-amzn-RequestId', trace.requestId],
      ['x-amzn-ErrorType', 'MissingAuthenticationTokenException'],
      ['x-amz-apigw-id', trace.extendedRequestId],
    ]);
  });

  it('a MOCK answer, and an HTTP API answer (apigw-requestid, no remapping, its own default content type)', async () => {
    const mock = createGateway({
      routes: {
        'GET /health': {
          integration: {
            type: 'MOCK',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            responses: { '200': { headers: { 'X-Up': 'yes' }, body: 'up' } },
          },
        },
      },
    });
    const mocked = (await mock.handle(`${HOST}/dev/health`)).trace;
    expect(mocked.responseHeaders).toEqual([
      ['X-Up', 'yes'],
      ['Content-Type', 'application/json'],
      ['x-amzn-RequestId', mocked.requestId],
      ['x-amz-apigw-id', mocked.extendedRequestId],
    ]);
    const http = createGateway({ apiType: 'HTTP', routes: { 'GET /pet': ok } });
    const { trace } = await http.handle(`${HOST}/pet`);
    expect(trace.responseHeaders).toEqual([
      ['X-Pet', 'rex'],
      ['Content-Length', '3'],
      ['content-type', 'text/plain; charset=utf-8'], // payload 2.0's default, spelled as sent
      ['apigw-requestid', trace.requestId],
    ]);
  });
});

describe('trace.integrationCalled: whether the request reached the integration', () => {
  const clock = createManualClock();
  const never: LambdaHandler = () => new Promise(() => {});
  const gateway = createGateway({
    clock,
    apiKeys: [{ id: 'key1', value: 'key-value-0123456789abcdef' }],
    usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev' }], keys: ['key1'] }],
    cache: { ttlInSeconds: 60 },
    binaryMediaTypes: [],
    routes: {
      'GET /ok': ok,
      'GET /boom': async () => {
        throw new Error('kaput');
      },
      'GET /slow': { integration: { type: 'AWS_PROXY', handler: never, timeoutInMillis: 50 } },
      'GET /keyed': { integration: { type: 'AWS_PROXY', handler: ok }, apiKeyRequired: true },
      'GET /not-post': { integration: { type: 'AWS_PROXY', httpMethod: 'GET', handler: ok } },
      'GET /cached': ok, // GET methods are cached by default once the stage has a cache
      'GET /mock': {
        integration: {
          type: 'MOCK',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: { '200': { body: 'up' } },
        },
      },
      'GET /mock-broken': {
        integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"status": 200}' } },
      },
    },
  });

  it.each([
    ['the function answered', true, 'GET', '/dev/ok', {}, 200],
    ['the function threw', true, 'GET', '/dev/boom', {}, 502],
    ['the integration timed out', true, 'GET', '/dev/slow', {}, 504],
    ['the MOCK integration answered', true, 'GET', '/dev/mock', {}, 200],
    [
      'the MOCK template rendered no statusCode (500 after the request)',
      true,
      'GET',
      '/dev/mock-broken',
      {},
      500,
    ],
    ['no route matched', false, 'GET', '/dev/nowhere', {}, 403],
    ['the API key was missing', false, 'GET', '/dev/keyed', {}, 403],
    ['an AWS_PROXY method that is not POST (500 before Lambda)', false, 'GET', '/dev/not-post', {}, 500],
    ['a body over the 10 MB limit', false, 'POST', '/dev/ok', { body: new Uint8Array(10_485_761) }, 413],
  ] as const)('%s → integrationCalled %s', async (_name, called, method, path, init, status) => {
    const pending = gateway.handle(`${HOST}${path}`, { method, ...init });
    await clock.advanceAsync(50);
    const { trace } = await pending;
    expect([trace.status, trace.integrationCalled]).toEqual([status, called]);
  });

  it('a cache hit answers without the integration: the first request calls it, the second does not', async () => {
    const first = await gateway.handle(`${HOST}/dev/cached`);
    const second = await gateway.handle(`${HOST}/dev/cached`);
    expect([first.trace.cache, first.trace.integrationCalled]).toEqual(['miss', true]);
    expect([second.trace.cache, second.trace.integrationCalled]).toEqual(['hit', false]);
  });

  it('an HTTP backend and an AWS service responder are called; a request refused by validation is not', async () => {
    const calls: string[] = [];
    const backends = createGateway({
      fetch: async (input) => {
        calls.push(String(input));
        return new Response('from backend');
      },
      services: {
        dynamodb: (call) => {
          calls.push(`dynamodb ${call.action}`);
          return { statusCode: 200, body: {} };
        },
      },
      requestValidators: { params: { validateRequestParameters: true } },
      routes: {
        'GET /proxied': { integration: { type: 'HTTP_PROXY', uri: 'https://backend.example.com/x' } },
        'POST /items': {
          methodResponses: { '200': {} },
          integration: {
            type: 'AWS',
            uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem',
            httpMethod: 'POST',
            credentials: 'arn:aws:iam::123456789012:role/apigw',
            integrationResponses: [{ statusCode: '200' }],
          },
        },
        'GET /search': {
          requestParameters: { 'method.request.querystring.q': true },
          requestValidator: 'params',
          integration: { type: 'HTTP_PROXY', uri: 'https://backend.example.com/search' },
        },
      },
    });
    const proxied = (await backends.handle(`${HOST}/dev/proxied`)).trace;
    const stored = (await backends.handle(`${HOST}/dev/items`, { method: 'POST', body: '{}' })).trace;
    const refused = (await backends.handle(`${HOST}/dev/search`)).trace;
    expect([proxied.status, proxied.integrationCalled]).toEqual([200, true]);
    expect([stored.status, stored.integrationCalled]).toEqual([200, true]);
    expect([refused.status, refused.integrationCalled]).toEqual([400, false]);
    expect(calls).toEqual(['https://backend.example.com/x', 'dynamodb PutItem']);
  });
});
