import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { HOST, named, wire } from './helpers.js';

const gateway = createGateway({
  apiType: 'HTTP',
  routes: {
    'GET /pets/dog/1': named('dog-1'),
    'GET /pets/dog/{id}': named('dog-id'),
    'GET /pets/{proxy+}': named('pets-greedy'),
    'ANY /{proxy+}': named('any-greedy'),
    'GET /things/{id}': named('things-get'),
    'ANY /things/{id}': named('things-any'),
    $default: named('default'),
  },
});

describe('HTTP API routing (behaviour.md §11.2)', () => {
  it.each([
    ['GET', '/pets/dog/1', 'dog-1'],
    ['GET', '/pets/dog/2', 'dog-id'],
    ['GET', '/pets/cat/2', 'pets-greedy'],
    ['POST', '/pets/cat/2', 'any-greedy'],
    ['GET', '/things/1', 'things-get'],
    ['DELETE', '/things/1', 'things-any'],
    ['GET', '/', 'default'],
  ])(
    '%s %s goes to %s (static > {var} > longest {proxy+} > $default; explicit method > ANY)',
    async (method, path, expected) => {
      const response = await gateway.fetch(`${HOST}${path}`, { method });
      expect(await response.text()).toBe(expected);
    },
  );

  it.each(['//', '///'])(
    'a path of slashes only (%s) is the root: ANY / answers, never {proxy+} (as REST collapses them; UNCONFIRMED for HTTP APIs)',
    async (path) => {
      let seen: APIGatewayProxyEventV2 | undefined;
      const api = createGateway({
        apiType: 'HTTP',
        routes: {
          'ANY /{proxy+}': named('greedy'),
          'ANY /': async (event: APIGatewayProxyEventV2) => {
            seen = event;
            return { statusCode: 200, body: 'root' };
          },
        },
      });
      const w = await wire(await api.fetch(`${HOST}${path}`));
      expect(w.status).toBe(200);
      expect(w.body).toBe('root');
      expect(seen?.routeKey).toBe('ANY /');
      expect(seen?.rawPath).toBe(path);
      expect(seen?.pathParameters).toBeUndefined();
    },
  );

  it('answers no match with 404 {"message":"Not Found"} and apigw-requestid', async () => {
    const small = createGateway({ apiType: 'HTTP', routes: { 'GET /pets': named('pets') } });
    const w = await wire(await small.fetch(`${HOST}/owners`));
    expect(w).toEqual({
      status: 404,
      headers: { 'content-type': 'application/json', 'apigw-requestid': expect.stringMatching(/=$/) },
      body: '{"message":"Not Found"}',
    });
  });

  it('a named stage prefixes the path; another prefix is 404', async () => {
    const staged = createGateway({
      apiType: 'HTTP',
      stage: { name: 'prod' },
      routes: { 'GET /pets': named('pets') },
    });
    expect(await (await staged.fetch(`${HOST}/prod/pets`)).text()).toBe('pets');
    expect((await staged.fetch(`${HOST}/pets`)).status).toBe(404);
  });

  it('sends a payload 2.0 event with routeKey, rawPath and decoded path parameters', async () => {
    let seen: APIGatewayProxyEventV2 | undefined;
    const api = createGateway({
      apiType: 'HTTP',
      stage: { name: 'prod' },
      routes: {
        'GET /pets/{id}': async (event: APIGatewayProxyEventV2) => {
          seen = event;
          return 'hello';
        },
      },
    });
    const response = await api.fetch(`${HOST}/prod/pets/7?x=1`, { headers: { Cookie: 'a=1; b=2' } });
    expect(response).toHaveStatusCode(200);
    expect(await response.text()).toBe('hello');
    expect(seen).toMatchObject({
      version: '2.0',
      routeKey: 'GET /pets/{id}',
      rawPath: '/prod/pets/7',
      rawQueryString: 'x=1',
      cookies: ['a=1', 'b=2'],
      pathParameters: { id: '7' },
      requestContext: { stage: 'prod', http: { method: 'GET', path: '/prod/pets/7' } },
    });
  });

  it('answers a throwing handler with 500 {"message":"Internal Server Error"}', async () => {
    const api = createGateway({
      apiType: 'HTTP',
      routes: {
        'GET /x': async () => {
          throw new Error('x');
        },
      },
    });
    const w = await wire(await api.fetch(`${HOST}/x`));
    expect(w.status).toBe(500);
    expect(w.body).toBe('{"message":"Internal Server Error"}');
  });

  it('payload 1.0 on an HTTP API sends version "1.0" with lowercase headers', async () => {
    let seen: Record<string, unknown> | undefined;
    const api = createGateway({
      apiType: 'HTTP',
      routes: {
        'GET /x': {
          integration: {
            type: 'AWS_PROXY',
            payloadFormatVersion: '1.0',
            handler: async (event: unknown) => {
              seen = event as Record<string, unknown>;
              return { statusCode: 200 };
            },
          },
        },
      },
    });
    expect((await api.fetch(`${HOST}/x`, { headers: { 'X-Test': '1' } })).status).toBe(200);
    expect(seen).toMatchObject({ version: '1.0', resource: '/x', headers: { 'x-test': '1' } });
  });
});
