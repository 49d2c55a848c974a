// A realistic vitest suite in TypeScript strict, importing apigw-testkit by name from the packed tarball.
import { buildProxyEventV1, buildProxyEventV2 } from 'apigw-testkit/events';
import { createGateway } from 'apigw-testkit/gateway';
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
} from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTodo, getTodo } from './todo-api.js';

describe('REST API: GET /todos/{id}', () => {
  const gateway = createGateway({ routes: { 'GET /todos/{id}': getTodo } });

  it('answers the todo', async () => {
    const response = await gateway.fetch(gateway.url('/todos/1'));
    expect(response).toHaveStatusCode(200);
    expect(response).toHaveHeader('content-type', 'application/json');
    await expect(response).toHaveJsonBody({ id: '1', title: 'Buy milk' });
  });

  it('is a valid proxy result when called directly', async () => {
    const result = await getTodo(buildProxyEventV1({ resource: '/todos/{id}', path: '/todos/9' }));
    expect(result).toBeValidProxyResult();
    expect(result).toHaveStatusCode(404);
  });
});

describe('HTTP API: POST /todos', () => {
  const gateway = createGateway({ apiType: 'HTTP', routes: { 'POST /todos': createTodo } });

  it('creates a todo', async () => {
    const response = await gateway.fetch('/todos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Walk' }),
    });
    expect(response).toHaveStatusCode(201);
    expect(response).toHaveHeader('location', /^\/todos\/\d+$/);
    await expect(response).toHaveJsonBody({ title: 'Walk' }, { partial: true });
  });
});

describe('types', () => {
  it('body matchers on a Response are promises; on a result they are not', async () => {
    const response = new Response('{}');
    expectTypeOf(expect(response).toHaveJsonBody({})).toEqualTypeOf<Promise<void>>();
    expectTypeOf(expect({ statusCode: 200, body: '{}' }).toHaveJsonBody({})).toEqualTypeOf<void>();
    await expect(response).toHaveJsonBody({});
    // @ts-expect-error a status code is a number
    expect({ statusCode: 200 }).not.toHaveStatusCode('200');
  });

  it('builders return the aws-lambda type with the authorizer asked for', () => {
    const event = buildProxyEventV2({
      authorizer: { jwt: { claims: { sub: 'u1' }, scopes: ['todo:read'] } },
    });
    expectTypeOf(event).toMatchTypeOf<APIGatewayProxyEventV2WithJWTAuthorizer>();
    expect(event.requestContext.authorizer.jwt.claims.sub).toBe('u1');
  });
});

describe('route handler types follow the API type (published declarations)', () => {
  it('types inline REST and HTTP API handlers and the trace event', async () => {
    const rest = createGateway({
      routes: {
        'GET /todos': async (event) => {
          expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEvent>();
          return { statusCode: 200, body: event.httpMethod };
        },
      },
    });
    const http = createGateway({
      apiType: 'HTTP',
      routes: {
        'GET /todos': async (event) => {
          expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEventV2>();
          return { method: event.requestContext.http.method };
        },
      },
    });
    const restTrace = (await rest.handle(rest.url('/todos'))).trace;
    const { response, trace } = await http.handle('/todos');
    expectTypeOf(restTrace.event).toEqualTypeOf<APIGatewayProxyEvent | undefined>();
    expectTypeOf(trace.event).toEqualTypeOf<APIGatewayProxyEventV2 | undefined>();
    expect(restTrace.event?.resource).toBe('/todos');
    await expect(response).toHaveJsonBody({ method: 'GET' });
    expect([trace.integrationCalled, trace.responseHeaders.map(([name]) => name)]).toEqual([
      true,
      ['content-type', 'apigw-requestid'],
    ]);
  });
});
