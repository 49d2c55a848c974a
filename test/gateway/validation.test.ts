import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway, type GatewayOptions } from '../../src/gateway/index.js';
import { HOST, wire } from './helpers.js';

const ok = async () => ({ statusCode: 200, body: 'passed' });

function gateway(extra: Partial<GatewayOptions> & { route?: Record<string, unknown> } = {}) {
  const { route, ...options } = extra;
  return createGateway({
    clock: createManualClock(),
    models: {
      Customer: {
        schema: {
          type: 'object',
          required: ['email', 'name'],
          properties: {
            email: { type: 'string', minLength: 3 },
            name: { type: 'string' },
            age: { type: 'integer', minimum: 0, maximum: 150 },
            tier: { enum: ['gold', 'silver'] },
            code: { type: 'string', pattern: '^[A-Z]+$' },
            tags: { type: 'array', maxItems: 2, uniqueItems: true },
          },
          additionalProperties: false,
        },
      },
    },
    requestValidators: {
      all: { validateRequestBody: true, validateRequestParameters: true },
      body: { validateRequestBody: true },
      params: { validateRequestParameters: true },
    },
    routes: {
      'POST /customers/{id}': {
        integration: { type: 'AWS_PROXY', handler: ok },
        requestValidator: 'all',
        requestParameters: {
          'method.request.querystring.q1': true,
          'method.request.header.x-b': true,
          'method.request.header.x-a': true,
          'method.request.path.id': true,
          'method.request.querystring.optional': false,
        },
        requestModels: { 'application/json': 'Customer' },
        ...route,
      },
    },
    ...options,
  });
}

const post = (g: ReturnType<typeof gateway>, init: RequestInit, path = '/customers/7?q1=x') =>
  g.handle(`${HOST}/dev${path}`, { method: 'POST', ...init });
const goodHeaders = { 'x-a': '1', 'x-b': '2', 'Content-Type': 'application/json' };
const goodBody = '{"email": "ana@example.com", "name": "Ana"}';

describe('request validation (behaviour.md §10)', () => {
  it('lists every missing parameter, sorted by full key (header < path < querystring), 400 BadRequestException', async () => {
    const { response, trace } = await post(gateway(), { body: goodBody }, '/customers/7');
    expect(await wire(response)).toMatchObject({
      status: 400,
      body: '{"message":"Missing required request parameters: [x-a, x-b, q1]"}',
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'BadRequestException' },
    });
    expect(trace.gatewayResponse?.responseType).toBe('BAD_REQUEST_PARAMETERS');
  });

  it('a blank parameter counts as missing (?q1=)', async () => {
    const { response } = await post(gateway(), { headers: goodHeaders, body: goodBody }, '/customers/7?q1=');
    expect(await response.text()).toBe('{"message":"Missing required request parameters: [q1]"}');
  });

  it('parameters are checked before the body: a bad body with missing parameters gets only the parameter message', async () => {
    const { response } = await post(gateway(), { body: '{"nope": 1}' }, '/customers/7?q1=x');
    expect(await response.text()).toBe('{"message":"Missing required request parameters: [x-a, x-b]"}');
  });

  it('an invalid body is 400 {"message":"Invalid request body"}; the handler is not called', async () => {
    const { response, trace } = await post(gateway(), {
      headers: goodHeaders,
      body: '{"email": "ana@example.com"}',
    });
    expect(await wire(response)).toMatchObject({ status: 400, body: '{"message":"Invalid request body"}' });
    expect(trace.invocation).toBeUndefined();
  });

  it('a valid request reaches the integration', async () => {
    const { response } = await post(gateway(), { headers: goodHeaders, body: goodBody });
    expect(await wire(response)).toMatchObject({ status: 200, body: 'passed' });
  });

  it('a request without a body is validated as {} and fails a model with required properties', async () => {
    const { response } = await post(gateway(), { headers: { 'x-a': '1', 'x-b': '2' } });
    expect(response.status).toBe(400);
  });

  it('a body-only validator ignores missing parameters; a parameters-only validator ignores the body', async () => {
    expect(
      (await post(gateway({ route: { requestValidator: 'body' } }), { body: goodBody }, '/customers/7'))
        .response.status,
    ).toBe(200);
    expect(
      (await post(gateway({ route: { requestValidator: 'params' } }), { headers: goodHeaders, body: '{}' }))
        .response.status,
    ).toBe(200);
  });

  it('without a requestValidator nothing is validated', async () => {
    const g = gateway({ route: { requestValidator: undefined } });
    expect((await post(g, { body: 'not json' }, '/customers/7')).response.status).toBe(200);
  });

  it.each([
    ['{"name": "Ana"}', '[object has missing required properties ([\\"email\\"])]'],
    ['{}', '[object has missing required properties ([\\"email\\",\\"name\\"])]'],
    ['{"email": "a", "name": "A"}', '[string \\"a\\" is too short (length: 1, required minimum: 3)]'],
    [
      '{"email": "ana@x", "name": "A", "age": 2.5}',
      '[instance type (number) does not match any allowed primitive type (allowed: [\\"integer\\"])]',
    ],
    [
      '{"email": "ana@x", "name": "A", "age": 200}',
      '[numeric instance is greater than the required maximum (maximum: 150, found: 200)]',
    ],
    [
      '{"email": "ana@x", "name": "A", "tier": "bronze"}',
      '[instance value (\\"bronze\\") not found in enum (possible values: [\\"gold\\",\\"silver\\"])]',
    ],
    [
      '{"email": "ana@x", "name": "A", "code": "ab"}',
      '[ECMA 262 regex \\"^[A-Z]+$\\" does not match input string \\"ab\\"]',
    ],
    [
      '{"email": "ana@x", "name": "A", "extra": 1}',
      '[object instance has properties which are not allowed by the schema: [\\"extra\\"]]',
    ],
    [
      '{"email": "ana@x", "name": "A", "tags": [1, 2, 3]}',
      '[array is too long: must have at most 2 elements but instance has 3 elements]',
    ],
    ['{"email": "ana@x", "name": "A", "tags": [1, 1]}', '[array must not contain duplicate elements]'],
  ])('validationErrorString of %s is %s (json-schema-validator wording)', async (body, expected) => {
    const g = gateway({
      gatewayResponses: {
        BAD_REQUEST_BODY: {
          responseTemplates: { 'application/json': '$context.error.validationErrorString' },
        },
      },
    });
    const { response } = await post(g, { headers: goodHeaders, body });
    expect(await response.text()).toBe(expected);
  });

  it('models reference each other by their AWS model URL', async () => {
    const g = createGateway({
      apiId: 'api1234567',
      models: {
        Address: { schema: { type: 'object', required: ['city'] } },
        Person: {
          schema: JSON.stringify({
            type: 'object',
            properties: {
              home: { $ref: 'https://apigateway.amazonaws.com/restapis/api1234567/models/Address' },
            },
          }),
        },
      },
      requestValidators: { body: { validateRequestBody: true } },
      routes: {
        'POST /p': {
          integration: { type: 'AWS_PROXY', handler: ok },
          requestValidator: 'body',
          requestModels: { 'application/json': 'Person' },
        },
      },
    });
    expect((await g.fetch(`${HOST}/dev/p`, { method: 'POST', body: '{"home": {}}' })).status).toBe(400);
    expect(
      (await g.fetch(`${HOST}/dev/p`, { method: 'POST', body: '{"home": {"city": "Oslo"}}' })).status,
    ).toBe(200);
  });

  it.each([
    [
      'a model that is not draft-4 JSON Schema',
      { models: { Bad: { schema: { type: 'objekt' } } } },
      'GATEWAY_INVALID_MODEL',
    ],
    ['a model schema that is not JSON', { models: { Bad: { schema: '{nope' } } }, 'GATEWAY_INVALID_MODEL'],
    ['a model name with a dash', { models: { 'my-model': { schema: {} } } }, 'GATEWAY_INVALID_MODEL'],
    [
      'a $ref to a model that does not exist',
      {
        models: {
          A: { schema: { $ref: 'https://apigateway.amazonaws.com/restapis/abcd1234ef/models/Nope' } },
        },
      },
      'GATEWAY_INVALID_MODEL',
    ],
  ])('refuses %s at createGateway', (_name, options, code) => {
    expect(() => createGateway({ ...(options as object), routes: {} })).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it.each([
    ['an unknown validator', { requestValidator: 'nope' }],
    ['an unknown model', { requestModels: { 'application/json': 'Nope' } }],
    [
      'a path parameter the resource does not have',
      { requestParameters: { 'method.request.path.other': true } },
    ],
    ['a malformed requestParameters key', { requestParameters: { 'method.request.body.x': true } }],
  ])('refuses %s on a route, naming the route', (_name, route) => {
    expect(() => gateway({ route })).toThrow(
      expect.objectContaining({
        code: 'GATEWAY_INVALID_METHOD_REQUEST',
        message: expect.stringContaining('routes["POST /customers/{id}"]'),
      }),
    );
  });

  it('the built-in Empty model accepts any object', async () => {
    const g = gateway({
      route: { requestModels: { 'application/json': 'Empty' }, requestValidator: 'body' },
    });
    expect((await post(g, { body: '{"anything": true}' })).response.status).toBe(200);
    expect((await post(g, { body: '[1]' })).response.status).toBe(400);
  });
});
