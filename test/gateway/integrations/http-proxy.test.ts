import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock/index.js';
import { createGateway } from '../../../src/gateway/index.js';
import { HOST, wire } from '../helpers.js';
import { echoReply, startBackend } from './servers.js';

describe('HTTP_PROXY against a real loopback server (behaviour.md §0, §3.1)', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let silent: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    backend = await startBackend((seen, res) => {
      if (seen.path === '/reserved') {
        res.writeHead(201, { Server: 'backend/1', 'X-Custom': 'c', 'Content-Type': 'text/plain' });
        res.end('made');
        return;
      }
      echoReply(seen, res);
    });
    silent = await startBackend(() => {}); // never answers
  });
  afterAll(async () => {
    await backend.close();
    await silent.close();
  });

  const proxy = (uri: string, extra: Record<string, unknown> = {}) =>
    createGateway({
      stage: { name: 'dev', variables: { version: 'v2' } },
      routes: { 'ANY /{proxy+}': { integration: { type: 'HTTP_PROXY', uri, ...extra } } },
    });

  it('forwards method, {proxy}, a stage variable, query, headers and body; hop-by-hop headers are dropped', async () => {
    const stageVariable = ['$', '{stageVariables.version}'].join('');
    const g = proxy(`${backend.url}/${stageVariable}/{proxy}`);
    const response = await g.fetch(`${HOST}/dev/pets/7?sort=asc&sort=desc`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        'X-Client': 'yes',
        TE: 'trailers',
        Expect: '100-continue',
      },
      body: '{"name": "Rex"}',
    });
    expect(response.status).toBe(200);
    const seen = backend.seen.at(-1)!;
    expect(seen.method).toBe('PUT');
    expect(seen.path).toBe('/v2/pets/7');
    expect(seen.query).toEqual({ sort: 'desc' });
    expect(seen.body.toString()).toBe('{"name": "Rex"}');
    expect(seen.headers['x-client']).toBe('yes');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers.te).toBeUndefined();
    expect(seen.headers.expect).toBeUndefined();
    expect(seen.headers['x-amzn-trace-id']).toMatch(/^Root=1-/);
  });

  it("passes the backend's status, headers and body through; Server comes back as x-amzn-Remapped-Server", async () => {
    const g = proxy(`${backend.url}/{proxy}`);
    const seen = await wire(await g.fetch(`${HOST}/dev/reserved`, { method: 'POST' }));
    expect(seen.status).toBe(201);
    expect(seen.body).toBe('made');
    expect(seen.headers).toMatchObject({
      'x-custom': 'c',
      'x-amzn-remapped-server': 'backend/1',
      'content-type': 'text/plain',
    });
    expect(seen.headers.server).toBeUndefined();
  });

  it('a backend that does not answer within timeoutInMillis is 504 {"message": "Endpoint request timed out"}', async () => {
    const clock = createManualClock();
    const g = createGateway({
      clock,
      routes: {
        'GET /slow': { integration: { type: 'HTTP_PROXY', uri: `${silent.url}/slow`, timeoutInMillis: 500 } },
      },
    });
    const pending = g.fetch(`${HOST}/dev/slow`);
    await new Promise((r) => setTimeout(r, 50)); // let the request reach the server
    await clock.advanceAsync(500);
    expect(await wire(await pending)).toMatchObject({
      status: 504,
      body: '{"message": "Endpoint request timed out"}',
    });
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a refused connection is 500 {"message": "Internal server error"}, explained in the trace', async () => {
    const closed = await startBackend(() => {});
    const url = closed.url;
    await closed.close();
    const g = proxy(`${url}/{proxy}`);
    const { response, trace } = await g.handle(`${HOST}/dev/x`);
    expect(await wire(response)).toMatchObject({ status: 500, body: '{"message": "Internal server error"}' });
    expect(trace.steps.at(-1)?.detail).toMatch(/configuration error/);
  });

  it('REST requestParameters map into the forwarded request', async () => {
    const g = createGateway({
      routes: {
        'GET /items/{id}': {
          requestParameters: { 'method.request.header.X-Tenant': true },
          integration: {
            type: 'HTTP_PROXY',
            uri: `${backend.url}/v1/things/{thing}`,
            requestParameters: {
              'integration.request.path.thing': 'method.request.path.id',
              'integration.request.header.X-Tenant-Id': 'method.request.header.X-Tenant',
              'integration.request.querystring.source': "'gateway'",
            },
          },
        },
      },
    });
    await g.fetch(`${HOST}/dev/items/42`, { headers: { 'X-Tenant': 'acme' } });
    const seen = backend.seen.at(-1)!;
    expect(seen.path).toBe('/v1/things/42');
    expect(seen.headers['x-tenant-id']).toBe('acme');
    expect(seen.query).toEqual({ source: 'gateway' });
  });

  it('HTTP API parameter mapping: append/overwrite/remove on headers and query, overwrite:path, response mapping by status', async () => {
    const g = createGateway({
      apiType: 'HTTP',
      routes: {
        'GET /users/{id}': {
          integration: {
            type: 'HTTP_PROXY',
            uri: `${backend.url}/anything`,
            requestParameters: {
              'append:header.X-Route': '$context.routeKey',
              'overwrite:header.X-Mode': 'fixed',
              'remove:header.X-Secret': "''",
              'overwrite:querystring.user': '$request.path.id',
              'remove:querystring.drop': "''",
              'overwrite:path': `/people/$${'{'}request.path.id}`,
            },
            responseParameters: {
              '200': { 'overwrite:statuscode': '202', 'append:header.X-Backend-Path': '$response.body.path' },
            },
          },
        },
      },
    });
    const response = await g.fetch(`${HOST}/users/9?drop=1&keep=2`, {
      headers: { 'X-Mode': 'client', 'X-Secret': 's' },
    });
    const seen = backend.seen.at(-1)!;
    expect(seen.path).toBe('/people/9');
    expect(seen.query).toEqual({ keep: '2', user: '9' });
    expect(seen.headers['x-route']).toBe('GET /users/{id}');
    expect(seen.headers['x-mode']).toBe('fixed');
    expect(seen.headers['x-secret']).toBeUndefined();
    expect(response.status).toBe(202);
    expect(response.headers.get('X-Backend-Path')).toBe('/people/9');
  });

  it.each([
    ['a reserved header', { 'overwrite:header.Authorization': 'x' }],
    ['an unknown operation', { 'replace:header.X': 'x' }],
    ['a body path with ..', { 'overwrite:header.X': '$request.body..a' }],
    ['an unknown reference', { 'overwrite:header.X': '$request.cookie.a' }],
  ])('refuses an HTTP API mapping with %s', (_name, requestParameters) => {
    expect(() =>
      createGateway({
        apiType: 'HTTP',
        routes: {
          'GET /x': { integration: { type: 'HTTP_PROXY', uri: 'https://b.example/x', requestParameters } },
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'GATEWAY_INVALID_PARAMETER_MAPPING' }));
  });
});

describe('HTTP_PROXY calls go through fetch, so msw sees them', () => {
  const server = setupServer(
    http.get('https://backend.example.com/pets/:id', ({ params, request }) =>
      HttpResponse.json(
        { id: params.id, trace: request.headers.get('x-amzn-trace-id') !== null },
        { status: 203 },
      ),
    ),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers with what the msw handler returned', async () => {
    const g = createGateway({
      routes: {
        'GET /pets/{id}': {
          integration: { type: 'HTTP_PROXY', uri: 'https://backend.example.com/pets/{id}' },
        },
      },
    });
    const response = await g.fetch(`${HOST}/dev/pets/5`);
    expect(response.status).toBe(203);
    expect(await response.json()).toEqual({ id: '5', trace: true });
  });
});
