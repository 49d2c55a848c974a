// One refusal style: what the simulator does not simulate yet is GATEWAY_UNSUPPORTED_FEATURE wherever AWS puts the
// field; what AWS itself does not allow has its own code; options written at the wrong place say where they go.
import { describe, expect, it } from 'vitest';
import type { TestkitError } from '../../src/errors/index.js';
import { createGateway, type GatewayOptions } from '../../src/gateway/index.js';

const h = async () => ({ statusCode: 200 });

function errorOf(options: unknown): TestkitError {
  try {
    createGateway(options as GatewayOptions);
  } catch (error) {
    return error as TestkitError;
  }
  throw new Error('createGateway accepted the options');
}

describe('unsimulated AWS fields are refused with GATEWAY_UNSUPPORTED_FEATURE wherever AWS puts them', () => {
  it.each([
    ['the API', { minimumCompressionSize: 1024, routes: {} }, 'minimumCompressionSize', 'content encoding'],
    [
      'the stage (clientCertificateId)',
      { stage: { clientCertificateId: 'abc123' }, routes: {} },
      'stage.clientCertificateId',
      'client certificates for backend authentication',
    ],
    [
      'the stage (tracingEnabled)',
      { stage: { tracingEnabled: true }, routes: {} },
      'stage.tracingEnabled',
      'X-Ray tracing',
    ],
    [
      'an integration',
      {
        routes: {
          'GET /x': { integration: { type: 'AWS_PROXY', handler: h, responseTransferMode: 'STREAM' } },
        },
      },
      'routes["GET /x"].integration.responseTransferMode',
      'response streaming',
    ],
  ])('on %s, naming the path of the field', (_where, options, path, feature) => {
    const error = errorOf(options);
    expect(error.code).toBe('GATEWAY_UNSUPPORTED_FEATURE');
    expect(error.message).toContain(
      `createGateway: ${path} configures ${feature}, which this version of the gateway simulator does not simulate. Remove it`,
    );
    expect(error.details.refused).toEqual([{ path, option: path.split('.').pop(), feature }]);
  });

  it('lists every refused field of the configuration in one error, not only the first', () => {
    const error = errorOf({
      minimumCompressionSize: 0,
      stage: { clientCertificateId: 'abc123' },
      routes: {
        'GET /x': { integration: { type: 'AWS_PROXY', handler: h, responseTransferMode: 'STREAM' } },
        'GET /y': h,
      },
    });
    expect(error.code).toBe('GATEWAY_UNSUPPORTED_FEATURE');
    expect(error.message).toContain(
      'createGateway: 3 options configure features this version of the gateway simulator does not simulate: minimumCompressionSize (content encoding), stage.clientCertificateId (client certificates for backend authentication), routes["GET /x"].integration.responseTransferMode (response streaming). Remove them',
    );
    expect(error.details).toEqual({
      option: 'minimumCompressionSize',
      feature: 'content encoding',
      refused: [
        { path: 'minimumCompressionSize', option: 'minimumCompressionSize', feature: 'content encoding' },
        {
          path: 'stage.clientCertificateId',
          option: 'clientCertificateId',
          feature: 'client certificates for backend authentication',
        },
        {
          path: 'routes["GET /x"].integration.responseTransferMode',
          option: 'responseTransferMode',
          feature: 'response streaming',
        },
      ],
    });
  });

  it.each([
    ['content encoding', { minimumCompressionSize: 0, routes: {} }, 'uncompressed'],
    ['X-Ray tracing', { stage: { tracingEnabled: true }, routes: {} }, 'X-Amzn-Trace-Id'],
  ])('the hint for %s says what to do meanwhile', (_feature, options, words) => {
    expect(errorOf(options).hint).toContain(words);
  });

  it('a refusal hint never suggests the event builders for a feature they cannot test', () => {
    expect(errorOf({ stage: { clientCertificateId: 'abc123' }, routes: {} }).hint).not.toContain(
      'event builders',
    );
    expect(errorOf({ mutualTls: {}, routes: {} }).hint).toBe(
      'Remove it: the gateway refuses what it does not simulate rather than ignore it.',
    );
  });
});

describe('what AWS itself does not allow has a code of its own', () => {
  it('an HTTP API MOCK integration is GATEWAY_REST_ONLY (AWS has MOCK on REST APIs only), not "not simulated yet"', () => {
    const error = errorOf({ apiType: 'HTTP', routes: { 'GET /x': { integration: { type: 'MOCK' } } } });
    expect(error.code).toBe('GATEWAY_REST_ONLY');
    expect(error.message).toBe(
      `createGateway: routes["GET /x"].integration: HTTP APIs have no MOCK integration (AWS offers MOCK on REST APIs only). Use apiType: 'REST' for MOCK integrations, or a Lambda handler.`,
    );
  });

  it('an integration type AWS has but the simulator does not yet is GATEWAY_UNSUPPORTED_INTEGRATION (HTTP_PROXY on a WebSocket route)', () => {
    const error = errorOf({
      apiType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
      routes: { $default: { integration: { type: 'HTTP_PROXY', uri: 'https://example.com' } } },
    });
    expect(error.code).toBe('GATEWAY_UNSUPPORTED_INTEGRATION');
  });

  it.each([
    ['cors', 'corsConfiguration'],
    ['resourcePolicy', 'policy'],
  ])('an API option written %s says to write %s (GATEWAY_MISPLACED_OPTION)', (option, instead) => {
    const error = errorOf({ [option]: {}, routes: {} });
    expect(error.code).toBe('GATEWAY_MISPLACED_OPTION');
    expect(error.hint).toContain(instead);
  });
});

describe('options written at the wrong place say where they belong (GATEWAY_MISPLACED_OPTION)', () => {
  it('a route written { handler } suggests { integration: { type: "AWS_PROXY", handler } }', () => {
    const error = errorOf({ routes: { 'GET /x': { handler: h } } });
    expect(error.code).toBe('GATEWAY_MISPLACED_OPTION');
    expect(error.message).toBe(
      `createGateway: routes["GET /x"]: "handler" belongs to the route's integration, not to the route. Write { integration: { type: 'AWS_PROXY', handler } }, or give the handler function itself as the route.`,
    );
  });

  it.each([
    [
      { handler: h, timeoutInMillis: 5000 },
      `{ integration: { type: 'AWS_PROXY', handler, timeoutInMillis } }`,
    ],
    [{ type: 'MOCK', requestTemplates: {} }, '{ integration: { type, requestTemplates } }'],
    [
      { integration: { type: 'AWS_PROXY', handler: h }, timeoutInMillis: 5000 },
      `{ integration: { type: 'AWS_PROXY', handler, timeoutInMillis } }`,
    ],
  ])('route %o: the hint shows %s', (route, shown) => {
    const error = errorOf({ routes: { 'GET /x': route } });
    expect(error.code).toBe('GATEWAY_MISPLACED_OPTION');
    expect(error.hint).toContain(`Write ${shown}`);
  });

  it.each([
    ['cacheClusterEnabled', 'createGateway({ cache: { ttlInSeconds, cacheClusterSize } })'],
    ['methodSettings', 'routes[key].throttle'],
    ['accessLogSettings', 'createGateway({ accessLog:'],
    ['stageName', "stage: { name: 'prod' }"],
    ['defaultRouteSettings', 'throttle: { stage: { rateLimit, burstLimit } }'],
  ])('stage.%s (an AWS stage setting configured elsewhere here) points to %s', (key, where) => {
    const error = errorOf({ stage: { [key]: true }, routes: {} });
    expect(error.code).toBe('GATEWAY_MISPLACED_OPTION');
    expect(error.message).toContain(`createGateway: stage.${key} is an AWS stage setting`);
    expect(error.hint).toContain(where);
  });
});
