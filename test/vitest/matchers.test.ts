import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { toFetchResponse } from '../../src/http/index.js';
import { validateProxyResult } from '../../src/response/index.js';
import { apigwMatchers, createApigwMatchers } from '../../src/vitest/index.js';

async function failureOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the matcher to fail');
}

const REJECTED_STATUS_NOTE = [
  '',
  '',
  'API Gateway rejects this payload 1.0 result (REST API) (1 issue):',
  '  - $.statusCode STATUS_CODE_NOT_NUMERIC: statusCode is the string "test", not a number; API Gateway answers 502 {"message": "Internal server error"}',
  'The client receives:',
  '  HTTP 502',
  '  Content-Type: application/json',
  '  x-amzn-ErrorType: InternalServerErrorException',
  '',
  '  {"message": "Internal server error"}',
].join('\n');

describe('toBeValidProxyResult', () => {
  it('passes for results API Gateway accepts, per payload format', () => {
    expect({}).toBeValidProxyResult();
    expect('Hello').toBeValidProxyResult({ payloadFormat: '2.0' });
    expect('Hello').not.toBeValidProxyResult();
  });

  it('its failure message lists every issue and the response the client gets', async () => {
    const message = await failureOf(() => expect({ statusCode: 'test', body: {} }).toBeValidProxyResult());
    expect(message).toBe(
      [
        'expected a valid payload 1.0 result (REST API), but API Gateway rejects it (2 issues):',
        '  - $.statusCode STATUS_CODE_NOT_NUMERIC: statusCode is the string "test", not a number; API Gateway answers 502 {"message": "Internal server error"}',
        '  - $.body BODY_NOT_STRING: body is an object ({}), not a string (use JSON.stringify for a JSON body); API Gateway answers 502 {"message": "Internal server error"}',
        'The client receives:',
        '  HTTP 502',
        '  Content-Type: application/json',
        '  x-amzn-ErrorType: InternalServerErrorException',
        '',
        '  {"message": "Internal server error"}',
      ].join('\n'),
    );
  });

  it('.not shows the accepted response and its warnings', async () => {
    const message = await failureOf(() => expect({ statusCode: null }).not.toBeValidProxyResult());
    expect(message).toBe(
      [
        'expected an invalid payload 1.0 result (REST API), but API Gateway accepts it',
        'Warnings:',
        '  - $.statusCode STATUS_CODE_NULL: statusCode is null; API Gateway uses 200 as if it were absent',
        'The client receives:',
        '  HTTP 200',
        '  Content-Type: application/json',
        '',
        '  (empty body)',
      ].join('\n'),
    );
  });

  it('on a Response, fails when it is the answer to a rejected result (await it)', async () => {
    await expect(toFetchResponse(validateProxyResult({ statusCode: 200 }).response)).toBeValidProxyResult();
    const rejected = toFetchResponse(validateProxyResult('x').response);
    expect(await failureOf(() => expect(rejected).toBeValidProxyResult())).toBe(
      `expected the response to come from a valid proxy result, but it is API Gateway's answer to a rejected result or a function error: HTTP 502 {"message": "Internal server error"}`,
    );
    await expect(
      toFetchResponse(validateProxyResult('x', { payloadFormat: '2.0', v2NullResult: 'error' }).response),
    ).toBeValidProxyResult();
    await expect(
      toFetchResponse(validateProxyResult(null, { payloadFormat: '2.0', v2NullResult: 'error' }).response),
    ).not.toBeValidProxyResult();
  });
});

describe('toHaveStatusCode', () => {
  it('reads the status the client receives (a string "201" is 201; a malformed result is 502)', () => {
    expect({ statusCode: '201' }).toHaveStatusCode(201);
    expect({}).toHaveStatusCode(200);
    expect({ statusCode: 'test' }).toHaveStatusCode(502);
    expect({ statusCode: 'test' }).toHaveStatusCode(500, { apiType: 'HTTP' });
    expect(new Response(null, { status: 404 })).toHaveStatusCode(404);
  });

  it('explains a rejected result in its failure message', async () => {
    expect(await failureOf(() => expect({ statusCode: 'test' }).toHaveStatusCode(200))).toBe(
      `expected the client's response to this payload 1.0 result (REST API) to have status 200, but it has 502${REJECTED_STATUS_NOTE}`,
    );
  });

  it('names the Response status when it differs, and shows the body when it can be read without consuming it', async () => {
    expect(await failureOf(() => expect(new Response('x', { status: 500 })).toHaveStatusCode(200))).toBe(
      'expected the response to have status 200, but it has 500\nBody: (a streamed body; read it with await response.text() to see it)',
    );
    const gateway = createGateway({ routes: { 'GET /pets': async () => ({ statusCode: 200 }) } });
    const missing = await gateway.fetch('/dev/owners');
    expect(await failureOf(() => expect(missing).toHaveStatusCode(200))).toBe(
      'expected the response to have status 200, but it has 403\nBody: {"message":"Missing Authentication Token"}',
    );
    expect(missing.bodyUsed).toBe(false);
    expect(await missing.json()).toEqual({ message: 'Missing Authentication Token' });
    expect(await failureOf(() => expect(missing).toHaveStatusCode(200))).toBe(
      'expected the response to have status 200, but it has 403\nBody: (the body was already read)',
    );
    expect(await failureOf(() => expect({ statusCode: 404, body: 'no pet 7' }).toHaveStatusCode(200))).toBe(
      "expected the client's response to this payload 1.0 result (REST API) to have status 200, but it has 404\nBody: no pet 7",
    );
    expect(await failureOf(() => expect(new Response('x')).not.toHaveStatusCode(200))).toBe(
      'expected the response not to have status 200, but it does',
    );
  });
});

describe('toHaveHeader', () => {
  const result = {
    statusCode: 200,
    multiValueHeaders: { 'X-Multi': ['a', 'b'] },
    headers: { 'cache-control': 'no-cache' },
  };

  it('matches names case-insensitively, any line or the comma-joined value', () => {
    expect(result).toHaveHeader('x-multi');
    expect(result).toHaveHeader('X-MULTI', 'a');
    expect(result).toHaveHeader('x-multi', 'b');
    expect(result).toHaveHeader('x-multi', 'a, b');
    expect(result).toHaveHeader('content-type', 'application/json');
    expect(result).toHaveHeader('cache-control', /no-/);
    expect(result).toHaveHeader('cache-control', expect.stringContaining('cache'));
    expect(result).not.toHaveHeader('x-multi', 'c');
    expect(result).not.toHaveHeader('x-missing');
  });

  it('works on a Response, including set-cookie lines', () => {
    const res = toFetchResponse(
      validateProxyResult(
        { statusCode: 200, cookies: ['a=1', 'b=2'], headers: { 'x-m': 'a, b' } },
        { payloadFormat: '2.0' },
      ).response,
    );
    expect(res).toHaveHeader('Set-Cookie', 'b=2');
    expect(res).toHaveHeader('x-m', 'a');
    expect(res).toHaveHeader('x-m', 'a, b');
    expect(res).toHaveHeader('content-type', 'text/plain; charset=utf-8');
    expect(res).not.toHaveHeader('x-other');
  });

  it('failure messages show the values it has, or the header names', async () => {
    expect(await failureOf(() => expect(result).toHaveHeader('x-multi', 'c'))).toBe(
      `expected the client's response to this payload 1.0 result (REST API) to have header "x-multi" = "c", but its "x-multi" values are "a", "b"`,
    );
    expect(await failureOf(() => expect(result).toHaveHeader('x-nope'))).toBe(
      `expected the client's response to this payload 1.0 result (REST API) to have header "x-nope", but it has no "x-nope" header (headers: X-Multi, cache-control, Content-Type)`,
    );
    expect(await failureOf(() => expect(new Response(null)).toHaveHeader('etag', /W\//))).toBe(
      'expected the response to have header "etag" = /W\\//, but it has no "etag" header (headers: none)',
    );
  });
});

describe('toHaveJsonBody', () => {
  const result = { statusCode: 200, body: '{"id":1,"tags":["a"],"owner":{"name":"x","age":3}}' };

  it('is an exact deep-equal by default, with asymmetric matchers allowed inside', () => {
    expect(result).toHaveJsonBody({ id: 1, tags: ['a'], owner: { name: 'x', age: 3 } });
    expect(result).toHaveJsonBody({
      id: expect.any(Number),
      tags: ['a'],
      owner: expect.objectContaining({ name: 'x' }),
    });
    expect(result).not.toHaveJsonBody({ id: 1 });
  });

  it('{ partial: true } matches a subset, recursively, like toMatchObject', () => {
    expect(result).toHaveJsonBody({ id: 1 }, { partial: true });
    expect(result).toHaveJsonBody({ owner: { name: 'x' } }, { partial: true });
    expect(result).not.toHaveJsonBody({ owner: { name: 'y' } }, { partial: true });
  });

  it('reads an inferred payload 2.0 body', () => {
    expect({ message: 'hi' }).toHaveJsonBody({ message: 'hi' }, { payloadFormat: '2.0' });
  });

  it('on a Response it must be awaited', async () => {
    const res = toFetchResponse(validateProxyResult(result).response);
    await expect(res).toHaveJsonBody({ id: 1 }, { partial: true });
    await expect(res).toHaveJsonBody({ id: 1, tags: ['a'], owner: { name: 'x', age: 3 } });
    expect(await res.text()).toBe(result.body); // the matcher read a clone
  });

  it('failure messages show both bodies', async () => {
    expect(await failureOf(() => expect(result).toHaveJsonBody({ id: 2 }, { partial: true }))).toBe(
      `expected the client's response to this payload 1.0 result (REST API) to have a JSON body containing {"id": 2}, but it is {"id": 1, "owner": {"age": 3, "name": "x"}, "tags": ["a"]}`,
    );
    expect(await failureOf(() => expect({ body: 'oops' }).toHaveJsonBody({}))).toBe(
      `expected the client's response to this payload 1.0 result (REST API) to have a JSON body equal to {}, but the body is not JSON: oops`,
    );
    expect(await failureOf(() => expect(new Response('')).toHaveJsonBody({}))).toBe(
      'expected the response to have a JSON body equal to {}, but the body is empty',
    );
  });

  it.each([
    ['toHaveJsonBody', (r: Response) => expect(r).toHaveJsonBody({})],
    ['toBeValidProxyResult', (r: Response) => expect(r).toBeValidProxyResult()],
  ])(
    '%s on a Response whose body was already read says so and how to avoid it (RESPONSE_BODY_USED)',
    async (name, run) => {
      const response = new Response('{"ok":true}');
      await response.text();
      await expect(run(response)).rejects.toThrowError(
        expect.objectContaining({
          code: 'RESPONSE_BODY_USED',
          message: `${name}: the Response's body was already read (response.bodyUsed is true), so the matcher cannot read it. Run the matchers before reading the body yourself (they read a clone and leave the body readable), or assert on what you read: expect(await response.json()).toEqual(…)`,
        }),
      );
    },
  );

  it('on a rejected result it compares the AWS error body and says why', async () => {
    expect({ statusCode: 'test' }).toHaveJsonBody({ message: 'Internal server error' });
    expect(await failureOf(() => expect({ statusCode: 'test', body: '{}' }).toHaveJsonBody({}))).toBe(
      `expected the client's response to this payload 1.0 result (REST API) to have a JSON body equal to {}, but it is {"message": "Internal server error"}${REJECTED_STATUS_NOTE}`,
    );
  });
});

describe('apigw-testkit/vitest exports', () => {
  it('apigwMatchers holds the four implementations for expect.extend', () => {
    expect(Object.keys(apigwMatchers).sort()).toEqual([
      'toBeValidProxyResult',
      'toHaveHeader',
      'toHaveJsonBody',
      'toHaveStatusCode',
    ]);
  });

  it('createApigwMatchers sets default options (here payload 2.0), per-call options win', () => {
    const v2 = createApigwMatchers({ payloadFormat: '2.0' });
    expect.extend({ toHaveStatusCodeV2: v2.toHaveStatusCode });
    const e = expect('plain text') as unknown as { toHaveStatusCodeV2(n: number, o?: object): void };
    e.toHaveStatusCodeV2(200);
    e.toHaveStatusCodeV2(502, { payloadFormat: '1.0' });
  });

  it('a forgotten await on the handler is refused, not silently judged', () => {
    expect(() => expect(Promise.resolve({ statusCode: 200 })).toHaveStatusCode(200)).toThrow(
      expect.objectContaining({ code: 'RESULT_IS_PROMISE' }),
    );
  });
});
