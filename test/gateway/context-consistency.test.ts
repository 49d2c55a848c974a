// One request, two $context builders: the access log (per-name lookup on the hot path) and mapping templates
// (the VTL $context map) must print the same value for every variable both know (behaviour.md §12.2, §12.4).
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway } from '../../src/gateway/index.js';
import { HOST } from './helpers.js';

/** An authorizer answer allowing `methodArn` for user-7, with a context value. */
const allowWithTier = (methodArn: string) => ({
  principalId: 'user-7',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: methodArn }],
  },
  context: { tier: 2 },
});

const SHARED = [
  'accountId',
  'apiId',
  'domainName',
  'extendedRequestId',
  'httpMethod',
  'identity.sourceIp',
  'identity.userAgent',
  'identity.apiKey',
  'identity.apiKeyId',
  'path',
  'protocol',
  'requestId',
  'requestTime',
  'requestTimeEpoch',
  'resourceId',
  'resourcePath',
  'stage',
  'authorizer.principalId',
  'authorizer.tier',
];

describe('$context in access logs and in mapping templates agree', () => {
  it.each([
    ['no X-Forwarded-For, no User-Agent', {}],
    [
      'X-Forwarded-For and User-Agent',
      { 'X-Forwarded-For': '198.51.100.7, 10.0.0.1', 'User-Agent': 'curl/8' },
    ],
  ])('REST, %s: every shared variable prints the same in both', async (_case, headers) => {
    const template = SHARED.map((name) => `$context.${name}`).join('|');
    const gateway = createGateway({
      clock: createManualClock({ start: Date.UTC(2024, 0, 1) }),
      apiKeys: [{ id: 'k1', value: 'key-0123456789abcdefghij' }],
      usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev' }], keys: ['k1'] }],
      authorizers: {
        A: {
          type: 'TOKEN',
          handler: async (event) => allowWithTier(event.methodArn),
        },
      },
      accessLog: { format: template.replaceAll('|', ' |') },
      routes: {
        'GET /pets/{id}': {
          authorizer: 'A',
          apiKeyRequired: true,
          methodResponses: { '200': {} },
          integration: {
            type: 'MOCK',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            integrationResponses: [
              { statusCode: '200', responseTemplates: { 'application/json': template } },
            ],
          },
        },
      },
    });
    const response = await gateway.fetch(`${HOST}/dev/pets/7`, {
      headers: { Authorization: 'Bearer t', 'x-api-key': 'key-0123456789abcdefghij', ...headers },
    });
    const fromTemplate = (await response.text()).split('|');
    // An absent value is `-` in an access log and empty text in a template.
    const fromLog = gateway.accessLog[0]!.split(' |').map((value) => (value === '-' ? '' : value));
    expect(Object.fromEntries(SHARED.map((name, i) => [name, fromLog[i]]))).toEqual(
      Object.fromEntries(SHARED.map((name, i) => [name, fromTemplate[i]])),
    );
  });
});

describe('WebSocket $context in access logs and in mapping templates agree', () => {
  it('a message on a connection a $connect authorizer allowed: every shared variable prints the same in both', async () => {
    const names = [
      'apiId',
      'connectionId',
      'connectedAt',
      'domainName',
      'eventType',
      'messageId',
      'routeKey',
      'requestId',
      'extendedRequestId',
      'requestTime',
      'requestTimeEpoch',
      'stage',
      'identity.sourceIp',
      'identity.userAgent',
      'authorizer.principalId',
      'authorizer.tier',
    ];
    const template = names.map((name) => `$context.${name}`).join('|');
    const gateway = createGateway({
      apiType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
      clock: createManualClock({ start: Date.UTC(2024, 0, 1) }),
      authorizers: {
        A: {
          type: 'REQUEST',
          handler: async (event) => allowWithTier(event.methodArn),
        },
      },
      accessLog: { format: template.replaceAll('|', ' |') },
      routes: {
        $connect: {
          authorizer: 'A',
          integration: { type: 'MOCK', requestTemplates: { $default: '{"statusCode": 200}' } },
        },
        echo: {
          routeResponseSelectionExpression: '$default',
          integration: {
            type: 'MOCK',
            requestTemplates: { $default: '{"statusCode": 200}' },
            templateSelectionExpression: '\\$default',
            integrationResponses: { $default: { responseTemplates: { $default: template } } },
          },
        },
      },
    });
    const client = await gateway.connect({ headers: { 'User-Agent': 'wscat/6' }, sourceIp: '198.51.100.7' });
    await client.send('{"action":"echo"}');
    const fromTemplate = String(await client.nextMessage()).split('|');
    await gateway.close();
    const fromLog = gateway.accessLog[1]!.split(' |').map((value) => (value === '-' ? '' : value));
    expect(Object.fromEntries(names.map((name, i) => [name, fromLog[i]]))).toEqual(
      Object.fromEntries(names.map((name, i) => [name, fromTemplate[i]])),
    );
  });
});
