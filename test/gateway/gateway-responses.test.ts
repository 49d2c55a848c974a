import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway, type GatewayFailure, gatewayResponse } from '../../src/gateway/index.js';
import { HOST } from './helpers.js';

const IDS = { requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef', extendedRequestId: 'ABCDefgh123456=' };
const REST_IDS = (errorType: string): [string, string][] => [
  ['Content-Type', 'application/json'],
  ['x-amzn-RequestId', IDS.requestId],
  ['x-amzn-ErrorType', errorType],
  ['x-amz-apigw-id', IDS.extendedRequestId],
];
const HTTP_IDS: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['apigw-requestid', IDS.requestId],
];

describe('gateway responses: exact status, headers and body (behaviour.md §0, §5, §14)', () => {
  it.each<[string, GatewayFailure, number, [string, string][], string]>([
    [
      'unknown stage: 403 Forbidden ForbiddenException',
      'NO_STAGE',
      403,
      REST_IDS('ForbiddenException'),
      '{"message":"Forbidden"}',
    ],
    [
      'no route: 403 MISSING_AUTHENTICATION_TOKEN MissingAuthenticationTokenException',
      'NO_ROUTE',
      403,
      REST_IDS('MissingAuthenticationTokenException'),
      '{"message":"Missing Authentication Token"}',
    ],
    [
      'INVALID_API_KEY: 403 Forbidden ForbiddenException',
      'INVALID_API_KEY',
      403,
      REST_IDS('ForbiddenException'),
      '{"message":"Forbidden"}',
    ],
    [
      'QUOTA_EXCEEDED: 429 Limit Exceeded LimitExceededException',
      'QUOTA_EXCEEDED',
      429,
      REST_IDS('LimitExceededException'),
      '{"message":"Limit Exceeded"}',
    ],
    [
      'THROTTLED: 429 Too Many Requests TooManyRequestsException',
      'THROTTLED',
      429,
      REST_IDS('TooManyRequestsException'),
      '{"message":"Too Many Requests"}',
    ],
    [
      'INTEGRATION_TIMEOUT: 504 with a space after the colon, InternalServerErrorException',
      'INTEGRATION_TIMEOUT',
      504,
      REST_IDS('InternalServerErrorException'),
      '{"message": "Endpoint request timed out"}',
    ],
    [
      'Lambda failure: 502 Internal server error (36 bytes) InternalServerErrorException',
      'LAMBDA_FAILURE',
      502,
      REST_IDS('InternalServerErrorException'),
      '{"message": "Internal server error"}',
    ],
    [
      'configuration error: 500 Internal server error',
      'CONFIGURATION_ERROR',
      500,
      REST_IDS('InternalServerErrorException'),
      '{"message": "Internal server error"}',
    ],
    [
      "body over 10 485 760 bytes: the front end's plain-text 413 without AWS ids",
      'REQUEST_TOO_LARGE',
      413,
      [['Content-Type', 'text; charset=utf-8']],
      'HTTP content length exceeded 10485760 bytes.',
    ],
    [
      'Lambda event over 6 MB: 413 {"message": "Request Too Long"} BadRequestException',
      'LAMBDA_REQUEST_TOO_LARGE',
      413,
      REST_IDS('BadRequestException'),
      '{"message": "Request Too Long"}',
    ],
    [
      'Lambda result over 6 291 556 bytes: 502 Internal server error',
      'LAMBDA_RESPONSE_TOO_LARGE',
      502,
      REST_IDS('InternalServerErrorException'),
      '{"message": "Internal server error"}',
    ],
  ])('REST %s', (_name, failure, status, headers, body) => {
    const response = gatewayResponse('REST', failure, IDS);
    expect({ status: response.statusCode, headers: response.headers, body: response.body }).toEqual({
      status,
      headers,
      body,
    });
  });

  it.each<[string, GatewayFailure, number, string]>([
    ['no stage: 404 Not Found', 'NO_STAGE', 404, '{"message":"Not Found"}'],
    ['no route: 404 Not Found', 'NO_ROUTE', 404, '{"message":"Not Found"}'],
    [
      'throttled: 429 Too Many Requests (UNCONFIRMED body)',
      'THROTTLED',
      429,
      '{"message":"Too Many Requests"}',
    ],
    [
      'integration timeout: 503 Service Unavailable (33 bytes)',
      'INTEGRATION_TIMEOUT',
      503,
      '{"message":"Service Unavailable"}',
    ],
    [
      'Lambda failure: 500 Internal Server Error',
      'LAMBDA_FAILURE',
      500,
      '{"message":"Internal Server Error"}',
    ],
    [
      'body over 10 MB: 413 Request Entity Too Large (UNCONFIRMED)',
      'REQUEST_TOO_LARGE',
      413,
      '{"message":"Request Entity Too Large"}',
    ],
    [
      'Lambda event over 6 MB: 413 (UNCONFIRMED)',
      'LAMBDA_REQUEST_TOO_LARGE',
      413,
      '{"message":"Request Entity Too Large"}',
    ],
    [
      'Lambda result over 6 MB: 500 Internal Server Error',
      'LAMBDA_RESPONSE_TOO_LARGE',
      500,
      '{"message":"Internal Server Error"}',
    ],
  ])('HTTP API %s, with apigw-requestid and no x-amzn-ErrorType', (_name, failure, status, body) => {
    const response = gatewayResponse('HTTP', failure, IDS);
    expect({ status: response.statusCode, headers: response.headers, body: response.body }).toEqual({
      status,
      headers: HTTP_IDS,
      body,
    });
  });
});

describe('gateway responses as the client receives them from createGateway', () => {
  const KEY = 'k'.repeat(20);
  const make = () =>
    createGateway({
      clock: createManualClock(),
      apiKeys: [{ id: 'key1', value: KEY }],
      usagePlans: [
        { id: 'p', apiStages: [{ stage: 'dev' }], quota: { limit: 1, period: 'DAY' }, keys: ['key1'] },
      ],
      routes: {
        'GET /ok': async () => ({ statusCode: 200, body: 'ok' }),
        'GET /boom': async () => {
          throw new Error('kaput');
        },
        'GET /keyed': {
          integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 200, body: 'k' }) },
          apiKeyRequired: true,
        },
        'GET /limited': {
          integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 200 }) },
          throttle: { rateLimit: 1, burstLimit: 1 },
        },
      },
    });

  it.each<[string, string, Record<string, string>, number, string | null, string]>([
    [
      'MISSING_AUTHENTICATION_TOKEN',
      '/dev/nowhere',
      {},
      403,
      'MissingAuthenticationTokenException',
      '{"message":"Missing Authentication Token"}',
    ],
    ['unknown stage', '/prod/ok', {}, 403, 'ForbiddenException', '{"message":"Forbidden"}'],
    ['INVALID_API_KEY', '/dev/keyed', {}, 403, 'ForbiddenException', '{"message":"Forbidden"}'],
    [
      'Lambda error',
      '/dev/boom',
      {},
      502,
      'InternalServerErrorException',
      '{"message": "Internal server error"}',
    ],
  ])(
    'REST %s carries exactly Content-Type, x-amzn-RequestId, x-amzn-ErrorType, x-amz-apigw-id',
    async (_n, path, headers, status, errorType, body) => {
      const { response, trace } = await make().handle(`${HOST}${path}`, { headers });
      expect(response.status).toBe(status);
      expect([...response.headers]).toEqual(
        [
          ['content-type', 'application/json'],
          ['x-amz-apigw-id', trace.extendedRequestId],
          ['x-amzn-errortype', errorType],
          ['x-amzn-requestid', trace.requestId],
        ].sort(),
      );
      expect(await response.text()).toBe(body);
    },
  );

  it('REST THROTTLED and QUOTA_EXCEEDED answer 429 with their own x-amzn-ErrorType', async () => {
    const gateway = make();
    await gateway.fetch(`${HOST}/dev/limited`);
    const throttled = await gateway.fetch(`${HOST}/dev/limited`);
    expect([throttled.status, throttled.headers.get('x-amzn-ErrorType'), await throttled.text()]).toEqual([
      429,
      'TooManyRequestsException',
      '{"message":"Too Many Requests"}',
    ]);
    await gateway.fetch(`${HOST}/dev/keyed`, { headers: { 'x-api-key': KEY } });
    const quota = await gateway.fetch(`${HOST}/dev/keyed`, { headers: { 'x-api-key': KEY } });
    expect([quota.status, quota.headers.get('x-amzn-ErrorType'), await quota.text()]).toEqual([
      429,
      'LimitExceededException',
      '{"message":"Limit Exceeded"}',
    ]);
  });

  it("a successful REST response carries x-amzn-RequestId, x-amz-apigw-id and X-Amzn-Trace-Id (the event's ids)", async () => {
    const { response, trace } = await make().handle(`${HOST}/dev/ok`);
    const event = trace.event as {
      requestContext: { requestId: string; extendedRequestId: string };
      headers: Record<string, string>;
    };
    expect(response.headers.get('x-amzn-RequestId')).toBe(event.requestContext.requestId);
    expect(response.headers.get('x-amz-apigw-id')).toBe(event.requestContext.extendedRequestId);
    expect(response.headers.get('X-Amzn-Trace-Id')).toBe(event.headers['X-Amzn-Trace-Id']);
    expect(response.headers.get('x-amzn-ErrorType')).toBeNull();
  });

  it('REST INTEGRATION_TIMEOUT: 504 {"message": "Endpoint request timed out"} InternalServerErrorException', async () => {
    const clock = createManualClock();
    const gateway = createGateway({
      clock,
      routes: {
        'GET /slow': {
          integration: { type: 'AWS_PROXY', handler: () => new Promise(() => {}), timeoutInMillis: 50 },
        },
      },
    });
    const pending = gateway.fetch(`${HOST}/dev/slow`);
    await clock.advanceAsync(50);
    const response = await pending;
    expect([response.status, response.headers.get('x-amzn-ErrorType'), await response.text()]).toEqual([
      504,
      'InternalServerErrorException',
      '{"message": "Endpoint request timed out"}',
    ]);
  });

  it.each([
    ['no route: 404', '/nowhere', 404, '{"message":"Not Found"}'],
    ['Lambda error: 500', '/boom', 500, '{"message":"Internal Server Error"}'],
  ])('HTTP API %s carries exactly Content-Type and apigw-requestid', async (_n, path, status, body) => {
    const gateway = createGateway({
      apiType: 'HTTP',
      routes: {
        'GET /boom': async () => {
          throw new Error('kaput');
        },
      },
    });
    const { response, trace } = await gateway.handle(`${HOST}${path}`);
    expect(response.status).toBe(status);
    expect([...response.headers]).toEqual([
      ['apigw-requestid', trace.requestId],
      ['content-type', 'application/json'],
    ]);
    expect(await response.text()).toBe(body);
  });
});
