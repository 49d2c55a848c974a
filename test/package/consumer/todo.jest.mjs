// The same matchers under real Jest (ESM mode), registered by apigw-testkit/jest/setup.
import { describe, expect, it } from '@jest/globals';
import { createGateway } from 'apigw-testkit/gateway';
import { createApigwMatchers } from 'apigw-testkit/jest';

async function failure(run) {
  try {
    await run();
  } catch (error) {
    return error.message;
  }
  throw new Error('the assertion passed');
}

describe('apigw-testkit/jest under Jest', () => {
  it('judges proxy results like validateProxyResult', () => {
    expect({ statusCode: 201, headers: { Location: '/pets/7' }, body: '{"id":7}' }).toBeValidProxyResult();
    expect({ statusCode: '201', body: '{"id":7}' }).toHaveStatusCode(201);
    expect({ statusCode: 201, headers: { Location: '/pets/7' } }).toHaveHeader('location', '/pets/7');
    expect({ statusCode: 200, body: '{"id":7,"tags":[]}' }).toHaveJsonBody({
      id: expect.any(Number),
      tags: [],
    });
    expect({ statusCode: 'x' }).not.toBeValidProxyResult();
  });

  it('judges gateway Responses; body matchers are awaited', async () => {
    const gateway = createGateway({
      routes: {
        'GET /pets/{id}': async (event) => ({
          statusCode: 200,
          body: JSON.stringify({ id: event.pathParameters.id }),
        }),
      },
    });
    const response = await gateway.fetch('/dev/pets/7');
    expect(response).toHaveStatusCode(200);
    expect(response).toHaveHeader('content-type', 'application/json');
    await expect(response).toHaveJsonBody({ id: '7' });
    await expect(response).toBeValidProxyResult();
  });

  it('fails with the messages the vitest matchers give (one report behind both)', async () => {
    expect(await failure(() => expect({ statusCode: 'test' }).toHaveStatusCode(200))).toBe(
      "expected the client's response to this payload 1.0 result (REST API) to have status 200, but it has 502\n\n" +
        'API Gateway rejects this payload 1.0 result (REST API) (1 issue):\n' +
        '  - $.statusCode STATUS_CODE_NOT_NUMERIC: statusCode is the string "test", not a number; API Gateway answers 502 {"message": "Internal server error"}\n' +
        'The client receives:\n  HTTP 502\n  Content-Type: application/json\n  x-amzn-ErrorType: InternalServerErrorException\n\n  {"message": "Internal server error"}',
    );
    expect(await failure(() => expect({ statusCode: 200, body: '{"id":1}' }).toHaveJsonBody({ id: 2 }))).toBe(
      `expected the client's response to this payload 1.0 result (REST API) to have a JSON body equal to {"id": 2}, but it is {"id": 1}`,
    );
  });

  it('createApigwMatchers gives matchers with other defaults for expect.extend', () => {
    expect.extend({ toBeValidV2Result: createApigwMatchers({ payloadFormat: '2.0' }).toBeValidProxyResult });
    expect({ cookies: ['a=1'], body: 'ok' }).toBeValidV2Result();
    expect({ cookies: ['a=1'], body: 'ok' }).not.toBeValidProxyResult();
  });
});
