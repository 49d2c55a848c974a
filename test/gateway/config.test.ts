import { describe, expect, it } from 'vitest';
import { createGateway, type GatewayOptions } from '../../src/gateway/index.js';

const h = async () => ({ statusCode: 200 });

function codeOf(options: GatewayOptions): string {
  try {
    createGateway(options);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'NO_ERROR';
}

describe('createGateway configuration is validated eagerly', () => {
  it.each<[string, GatewayOptions, string]>([
    ['an unknown option', { routes: {}, rutes: {} } as GatewayOptions, 'UNKNOWN_OPTION'],
    ['a lowercase method', { routes: { 'get /pets': h } }, 'GATEWAY_INVALID_ROUTE_METHOD'],
    ['a method outside the set', { routes: { 'TRACE /pets': h } }, 'GATEWAY_INVALID_ROUTE_METHOD'],
    ['a key without a path', { routes: { GET: h } }, 'GATEWAY_INVALID_ROUTE_KEY'],
    ['a trailing slash in a route', { routes: { 'GET /pets/': h } }, 'GATEWAY_INVALID_ROUTE_KEY'],
    ['an empty segment', { routes: { 'GET /a//b': h } }, 'GATEWAY_INVALID_ROUTE_KEY'],
    [
      'a variable that is not a whole segment',
      { routes: { 'GET /pets/x{id}': h } },
      'GATEWAY_INVALID_ROUTE_KEY',
    ],
    ['{proxy+} before other segments', { routes: { 'GET /{proxy+}/x': h } }, 'GATEWAY_GREEDY_NOT_LAST'],
    [
      'two variable siblings (REST)',
      { routes: { 'GET /pets/{id}': h, 'GET /pets/{petId}/toys': h } },
      'GATEWAY_ROUTE_CONFLICT',
    ],
    ['$default on a REST API', { routes: { $default: h } }, 'GATEWAY_INVALID_ROUTE_KEY'],
    [
      'two HTTP routes matching the same requests',
      { apiType: 'HTTP', routes: { 'GET /p/{a}': h, 'GET /p/{b}': h } },
      'GATEWAY_DUPLICATE_ROUTE',
    ],
    [
      'an AWS integration with neither handler nor service URI',
      { routes: { 'GET /x': { integration: { type: 'AWS' } as never } } },
      'GATEWAY_INVALID_INTEGRATION_URI',
    ],
    [
      'an HTTP integration without a URI',
      { routes: { 'GET /x': { integration: { type: 'HTTP' } as never } } },
      'GATEWAY_INVALID_INTEGRATION_URI',
    ],
    [
      'an HTTP_PROXY integration without a URI',
      { routes: { 'GET /x': { integration: { type: 'HTTP_PROXY' } as never } } },
      'GATEWAY_INVALID_INTEGRATION_URI',
    ],
    [
      'a non-proxy HTTP integration on an HTTP API (AWS has none)',
      {
        apiType: 'HTTP',
        routes: { 'GET /x': { integration: { type: 'HTTP', uri: 'https://b.example', httpMethod: 'GET' } } },
      },
      'GATEWAY_UNSUPPORTED_INTEGRATION',
    ],
    [
      'a route naming an authorizer the API does not have',
      { routes: { 'GET /x': { integration: { type: 'AWS_PROXY', handler: h }, authorizer: 'Nope' } } },
      'GATEWAY_INVALID_ROUTE_AUTHORIZATION',
    ],
    [
      'a "cors" option (HTTP APIs call it corsConfiguration)',
      { routes: {}, cors: true } as GatewayOptions,
      'GATEWAY_MISPLACED_OPTION',
    ],
    [
      'a REST timeout above 29 000',
      { routes: { 'GET /x': { integration: { type: 'AWS_PROXY', handler: h, timeoutInMillis: 29_001 } } } },
      'GATEWAY_INVALID_TIMEOUT',
    ],
    [
      'a timeout below 50',
      { routes: { 'GET /x': { integration: { type: 'AWS_PROXY', handler: h, timeoutInMillis: 49 } } } },
      'GATEWAY_INVALID_TIMEOUT',
    ],
    [
      'an HTTP timeout above 30 000',
      {
        apiType: 'HTTP',
        routes: { 'GET /x': { integration: { type: 'AWS_PROXY', handler: h, timeoutInMillis: 30_001 } } },
      },
      'GATEWAY_INVALID_TIMEOUT',
    ],
    [
      'a raised REST timeout above 300 000',
      {
        allowRaisedIntegrationTimeout: true,
        routes: { 'GET /x': { integration: { type: 'AWS_PROXY', handler: h, timeoutInMillis: 300_001 } } },
      },
      'GATEWAY_INVALID_TIMEOUT',
    ],
    [
      'payload 2.0 on REST',
      {
        // Does not compile either (REST routes send payload 1.0 only), hence the cast.
        routes: { 'GET /x': { integration: { type: 'AWS_PROXY', handler: h, payloadFormatVersion: '2.0' } } },
      } as never,
      'GATEWAY_INVALID_PAYLOAD_FORMAT',
    ],
    [
      'MOCK on an HTTP API',
      { apiType: 'HTTP', routes: { 'GET /x': { integration: { type: 'MOCK' } } } },
      'GATEWAY_REST_ONLY',
    ],
    [
      'apiKeyRequired on an HTTP API',
      {
        apiType: 'HTTP',
        routes: { 'GET /x': { integration: { type: 'AWS_PROXY', handler: h }, apiKeyRequired: true } },
      },
      'GATEWAY_REST_ONLY',
    ],
    [
      'a function timeout above 900 s',
      { functionTimeoutMs: 900_001, routes: {} },
      'GATEWAY_INVALID_FUNCTION_TIMEOUT',
    ],
    ['an invalid stage name', { stage: { name: 'my stage' }, routes: {} }, 'GATEWAY_INVALID_STAGE'],
    [
      'an invalid stage variable value',
      { stage: { variables: { a: 'has space' } }, routes: {} },
      'GATEWAY_INVALID_STAGE_VARIABLES',
    ],
    [
      'a non-function handler',
      { routes: { 'GET /x': { integration: { type: 'AWS_PROXY', handler: 'index.handler' } as never } } },
      'GATEWAY_INVALID_HANDLER',
    ],
    [
      'route caching without a stage cache',
      {
        routes: {
          'GET /x': { integration: { type: 'AWS_PROXY', handler: h }, caching: { ttlInSeconds: 10 } },
        },
      },
      'GATEWAY_CACHE_NOT_ENABLED',
    ],
  ])('refuses %s', (_name, options, code) => {
    expect(codeOf(options)).toBe(code);
  });

  it('accepts a raised REST timeout up to 300 000 with allowRaisedIntegrationTimeout', () => {
    expect(
      codeOf({
        allowRaisedIntegrationTimeout: true,
        routes: { 'GET /x': { integration: { type: 'AWS_PROXY', handler: h, timeoutInMillis: 300_000 } } },
      }),
    ).toBe('NO_ERROR');
  });

  it('names the refused integration in the message', () => {
    expect(() =>
      createGateway({
        apiType: 'HTTP',
        routes: { 'GET /x': { integration: { type: 'AWS', uri: 'x', httpMethod: 'POST' } as never } },
      }),
    ).toThrow(/HTTP APIs have no non-proxy "AWS" integration/);
  });

  it('reports its settings and invoke URL', () => {
    const gateway = createGateway({ routes: { 'GET /x': h } });
    expect(gateway.info).toEqual({
      apiType: 'REST',
      stage: 'dev',
      apiId: 'abcd1234ef',
      region: 'us-east-1',
      accountId: '123456789012',
      baseUrl: 'https://abcd1234ef.execute-api.us-east-1.amazonaws.com/dev',
      routes: ['GET /x'],
    });
    expect(gateway.url('/pets')).toBe('https://abcd1234ef.execute-api.us-east-1.amazonaws.com/dev/pets');
  });
});
