import { describe, expect, it } from 'vitest';
import { createGateway, type GatewayOptions } from '../../../src/gateway/index.js';

const route =
  (value: Record<string, unknown>, apiType: 'REST' | 'HTTP' = 'REST') =>
  () =>
    createGateway({ apiType, routes: { 'GET /x': value } } as unknown as GatewayOptions);
const mock = (integration: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  route({ ...extra, integration: { type: 'MOCK', ...integration } });

describe('MOCK configuration is validated when the gateway is created', () => {
  it.each([
    [
      'an unknown integration response key',
      mock(
        { integrationResponses: [{ statusCode: '200', responseTemplate: {} }] },
        { methodResponses: { '200': {} } },
      ),
      'UNKNOWN_OPTION',
    ],
    [
      'an unknown method response key',
      mock({}, { methodResponses: { '200': { responseTemplates: {} } } }),
      'UNKNOWN_OPTION',
    ],
    ['an unknown MOCK key', mock({ integrationResponse: [] }), 'UNKNOWN_OPTION'],
    [
      'an unknown passthroughBehavior',
      mock({ passthroughBehavior: 'ALWAYS' }),
      'GATEWAY_INVALID_INTEGRATION',
    ],
    [
      'both responses and integrationResponses',
      mock({ responses: {}, integrationResponses: [] }),
      'GATEWAY_INVALID_INTEGRATION',
    ],
    [
      'two default integration responses',
      mock(
        { integrationResponses: [{ statusCode: '200' }, { statusCode: '201' }] },
        { methodResponses: { '200': {}, '201': {} } },
      ),
      'GATEWAY_INVALID_INTEGRATION',
    ],
    [
      'two integration responses for one status',
      mock(
        { integrationResponses: [{ statusCode: '200' }, { statusCode: '200', selectionPattern: '2' }] },
        { methodResponses: { '200': {} } },
      ),
      'GATEWAY_INVALID_INTEGRATION',
    ],
    [
      'a status code that is not one',
      mock({ integrationResponses: [{ statusCode: '20' }] }, { methodResponses: { '200': {} } }),
      'GATEWAY_INVALID_INTEGRATION',
    ],
    [
      'integrationResponses without methodResponses',
      mock({ integrationResponses: [{ statusCode: '200' }] }),
      'GATEWAY_INVALID_INTEGRATION',
    ],
    [
      'a keyed integration response whose statusCode differs from its key',
      mock(
        { integrationResponses: { '200': { statusCode: '201' } } },
        { methodResponses: { '200': {}, '201': {} } },
      ),
      'GATEWAY_INVALID_INTEGRATION',
    ],
    [
      'a selectionPattern that does not compile',
      mock(
        { integrationResponses: [{ statusCode: '200', selectionPattern: '(' }] },
        { methodResponses: { '200': {} } },
      ),
      'GATEWAY_INVALID_INTEGRATION',
    ],
    [
      'a method response header flag that is not boolean',
      mock({}, { methodResponses: { '200': { responseParameters: { 'method.response.header.X': 'yes' } } } }),
      'GATEWAY_INVALID_INTEGRATION',
    ],
    [
      'methodResponses on an HTTP API',
      route({ methodResponses: {}, integration: async () => ({}) }, 'HTTP'),
      'GATEWAY_REST_ONLY',
    ],
    [
      'a request template that is not a string',
      mock({ requestTemplates: { 'application/json': 1 } }),
      'GATEWAY_INVALID_INTEGRATION',
    ],
  ])('refuses %s', (_name, build, code) => {
    expect(build).toThrow(expect.objectContaining({ code }));
  });

  it('methodResponses on a Lambda proxy route are accepted (the proxy result passes through)', () => {
    expect(
      route({
        methodResponses: { '200': {} },
        integration: { type: 'AWS_PROXY', handler: async () => ({}) },
      }),
    ).not.toThrow();
  });
});
