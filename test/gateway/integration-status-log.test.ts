// $context.integration.status / integrationStatus in access logs, for every integration type (behaviour.md §12.2):
// the Lambda service's 200 for Lambda, the backend's status for HTTP and AWS service integrations, the function's
// own status as integration.status for Lambda proxy, nothing for MOCK.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway, type RouteValueFor } from '../../src/gateway/index.js';

// A REST route table written apart: typed for REST routes, so createGateway takes it as is.
type RouteValue = RouteValueFor<'REST'>;

const FORMAT =
  '$context.requestId $context.status $context.integration.status $context.integrationStatus $context.integration.integrationStatus';
const withResponses = (integration: Record<string, unknown>): RouteValue =>
  ({
    methodResponses: { '200': {} },
    integration: { ...integration, integrationResponses: [{ statusCode: '200' }] },
  }) as unknown as RouteValue;

const REST_ROUTES: Record<string, RouteValue> = {
  'GET /proxy': async () => ({ statusCode: 201, body: 'x' }),
  'GET /custom': withResponses({ type: 'AWS', handler: async () => ({ a: 1 }) }),
  'GET /service': withResponses({
    type: 'AWS',
    uri: 'arn:aws:apigateway:us-east-1:sqs:action/SendMessage',
    httpMethod: 'POST',
    credentials: 'arn:aws:iam::123456789012:role/apigw',
  }),
  'GET /http': withResponses({ type: 'HTTP', uri: 'https://backend.example/x', httpMethod: 'GET' }),
  'GET /http-proxy': {
    integration: { type: 'HTTP_PROXY', uri: 'https://backend.example/x', httpMethod: 'GET' },
  },
  'GET /mock': withResponses({
    type: 'MOCK',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
  }),
};

describe('$context.integration.status and integrationStatus follow the integration type', () => {
  const gateway = createGateway({
    clock: createManualClock(),
    accessLog: { format: FORMAT },
    fetch: async () => new Response('{"from":"backend"}', { status: 202 }),
    services: { sqs: () => ({ statusCode: 200, body: '<ok/>' }) },
    routes: REST_ROUTES,
  });

  it.each([
    ['Lambda proxy: the function result’s 201 / the Lambda service’s 200', '/proxy', '201 201 200 200'],
    ['Lambda custom: the Lambda service’s 200', '/custom', '200 200 200 200'],
    ['an AWS service action: the service’s status', '/service', '200 200 200 200'],
    ['HTTP: the backend’s 202', '/http', '200 202 202 202'],
    ['HTTP_PROXY: the backend’s 202', '/http-proxy', '202 202 202 202'],
    ['MOCK: no integration was called', '/mock', '200 - - -'],
  ])('REST %s', async (_case, path, expected) => {
    await gateway.fetch(`/dev${path}`);
    const line = gateway.accessLog.at(-1)!;
    expect(line.slice(line.indexOf(' ') + 1)).toBe(expected);
  });

  it('HTTP API HTTP_PROXY: the backend’s status; a missing route: none', async () => {
    const api = createGateway({
      apiType: 'HTTP',
      accessLog: { format: FORMAT },
      fetch: async () => new Response('accepted', { status: 202 }),
      routes: { 'GET /x': { integration: { type: 'HTTP_PROXY', uri: 'https://backend.example/x' } } },
    });
    await api.fetch('/x');
    await api.fetch('/nope');
    expect(api.accessLog.map((line) => line.slice(line.indexOf(' ') + 1))).toEqual([
      '202 202 202 202',
      '404 - - -',
    ]);
  });
});
