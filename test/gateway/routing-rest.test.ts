import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { HOST, named, wire } from './helpers.js';

const gateway = createGateway({
  routes: {
    'GET /': named('root'),
    'GET /part1': named('part1'),
    'GET /{param+}': named('greedy'),
    'POST /test': named('post-test'),
    'OPTIONS /{param+}': named('greedy-options'),
    'GET /pets/{id}': named('pet'),
    'GET /pets/dog': named('dog'),
    'ANY /pets/{id}/toys': named('toys-any'),
    'DELETE /pets/{id}/toys': named('toys-delete'),
    'GET /hardcoded': named('hardcoded'),
  },
});

const body = async (path: string, method = 'GET') => {
  const response = await gateway.fetch(`${HOST}${path}`, { method });
  return (await response.text()) || `${response.status}`;
};

describe('REST routing (behaviour.md §11.1)', () => {
  it.each([
    ['/dev/', 'root'],
    ['/dev', 'root'],
    ['/dev/part1', 'part1'],
    ['/dev/part1/', 'part1'],
    ['/dev/pets/dog', 'dog'],
    ['/dev/pets/cat', 'pet'],
    ['/dev/pets/7/toys', 'toys-any'],
  ])('GET %s is routed to %s (static over {var} over {proxy+})', async (path, expected) => {
    expect(await body(path)).toBe(expected);
  });

  it('backtracks from a static branch to {proxy+}: GET /part1/random-value goes to /{param+}', async () => {
    expect(await body('/dev/part1/random-value')).toBe('greedy');
  });

  it('a resource lacking the method does not stop the search: OPTIONS /test goes to /{param+}', async () => {
    expect(await body('/dev/test', 'OPTIONS')).toBe('greedy-options');
  });

  it('an explicit method on a resource beats ANY on it', async () => {
    expect(await body('/dev/pets/7/toys', 'DELETE')).toBe('toys-delete');
    expect(await body('/dev/pets/7/toys', 'PATCH')).toBe('toys-any');
  });

  it('extra slashes after the stage collapse for routing: /dev//hardcoded matches /hardcoded', async () => {
    expect(await body('/dev//hardcoded')).toBe('hardcoded');
  });

  it('answers an unknown method on a known path with 403 Missing Authentication Token', async () => {
    const response = await gateway.fetch(`${HOST}/dev/part1`, { method: 'PUT' });
    expect(response).toHaveStatusCode(403);
    expect(response).toHaveHeader('x-amzn-ErrorType', 'MissingAuthenticationTokenException');
    expect(response).toHaveHeader('Content-Type', 'application/json');
    expect(await response.text()).toBe('{"message":"Missing Authentication Token"}');
  });

  it('answers an unknown stage with 403 {"message":"Forbidden"} ForbiddenException', async () => {
    const w = await wire(await gateway.fetch(`${HOST}/prod/part1`));
    expect(w.status).toBe(403);
    expect(w.body).toBe('{"message":"Forbidden"}');
    expect(w.headers['x-amzn-errortype']).toBe('ForbiddenException');
    expect(w.headers['x-amzn-requestid']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(w.headers['x-amz-apigw-id']).toMatch(/^[A-Za-z0-9]{15}=$/);
  });

  it('answers a request with no stage at all with 403 Forbidden', async () => {
    expect((await wire(await gateway.fetch(`${HOST}/`))).body).toBe('{"message":"Forbidden"}');
  });
});
