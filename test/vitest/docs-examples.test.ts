// Mirrors the examples of docs/vitest.md so they cannot rot.
import { describe, expect, it } from 'vitest';
import { toFetchResponse } from '../../src/http/index.js';
import { validateProxyResult } from '../../src/response/index.js';

const handler = async () => ({
  statusCode: 201,
  multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
  headers: { Location: '/pets/7' },
  body: JSON.stringify({ id: 7, name: 'Rex', tags: [] }),
});

describe('docs/vitest.md: POST /pets', () => {
  it('creates the pet', async () => {
    const result = await handler();
    expect(result).toBeValidProxyResult();
    expect(result).toHaveStatusCode(201);
    expect(result).toHaveHeader('location', '/pets/7');
    expect(result).toHaveHeader('set-cookie', 'b=2');
    expect(result).toHaveHeader('content-type', 'application/json');
    expect(result).toHaveJsonBody({ id: 7, name: 'Rex', tags: [] });
    expect(result).toHaveJsonBody({ name: 'Rex' }, { partial: true });
    expect(result).toHaveJsonBody({ id: expect.any(Number), name: 'Rex', tags: [] });
  });

  it('on a Response', async () => {
    const res = toFetchResponse(validateProxyResult({ statusCode: 200, body: '{"ok":true}' }).response);
    expect(res).toHaveStatusCode(200);
    expect(res).toHaveHeader('Content-Type', /json/);
    await expect(res).toHaveJsonBody({ ok: true });
    await expect(res).toBeValidProxyResult();
  });

  it('failure message shown in the docs', () => {
    let message = '';
    try {
      expect({ statusCode: 'test', body: {} }).toBeValidProxyResult();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      'expected a valid payload 1.0 result (REST API), but API Gateway rejects it (2 issues):',
    );
    expect(() => expect({ statusCode: 'test' }).toHaveStatusCode(200)).toThrow(
      "expected the client's response to this payload 1.0 result (REST API) to have status 200, but it has 502",
    );
  });
});
