import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway, type LambdaHandler } from '../../src/gateway/index.js';
import { HOST, named, wire } from './helpers.js';

/** A handler answering with the method and path it received (REST payload 1.0). */
const methodEcho: LambdaHandler = async (event: APIGatewayProxyEvent) => ({
  statusCode: 200,
  body: `${event.httpMethod} ${event.path} ${JSON.stringify(event.pathParameters)}`,
});

describe('REST routing, every behaviour.md §11.1 example', () => {
  const rest = createGateway({
    clock: createManualClock(),
    routes: {
      'GET /pets': named('pets-get'),
      'ANY /any': methodEcho,
      'HEAD /head': named('head-explicit'),
      'POST /ov': methodEcho,
      'ANY /p/{proxy+}': methodEcho,
    },
  });
  const catchAll = createGateway({ clock: createManualClock(), routes: { 'ANY /{proxy+}': methodEcho } });

  it('HEAD is not served by a GET method: HEAD /pets with only GET /pets is 403 Missing Authentication Token, no body', async () => {
    const response = await rest.fetch(`${HOST}/dev/pets`, { method: 'HEAD' });
    expect(response).toHaveStatusCode(403);
    expect(response).toHaveHeader('x-amzn-ErrorType', 'MissingAuthenticationTokenException');
    expect(response).toHaveHeader('Content-Type', 'application/json');
    expect(await response.text()).toBe('');
  });

  it('HEAD reaches ANY (the handler sees httpMethod HEAD) and the client gets the status and headers without a body', async () => {
    const { response, trace } = await rest.handle(`${HOST}/dev/any`, { method: 'HEAD' });
    expect(response).toHaveStatusCode(200);
    expect(response).toHaveHeader('Content-Type', 'application/json');
    expect(response).toHaveHeader('x-amzn-RequestId', trace.requestId);
    expect(await response.text()).toBe('');
    expect(trace.proxyResult?.response.body).toBe('HEAD /any null');
  });

  it('an explicit HEAD method serves HEAD', async () => {
    const { response, trace } = await rest.handle(`${HOST}/dev/head`, { method: 'HEAD' });
    expect(response).toHaveStatusCode(200);
    expect(trace.route?.routeKey).toBe('HEAD /head');
  });

  it('paths are case-sensitive: GET /Pets does not match GET /pets (403 Missing Authentication Token)', async () => {
    const response = await rest.fetch(`${HOST}/dev/Pets`);
    expect(response).toHaveStatusCode(403);
    expect(await response.text()).toBe('{"message":"Missing Authentication Token"}');
  });

  it('the stage name is case-sensitive: /DEV/pets is 403 {"message":"Forbidden"}', async () => {
    const response = await rest.fetch(`${HOST}/DEV/pets`);
    expect(response).toHaveStatusCode(403);
    expect(response).toHaveHeader('x-amzn-ErrorType', 'ForbiddenException');
    expect(await response.text()).toBe('{"message":"Forbidden"}');
  });

  it('X-HTTP-Method-Override turns GET into POST for routing and the event', async () => {
    const response = await rest.fetch(`${HOST}/dev/ov`, { headers: { 'X-HTTP-Method-Override': 'POST' } });
    expect(response).toHaveStatusCode(200);
    expect(await response.text()).toBe('POST /ov null');
  });

  it('{proxy+} does not match /: GET /dev/ with only ANY /{proxy+} is 403 Missing Authentication Token', async () => {
    const response = await catchAll.fetch(`${HOST}/dev/`);
    expect(response).toHaveStatusCode(403);
    expect(await response.text()).toBe('{"message":"Missing Authentication Token"}');
  });

  it('a trailing slash is ignored for matching: /proxy-value/ matches /{proxy+}; path keeps it, proxy drops it', async () => {
    const response = await catchAll.fetch(`${HOST}/dev/proxy-value/`);
    expect(response).toHaveStatusCode(200);
    expect(await response.text()).toBe('GET /proxy-value/ {"proxy":"proxy-value"}');
  });

  it('{proxy+} captures every remaining segment, percent-encoding kept', async () => {
    const response = await rest.fetch(`${HOST}/dev/p/a/b%2Fc/d`, { method: 'DELETE' });
    expect(await response.text()).toBe('DELETE /p/a/b%2Fc/d {"proxy":"a/b%2Fc/d"}');
  });

  it.each(['FOO', 'TRACE', 'CONNECT'])(
    'a method outside the seven API Gateway routes (%s) matches nothing, not even ANY: 403 Missing Authentication Token',
    async (method) => {
      const response = await catchAll.fetch(`${HOST}/dev/x`, { method });
      expect(response).toHaveStatusCode(403);
      expect(response).toHaveHeader('x-amzn-ErrorType', 'MissingAuthenticationTokenException');
      expect(await response.text()).toBe('{"message":"Missing Authentication Token"}');
    },
  );
});

describe('HTTP API routing, every behaviour.md §11.2 example', () => {
  const http = createGateway({
    apiType: 'HTTP',
    clock: createManualClock(),
    routes: {
      'GET /pets': named('pets'),
      'GET /pets/dog/{id}': named('dog-id'),
      'GET /pets/dog/1': named('dog-1'),
      'GET /pets/{proxy+}': named('pets-greedy'),
      'ANY /{proxy+}': named('any-greedy'),
      'ANY /x': named('any-x'),
      'GET /x': named('get-x'),
    },
  });

  it.each([
    ['GET', '/pets/dog/1', 'dog-1', 'more static segments first: GET /pets/dog/1 over GET /pets/dog/{id}'],
    ['GET', '/pets/dog/2', 'dog-id', 'a full {var} match beats every greedy route'],
    [
      'GET',
      '/pets/a/b',
      'pets-greedy',
      'greedy routes by longest prefix: GET /pets/{proxy+} before ANY /{proxy+}',
    ],
    ['POST', '/pets/a/b', 'any-greedy', 'a greedy route of another method does not match'],
    ['GET', '/x', 'get-x', 'an explicit method beats ANY on the same path'],
    ['HEAD', '/x', 'any-x', 'ANY matches the methods not defined explicitly (HEAD)'],
    ['GET', '/PETS', 'any-greedy', 'paths are case-sensitive (UNCONFIRMED): /PETS is not /pets'],
    [
      'GET',
      '/pets/',
      'any-greedy',
      'a trailing slash is a different path (UNCONFIRMED): /pets/ is not /pets',
    ],
  ])('%s %s goes to %s: %s', async (method, path, expected) => {
    const response = await http.fetch(`${HOST}${path}`, { method });
    expect(response).toHaveStatusCode(200);
    expect(await response.text()).toBe(method === 'HEAD' ? '' : expected);
    if (method === 'HEAD') {
      const { trace } = await http.handle(`${HOST}${path}`, { method });
      expect(trace.route?.routeKey).toBe('ANY /x');
    }
  });

  it('HEAD is not served by GET: HEAD /only with only GET /only is 404 {"message":"Not Found"}', async () => {
    const api = createGateway({ apiType: 'HTTP', routes: { 'GET /only': named('only') } });
    const { response, trace } = await api.handle(`${HOST}/only`, { method: 'HEAD' });
    expect(response).toHaveStatusCode(404);
    expect(trace.gatewayResponse?.message).toBe('Not Found');
    expect(await response.text()).toBe('');
  });

  it('$default receives the full path and routeKey $default', async () => {
    let seen: APIGatewayProxyEventV2 | undefined;
    const api = createGateway({
      apiType: 'HTTP',
      routes: {
        $default: async (event: APIGatewayProxyEventV2) => {
          seen = event;
          return { statusCode: 204 };
        },
      },
    });
    const response = await api.fetch(`${HOST}/a/b/c?x=1`, { method: 'PATCH' });
    expect(response).toHaveStatusCode(204);
    expect(seen?.rawPath).toBe('/a/b/c');
    expect(seen?.routeKey).toBe('$default');
    expect(seen?.requestContext.http.method).toBe('PATCH');
  });

  it('HTTP APIs ignore X-HTTP-Method-Override (a REST feature): GET with override POST on POST /x is 404', async () => {
    const api = createGateway({ apiType: 'HTTP', routes: { 'POST /x': named('post') } });
    const response = await api.fetch(`${HOST}/x`, { headers: { 'X-HTTP-Method-Override': 'POST' } });
    expect(response).toHaveStatusCode(404);
    await expect(response).toHaveJsonBody({ message: 'Not Found' });
  });

  it('a method outside the seven routable methods matches neither ANY nor $default: 404 {"message":"Not Found"}', async () => {
    const api = createGateway({ apiType: 'HTTP', routes: { $default: named('default') } });
    const response = await api.fetch(`${HOST}/x`, { method: 'FOO' });
    expect(response).toHaveStatusCode(404);
    await expect(response).toHaveJsonBody({ message: 'Not Found' });
  });
});

describe('REST versus HTTP API errors side by side (behaviour.md §0, §5)', () => {
  const boom = async () => {
    throw new Error('boom');
  };
  const malformed = async () => ({ statusCode: 200, wrongValue: 'value' });
  it.each([
    [
      'unknown route',
      'REST',
      '/dev/nope',
      403,
      '{"message":"Missing Authentication Token"}',
      'MissingAuthenticationTokenException',
    ],
    ['unknown stage', 'REST', '/prod/ok', 403, '{"message":"Forbidden"}', 'ForbiddenException'],
    [
      'function error',
      'REST',
      '/dev/boom',
      502,
      '{"message": "Internal server error"}',
      'InternalServerErrorException',
    ],
    [
      'malformed result',
      'REST',
      '/dev/bad',
      502,
      '{"message": "Internal server error"}',
      'InternalServerErrorException',
    ],
    ['unknown route', 'HTTP', '/nope', 404, '{"message":"Not Found"}', undefined],
    ['unknown stage', 'HTTP', '/prod/ok', 404, '{"message":"Not Found"}', undefined],
    ['function error', 'HTTP', '/boom', 500, '{"message":"Internal Server Error"}', undefined],
    ['malformed result (payload 1.0)', 'HTTP', '/bad', 500, '{"message":"Internal Server Error"}', undefined],
  ] as const)('%s on %s: %s → %i %s', async (_case, apiType, path, status, body, errorType) => {
    const api = createGateway({
      apiType,
      clock: createManualClock(),
      routes: {
        'GET /ok': named('ok'),
        'GET /boom': boom,
        'GET /bad': {
          integration: {
            type: 'AWS_PROXY',
            handler: malformed,
            ...(apiType === 'HTTP' ? { payloadFormatVersion: '1.0' as const } : {}),
          },
        },
      },
    });
    const w = await wire(await api.fetch(`${HOST}${path}`));
    expect(w.status).toBe(status);
    expect(w.body).toBe(body);
    expect(w.headers['content-type']).toBe('application/json');
    expect(w.headers['x-amzn-errortype']).toBe(errorType);
    if (apiType === 'HTTP') expect(w.headers['apigw-requestid']).toMatch(/^[A-Za-z0-9]{15}=$/);
    else
      expect(Object.keys(w.headers).sort()).toEqual([
        'content-type',
        'x-amz-apigw-id',
        'x-amzn-errortype',
        'x-amzn-requestid',
      ]);
  });

  it('a successful REST response carries exactly Content-Type (default application/json), x-amzn-RequestId, x-amz-apigw-id and X-Amzn-Trace-Id', async () => {
    const api = createGateway({
      clock: createManualClock(),
      routes: { 'GET /ok': async () => ({ statusCode: 200, body: 'ok' }) },
    });
    const { response, trace } = await api.handle(`${HOST}/dev/ok`);
    const w = await wire(response);
    expect(w.headers).toEqual({
      'content-type': 'application/json',
      'x-amzn-requestid': trace.requestId,
      'x-amz-apigw-id': trace.extendedRequestId,
      'x-amzn-trace-id': expect.stringMatching(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/),
    });
  });
});
