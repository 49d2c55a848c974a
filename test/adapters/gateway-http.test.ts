import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNodeListener } from '../../src/gateway/adapters/node-listener.js';
import { createGateway, type LambdaHandler } from '../../src/gateway/index.js';
import { request } from '../../src/supertest/index.js';
import { BINARY, listen, rawRequest } from './helpers.js';

const PNG = Buffer.from(BINARY).toString('base64');

function restGateway() {
  const seen: APIGatewayProxyEvent[] = [];
  const gateway = createGateway({
    apiType: 'REST',
    apiId: 'adapt00001',
    stage: { name: 'prod' },
    binaryMediaTypes: ['image/png'],
    routes: {
      'ANY /echo/{proxy+}': async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
        seen.push(event);
        return { statusCode: 200, body: event.body ?? '' };
      },
      'GET /cookies': async () => ({
        statusCode: 200,
        multiValueHeaders: { 'Set-Cookie': ['a=1; Path=/', 'b=2; HttpOnly'] },
        body: 'ok',
      }),
      'GET /logo': async () => ({
        statusCode: 200,
        headers: { 'Content-Type': 'image/png' },
        isBase64Encoded: true,
        body: PNG,
      }),
      // A malformed result on purpose: typed loosely (LambdaHandler) so that it compiles.
      'GET /broken': (async () => ({ statusCode: 200, body: { not: 'a string' } })) as LambdaHandler,
    },
  });
  return { gateway, seen };
}

describe('toNodeListener in front of createGateway (REST, real loopback server, global fetch)', () => {
  const { gateway, seen } = restGateway();
  let origin = '';
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ origin, close } = await listen(toNodeListener(gateway)));
  });
  afterAll(() => close());

  it('delivers method, path below the stage, query, headers and body to the Lambda event', async () => {
    const res = await fetch(`${origin}/prod/echo/a/b?x=1&x=2`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'X-Custom': 'v' },
      body: 'hello',
    });
    expect(res).toHaveStatusCode(200);
    expect(await res.text()).toBe('hello');
    const event = seen.at(-1)!;
    expect(event.httpMethod).toBe('POST');
    expect(event.path).toBe('/echo/a/b');
    expect(event.resource).toBe('/echo/{proxy+}');
    expect(event.pathParameters).toEqual({ proxy: 'a/b' });
    expect(event.multiValueQueryStringParameters).toEqual({ x: ['1', '2'] });
    expect(event.queryStringParameters).toEqual({ x: '2' });
    expect(event.body).toBe('hello');
    expect(event.requestContext.stage).toBe('prod');
  });

  it('sends each multiValueHeaders Set-Cookie as its own header line', async () => {
    const res = await rawRequest(origin, { path: '/prod/cookies' });
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    expect(res.body.toString()).toBe('ok');
  });

  it('sends a base64 result as binary bytes when Accept matches binaryMediaTypes', async () => {
    const res = await rawRequest(origin, { path: '/prod/logo', headers: [['Accept', 'image/png']] });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.body).toEqual(Buffer.from(BINARY));
  });

  it('sends the base64 text when Accept does not match (REST ignores isBase64Encoded then)', async () => {
    const res = await rawRequest(origin, { path: '/prod/logo', headers: [['Accept', '*/*']] });
    expect(res.body.toString()).toBe(PNG);
  });

  it('relays the 502 {"message": "Internal server error"} of a malformed result with its error headers', async () => {
    const res = await fetch(`${origin}/prod/broken`);
    expect(res).toHaveStatusCode(502);
    expect(res).toHaveHeader('x-amzn-ErrorType', 'InternalServerErrorException');
    expect(await res.text()).toBe('{"message": "Internal server error"}');
  });

  it('relays REST 403 {"message":"Missing Authentication Token"} for an unknown path', async () => {
    const res = await fetch(`${origin}/prod/nowhere`);
    expect(res).toHaveStatusCode(403);
    expect(await res.text()).toBe('{"message":"Missing Authentication Token"}');
  });
});

describe('request(gateway) from apigw-testkit/supertest', () => {
  it('serves an HTTP API ($default stage, no prefix) through supertest', async () => {
    const gateway = createGateway({
      apiType: 'HTTP',
      routes: { 'GET /pets/{id}': async (event) => ({ id: event.pathParameters?.id }) },
    });
    const res = await request(gateway).get('/pets/7').expect(200).expect('content-type', 'application/json');
    expect(res.body).toEqual({ id: '7' });
    await request(gateway).get('/owners').expect(404, '{"message":"Not Found"}');
  });

  it('returns 429 {"message":"Too Many Requests"} once the route burst is used', async () => {
    const gateway = createGateway({
      apiType: 'REST',
      routes: {
        'GET /pets': {
          integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 200, body: '[]' }) },
          throttle: { rateLimit: 0.001, burstLimit: 1 },
        },
      },
    });
    await request(gateway).get('/dev/pets').expect(200, '[]');
    await request(gateway)
      .get('/dev/pets')
      .expect(429, '{"message":"Too Many Requests"}')
      .expect('x-amzn-errortype', 'TooManyRequestsException');
  });
});
