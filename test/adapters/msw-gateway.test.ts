import type { APIGatewayProxyEvent } from 'aws-lambda';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { toMswHandlers } from '../../src/msw/index.js';

const gateway = createGateway({
  apiType: 'REST',
  apiId: 'mswtest001',
  region: 'eu-west-1',
  stage: { name: 'prod' },
  apiKeys: [{ id: 'key0000001', value: 'client-key-0123456789' }],
  usagePlans: [{ id: 'plan000001', apiStages: [{ stage: 'prod' }], keys: ['key0000001'] }],
  routes: {
    'GET /pets/{id}': async (event: APIGatewayProxyEvent) => ({
      statusCode: 200,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: event.pathParameters?.id, host: event.headers.Host }),
    }),
    'POST /orders': {
      integration: {
        type: 'AWS_PROXY',
        handler: async (event: APIGatewayProxyEvent) => ({ statusCode: 201, body: event.body ?? '' }),
      },
      apiKeyRequired: true,
    },
  },
});

/** The code under test: an API client that knows nothing about the simulator. */
async function getPet(id: string): Promise<Response> {
  return fetch(`https://mswtest001.execute-api.eu-west-1.amazonaws.com/prod/pets/${id}`);
}

describe('toMswHandlers: code calling the real execute-api URL is served by the simulated gateway', () => {
  const server = setupServer(...toMswHandlers(gateway));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('defaults baseUrl to the gateway invoke URL origin and keeps the real Host in the event', async () => {
    const res = await getPet('42');
    expect(res).toHaveStatusCode(200);
    expect(res).toHaveHeader('content-type', 'application/json');
    await expect(res).toHaveJsonBody({ id: '42', host: 'mswtest001.execute-api.eu-west-1.amazonaws.com' });
  });

  it('answers 403 {"message":"Forbidden"} without an API key and 201 with it', async () => {
    const url = 'https://mswtest001.execute-api.eu-west-1.amazonaws.com/prod/orders';
    const refused = await fetch(url, { method: 'POST', body: '{"qty":1}' });
    expect(refused).toHaveStatusCode(403);
    expect(refused).toHaveHeader('x-amzn-ErrorType', 'ForbiddenException');
    expect(await refused.text()).toBe('{"message":"Forbidden"}');
    const accepted = await fetch(url, {
      method: 'POST',
      headers: { 'x-api-key': 'client-key-0123456789' },
      body: '{"qty":1}',
    });
    expect(accepted).toHaveStatusCode(201);
    expect(await accepted.text()).toBe('{"qty":1}');
  });

  it('answers an unknown stage with 403 {"message":"Forbidden"} as API Gateway does', async () => {
    const res = await fetch('https://mswtest001.execute-api.eu-west-1.amazonaws.com/staging/pets/1');
    expect(res).toHaveStatusCode(403);
    expect(await res.text()).toBe('{"message":"Forbidden"}');
  });
});
