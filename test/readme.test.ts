// The README's opening example, verbatim, imported by package name.

import { buildProxyEventV1, createGateway } from 'apigw-testkit';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import 'apigw-testkit/vitest/setup';
import { expect, test } from 'vitest';

const handler = async (event: APIGatewayProxyEvent) => ({
  statusCode: 200,
  body: JSON.stringify({ id: event.pathParameters?.id }),
});

test('GET /pets/{id}', async () => {
  const result = await handler(buildProxyEventV1({ resource: '/pets/{id}', path: '/pets/7' }));
  expect(result).toBeValidProxyResult(); // API Gateway would accept it (not a 502)
  const gateway = createGateway({ routes: { 'GET /pets/{id}': handler } });
  const response = await gateway.fetch('/dev/pets/7');
  expect(response).toHaveStatusCode(200);
  await expect(response).toHaveJsonBody({ id: '7' });
});

test('the README command lines use real event kinds and flags', async () => {
  const { runCli } = await import('../src/cli/run.js');
  const out: string[] = [];
  const code = await runCli(
    [
      'event',
      'rest',
      '--method',
      'POST',
      '--path',
      '/pets?limit=2',
      '--header',
      'content-type:application/json',
      '--body',
      '{"name":"Rex"}',
    ],
    { stdout: (t) => out.push(t), stderr: (t) => out.push(t), readStdin: async () => '', cwd: process.cwd() },
  );
  expect(code).toBe(0);
  const event = JSON.parse(out.join('')) as APIGatewayProxyEvent;
  expect(event.httpMethod).toBe('POST');
  expect(event.queryStringParameters).toEqual({ limit: '2' });
  expect(event.body).toBe('{"name":"Rex"}');
});
