import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { HOST, wire } from './helpers.js';

const gateway = createGateway({
  routes: {
    'GET /health': {
      integration: {
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}', 'text/plain': '{"statusCode": 503}' },
        responses: {
          '200': {
            headers: { 'Content-Type': 'application/json', 'X-Health': 'ok' },
            body: '{"healthy":true}',
          },
          default: { statusCode: 500, body: '{"healthy":false}' },
        },
      },
    },
    'GET /bare': { integration: { type: 'MOCK', responses: { '200': {} } } },
    'GET /unmapped': {
      integration: {
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 404}' },
        responses: { '200': {} },
      },
    },
  },
});

describe('MOCK integration (behaviour.md §4.4–4.5)', () => {
  it('the request template chosen for the default application/json selects the integration response by status', async () => {
    const w = await wire(await gateway.fetch(`${HOST}/dev/health`));
    expect(w).toEqual({
      status: 200,
      headers: {
        'content-type': 'application/json',
        'x-health': 'ok',
        'x-amzn-requestid': expect.any(String),
        'x-amz-apigw-id': expect.any(String),
        // no x-amzn-trace-id: AWS sends none with a MOCK answer (recorded-aws.test.ts)
      },
      body: '{"healthy":true}',
    });
  });

  it('a status with no integration response of its own falls back to the default response', async () => {
    const w = await wire(
      await gateway.fetch(`${HOST}/dev/health`, { headers: { 'Content-Type': 'text/plain' } }),
    );
    expect(w.status).toBe(500);
    expect(w.body).toBe('{"healthy":false}');
    expect(w.headers['content-type']).toBe('application/json');
  });

  it('without request templates a bodiless request passes an empty body through: no statusCode, 500', async () => {
    const w = await wire(await gateway.fetch(`${HOST}/dev/bare`));
    expect(w.status).toBe(500);
    expect(w.body).toBe('{"message": "Internal server error"}');
  });

  it('no matching and no default integration response is 500 {"message": "Internal server error"}', async () => {
    const w = await wire(await gateway.fetch(`${HOST}/dev/unmapped`));
    expect(w.status).toBe(500);
    expect(w.body).toBe('{"message": "Internal server error"}');
  });

  it('renders VTL request templates: $input selects the status, responseOverride wins even for an undeclared status', async () => {
    const api = createGateway({
      stage: { variables: { mode: 'strict' } },
      routes: {
        'GET /echo/{id}': {
          integration: {
            type: 'MOCK',
            requestTemplates: {
              'application/json':
                "#if($input.params('id') == '7')#set($context.responseOverride.status = 418)#set($context.responseOverride.header.X-Mode = $stageVariables.mode)#end{\"statusCode\": 200}",
            },
            responses: { '200': { body: 'mocked' } },
          },
        },
      },
    });
    const teapot = await wire(await api.fetch(`${HOST}/dev/echo/7`));
    expect([teapot.status, teapot.headers['x-mode'], teapot.body]).toEqual([418, 'strict', 'mocked']);
    const plain = await wire(await api.fetch(`${HOST}/dev/echo/8`));
    expect([plain.status, plain.headers['x-mode'], plain.body]).toEqual([200, undefined, 'mocked']);
  });

  it('refuses a MOCK template that does not parse when the gateway is created', () => {
    expect(() =>
      createGateway({
        routes: {
          'GET /x': { integration: { type: 'MOCK', requestTemplates: { 'application/json': '#if($x' } } },
        },
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'GATEWAY_INVALID_TEMPLATE',
        message: expect.stringContaining(`routes["GET /x"].integration.requestTemplates["application/json"]`),
      }),
    );
  });
});
