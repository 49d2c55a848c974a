import { describe, expect, it } from 'vitest';
import { createGateway, enableCors, type HttpGatewayOptions } from '../../src/gateway/index.js';
import { HOST, wire } from './helpers.js';

const backend = async () => ({
  statusCode: 200,
  headers: {
    'content-type': 'application/json',
    'Access-Control-Allow-Origin': 'https://backend-says.example',
  },
  body: '{"ok":true}',
});
const httpApi = (extra: Partial<HttpGatewayOptions> = {}) =>
  createGateway({
    apiType: 'HTTP',
    corsConfiguration: {
      allowOrigins: ['https://app.example.com', 'http://*'],
      allowMethods: ['GET', 'post'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['X-Request-Id'],
      maxAge: 600,
      allowCredentials: true,
    },
    routes: { 'GET /pets': backend, 'POST /pets': backend },
    ...extra,
  });
const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: {
    Origin: origin,
    'Access-Control-Request-Method': 'POST',
    'Access-Control-Request-Headers': 'authorization',
  },
});

describe('HTTP API built-in CORS (behaviour.md §9.2)', () => {
  it('a preflight no route takes is answered by API Gateway: 204, no body, the configured headers', async () => {
    const { response, trace } = await httpApi().handle(`${HOST}/pets`, preflight('https://app.example.com'));
    const sent = await wire(response);
    expect(sent.status).toBe(204);
    expect(sent.body).toBe('');
    expect(sent.headers).toEqual({
      'apigw-requestid': expect.any(String),
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-max-age': '600',
      'access-control-allow-methods': 'GET,POST',
      'access-control-allow-headers': 'authorization,content-type',
    });
    expect(trace.steps.map((s) => s.decision)).toContain('cors-preflight');
  });

  it('a wildcard scheme origin (http://*) is allowed; an unlisted origin gets 204 without CORS headers', async () => {
    expect(
      (await httpApi().fetch(`${HOST}/pets`, preflight('http://localhost:5173'))).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('http://localhost:5173');
    const denied = await wire(await httpApi().fetch(`${HOST}/pets`, preflight('https://evil.example')));
    expect(denied.status).toBe(204);
    expect(Object.keys(denied.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('the preflight is answered before authorizers run', async () => {
    const api = httpApi({
      authorizers: {
        L: {
          type: 'REQUEST',
          authorizerPayloadFormatVersion: '2.0',
          enableSimpleResponses: true,
          identitySource: ['$request.header.Authorization'],
          handler: async () => ({ isAuthorized: false }),
        },
      },
      routes: { 'GET /pets': { authorizer: 'L', integration: { type: 'AWS_PROXY', handler: backend } } },
    });
    expect((await api.fetch(`${HOST}/pets`, preflight('https://app.example.com'))).status).toBe(204);
  });

  it('a $default route takes the preflight, authorizer included (the pitfall AWS documents)', async () => {
    const api = httpApi({
      authorizers: {
        L: {
          type: 'REQUEST',
          authorizerPayloadFormatVersion: '2.0',
          enableSimpleResponses: true,
          identitySource: ['$request.header.Authorization'],
          handler: async () => ({ isAuthorized: true }),
        },
      },
      routes: { $default: { authorizer: 'L', integration: { type: 'AWS_PROXY', handler: backend } } },
    });
    const response = await wire(await api.fetch(`${HOST}/pets`, preflight('https://app.example.com')));
    expect([response.status, response.body]).toEqual([401, '{"message":"Unauthorized"}']);
  });

  it("CORS headers replace the backend's on responses to requests with an allowed Origin", async () => {
    const response = await wire(
      await httpApi().fetch(`${HOST}/pets`, { headers: { Origin: 'https://app.example.com' } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-request-id',
    });
  });

  it("a disallowed Origin gets no CORS headers, and the backend's are dropped", async () => {
    const response = await wire(
      await httpApi().fetch(`${HOST}/pets`, { headers: { Origin: 'https://evil.example' } }),
    );
    expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('allowOrigins * answers * for any origin', async () => {
    const api = createGateway({
      apiType: 'HTTP',
      corsConfiguration: { allowOrigins: ['*'] },
      routes: { 'GET /pets': backend },
    });
    expect(
      (await api.fetch(`${HOST}/pets`, { headers: { Origin: 'https://x.example' } })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('*');
  });

  it.each([
    ['an origin with a path', { allowOrigins: ['https://app.example.com/path'] }],
    ['credentials for every origin', { allowOrigins: ['*'], allowCredentials: true }],
    ['maxAge above 86400', { maxAge: 86_401 }],
    ['an unknown method', { allowMethods: ['FETCH'] }],
  ])('%s is refused with GATEWAY_INVALID_CORS', (_name, corsConfiguration) => {
    expect(() => createGateway({ apiType: 'HTTP', corsConfiguration, routes: {} })).toThrow(
      expect.objectContaining({ code: 'GATEWAY_INVALID_CORS' }),
    );
  });

  it('corsConfiguration on a REST API is GATEWAY_HTTP_ONLY', () => {
    expect(() => createGateway({ corsConfiguration: { allowOrigins: ['*'] }, routes: {} })).toThrow(
      expect.objectContaining({ code: 'GATEWAY_HTTP_ONLY' }),
    );
  });
});

describe('REST "Enable CORS" (behaviour.md §9.1)', () => {
  const health = {
    methodResponses: { '200': {} },
    integration: {
      type: 'MOCK' as const,
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"up":true}' } }],
    },
  };

  it("adds the console's OPTIONS MOCK: 200, empty body, the Access-Control-Allow-* headers as configured", async () => {
    const gateway = createGateway({ routes: enableCors({ 'GET /pets': backend, 'POST /pets': backend }) });
    const response = await wire(await gateway.fetch(`${HOST}/dev/pets`, { method: 'OPTIONS' }));
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    expect(response.headers).toMatchObject({
      'access-control-allow-headers': 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token',
      'access-control-allow-methods': 'GET,OPTIONS,POST',
      'access-control-allow-origin': '*',
    });
  });

  it('adds Access-Control-Allow-Origin to the 200 response of MOCK methods; proxy methods stay as they are', async () => {
    const gateway = createGateway({
      routes: enableCors(
        { 'GET /health': health, 'GET /pets': async () => ({ statusCode: 200, body: '[]' }) },
        { allowOrigin: 'https://app.example.com' },
      ),
    });
    const mock = await gateway.fetch(`${HOST}/dev/health`);
    expect([mock.status, mock.headers.get('access-control-allow-origin'), await mock.text()]).toEqual([
      200,
      'https://app.example.com',
      '{"up":true}',
    ]);
    expect((await gateway.fetch(`${HOST}/dev/pets`)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('non-proxy AWS and HTTP methods get Access-Control-Allow-Origin on their 200 response too (not only MOCK)', async () => {
    const gateway = createGateway({
      services: { dynamodb: { PutItem: () => ({ statusCode: 200, body: {} }) } },
      routes: enableCors(
        {
          'POST /pets': {
            methodResponses: { '200': {} },
            integration: {
              type: 'AWS',
              uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem',
              httpMethod: 'POST',
              credentials: 'arn:aws:iam::123456789012:role/apigw',
              requestTemplates: { 'application/json': '{"TableName": "pets"}' },
              integrationResponses: [
                { statusCode: '200', responseTemplates: { 'application/json': '{"stored":true}' } },
              ],
            },
          },
        },
        { allowOrigin: 'https://app.example.com' },
      ),
    });
    const response = await gateway.fetch(`${HOST}/dev/pets`, { method: 'POST', body: '{}' });
    expect([
      response.status,
      response.headers.get('access-control-allow-origin'),
      await response.text(),
    ]).toEqual([200, 'https://app.example.com', '{"stored":true}']);
  });

  it('a 403 for a missing route has no CORS headers unless configured (as on AWS)', async () => {
    const gateway = createGateway({ routes: enableCors({ 'GET /pets': backend }) });
    const response = await wire(
      await gateway.fetch(`${HOST}/dev/nope`, { headers: { Origin: 'https://app.example.com' } }),
    );
    expect(response.status).toBe(403);
    expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

describe('REST "Enable CORS" on gateway responses (the console\'s Default 4XX / Default 5XX boxes)', () => {
  const failing = async () => {
    throw new Error('boom');
  };
  const allow = async (event: { methodArn: string }) => ({
    principalId: 'u',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: event.methodArn }],
    },
  });
  const cors = (headers: Record<string, string>) =>
    Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('access-control-')));
  const CONSOLE = {
    'access-control-allow-headers': 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token',
    'access-control-allow-methods': 'GET,OPTIONS,POST',
    'access-control-allow-origin': '*',
  };

  it('gatewayResponses: true maps the Access-Control-Allow-* headers on DEFAULT_4XX and DEFAULT_5XX: a missing route (403) and a Lambda failure (502) carry them', async () => {
    const options = enableCors(
      { routes: { 'GET /pets': backend, 'POST /pets': failing } },
      { gatewayResponses: true },
    );
    expect(options.gatewayResponses).toEqual({
      DEFAULT_4XX: {
        responseParameters: {
          'gatewayresponse.header.Access-Control-Allow-Headers':
            "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'",
          'gatewayresponse.header.Access-Control-Allow-Methods': "'GET,OPTIONS,POST'",
          'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
        },
      },
      DEFAULT_5XX: { responseParameters: options.gatewayResponses!.DEFAULT_4XX!.responseParameters },
    });
    const gateway = createGateway(options);
    const missing = await wire(await gateway.fetch(`${HOST}/dev/nope`));
    expect([missing.status, missing.body, cors(missing.headers)]).toEqual([
      403,
      '{"message":"Missing Authentication Token"}',
      CONSOLE,
    ]);
    expect(missing.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    const failed = await wire(await gateway.fetch(`${HOST}/dev/pets`, { method: 'POST' }));
    expect([failed.status, failed.body, cors(failed.headers)]).toEqual([
      502,
      '{"message": "Internal server error"}',
      CONSOLE,
    ]);
  });

  it('a list names the response types: only an UNAUTHORIZED 401 gets the headers, the 403 for a missing route none', async () => {
    const gateway = createGateway(
      enableCors(
        {
          authorizers: { Token: { type: 'TOKEN', handler: allow } },
          routes: {
            'GET /pets': { authorizer: 'Token', integration: { type: 'AWS_PROXY', handler: backend } },
          },
        },
        { allowOrigin: 'https://app.example.com', gatewayResponses: ['UNAUTHORIZED'] },
      ),
    );
    const unauthorized = await wire(await gateway.fetch(`${HOST}/dev/pets`));
    expect([unauthorized.status, cors(unauthorized.headers)['access-control-allow-origin']]).toEqual([
      401,
      'https://app.example.com',
    ]);
    expect(cors((await wire(await gateway.fetch(`${HOST}/dev/nope`))).headers)).toEqual({});
  });

  it('an existing customisation keeps its status and template; a customised type no longer falls back to DEFAULT_4XX (as on AWS)', async () => {
    const gateway = createGateway(
      enableCors(
        {
          gatewayResponses: {
            DEFAULT_4XX: {
              statusCode: 404,
              responseTemplates: { 'application/json': '{"error":"$context.error.responseType"}' },
            },
            UNAUTHORIZED: { responseParameters: { 'gatewayresponse.header.X-Reason': "'login'" } },
          },
          authorizers: { Token: { type: 'TOKEN', handler: allow } },
          routes: {
            'GET /pets': { authorizer: 'Token', integration: { type: 'AWS_PROXY', handler: backend } },
          },
        },
        { gatewayResponses: true },
      ),
    );
    const missing = await wire(await gateway.fetch(`${HOST}/dev/nope`));
    expect([missing.status, missing.body, cors(missing.headers)['access-control-allow-origin']]).toEqual([
      404,
      '{"error":"MISSING_AUTHENTICATION_TOKEN"}',
      '*',
    ]);
    const unauthorized = await wire(await gateway.fetch(`${HOST}/dev/pets`));
    expect([unauthorized.status, unauthorized.headers['x-reason'], cors(unauthorized.headers)]).toEqual([
      401,
      'login',
      {},
    ]);
  });

  it.each([
    [
      'the routes alone with gatewayResponses',
      () => enableCors({ 'GET /pets': backend }, { gatewayResponses: true }),
    ],
    [
      'an unknown response type',
      () => enableCors({ routes: { 'GET /pets': backend } }, { gatewayResponses: ['DEFAULT_3XX' as never] }),
    ],
    ['an empty list', () => enableCors({ routes: { 'GET /pets': backend } }, { gatewayResponses: [] })],
    [
      'an HTTP API',
      () => enableCors({ apiType: 'HTTP', routes: { 'GET /pets': backend } }, { gatewayResponses: true }),
    ],
  ])('refuses %s (GATEWAY_INVALID_CORS)', (_case, call) => {
    expect(call).toThrow(expect.objectContaining({ code: 'GATEWAY_INVALID_CORS' }));
  });
});
