import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway, type GatewayOptions, type LambdaHandler } from '../../src/gateway/index.js';
import { HOST } from './helpers.js';

interface Case {
  id: string;
  api_type: string;
  lambda_result: unknown;
  request: {
    method: string;
    path: string;
    headers: Record<string, string>;
    query: Record<string, string>;
    body: string | null;
  };
  expected: { status: number; headers: Record<string, string>; body: string | null; body_compare: string };
  expected_event_subset?: Record<string, unknown>;
  expected_event_headers_present?: string[];
  expected_event_headers_absent?: string[];
}

const cases: Case[] = JSON.parse(
  readFileSync(new URL('../fixtures/conformance/gateway-sample.json', import.meta.url), 'utf8'),
);

const API_KEY = 'conformance-key-0123456789';
const seen: APIGatewayProxyEvent[] = [];
/** "The test Lambda returns json.loads(event['body'])". */
const bodyEcho = async (event: APIGatewayProxyEvent) => JSON.parse(event.body ?? 'null');
// Recorded results include malformed ones on purpose: typed loosely (LambdaHandler) so that they compile.
const returns =
  (value: unknown): LambdaHandler =>
  async () =>
    value;
const eventEcho = async (event: APIGatewayProxyEvent) => {
  seen.push(event);
  return { statusCode: 200, body: JSON.stringify(event) };
};

/** The set-up each recorded scenario describes, as gateway options (stage name, routes, settings). */
const SETUPS: Record<string, (c: Case) => GatewayOptions> = {
  'rest-proxy-statuscode-only': () => ({ routes: { 'ANY /{proxy+}': bodyEcho } }),
  'rest-proxy-isbase64encoded-true-without-binary-media-types': () => ({
    routes: { 'ANY /{proxy+}': bodyEcho },
  }),
  'rest-proxy-multivalueheaders-non-list-502': () => ({ routes: { 'ANY /{proxy+}': bodyEcho } }),
  'rest-proxy-empty-object-result-200': (c) => ({ routes: { 'GET /{proxy+}': returns(c.lambda_result) } }),
  'rest-proxy-binary-left-wildcard-media-type-unsupported': (c) => ({
    binaryMediaTypes: ['image/png', '*/test'],
    routes: { 'ANY /{proxy+}': returns(c.lambda_result) },
  }),
  'rest-proxy-integration-http-method-not-post-500': () => ({
    routes: {
      'ANY /{proxy+}': { integration: { type: 'AWS_PROXY', httpMethod: 'GET', handler: returns({}) } },
    },
  }),
  'rest-reserved-request-headers-stripped': () => ({ routes: { 'GET /no-param': eventEcho } }),
  'rest-api-key-valid-200': () => ({
    apiKeys: [{ id: 'key1', value: API_KEY }],
    usagePlans: [
      {
        id: 'plan1',
        apiStages: [{ stage: 'dev' }],
        throttle: { rateLimit: 2, burstLimit: 1 },
        quota: { limit: 10, period: 'DAY' },
        keys: ['key1'],
      },
    ],
    routes: {
      'GET /test': {
        apiKeyRequired: true,
        integration: {
          type: 'MOCK',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: { '200': {} },
        },
      },
    },
  }),
  'rest-mock-responseoverride-status-without-response-template': () => ({
    routes: {
      'GET /': {
        integration: {
          type: 'MOCK',
          requestTemplates: {
            'application/json':
              '#set($context.responseOverride.status = 444)\n#set($context.responseOverride.header.foo = \'bar\')\n{"statusCode": 200}',
          },
          responses: { '200': {} },
        },
      },
    },
  }),
  // "returns something that is not a valid policy document (e.g. an HTTP-style {statusCode, body} object)".
  'rest-authorizer-error-500-null-message': () => ({
    authorizers: { Auth: { type: 'TOKEN', handler: returns({ statusCode: 200, body: 'ok' }) } },
    routes: {
      'GET /hello': { integration: { type: 'AWS_PROXY', handler: returns({}) }, authorizer: 'Auth' },
    },
  }),
  'rest-event-double-slash': () => ({ stage: { name: 'stage' }, routes: { 'ANY /{proxy+}': eventEcho } }),
  'rest-lambda-custom-response-template-status-override': (c) => ({
    routes: {
      'POST /test': {
        methodResponses: { '200': {}, '400': {} },
        integration: {
          type: 'AWS',
          handler: returns(c.lambda_result),
          integrationResponses: [
            {
              statusCode: '200',
              responseTemplates: {
                'application/json':
                  "#if($input.path('$').toString().contains('customerror'))#set($context.responseOverride.status = 400)#else#set($context.responseOverride.status = 202)#end$input.json('$')",
              },
            },
          ],
        },
      },
    },
  }),
  'rest-validation-missing-header-400': () => validationSetup(),
  'rest-validation-valid-request-passes': () => validationSetup(),
  'rest-event-non-proxy-resource-null-path-parameters': () => ({
    stage: { name: 'stage' },
    routes: { 'ANY /{proxy+}': eventEcho, 'GET /hardcoded': eventEcho },
  }),
};

/** Cases needing features this gateway version does not simulate (listed in docs/gateway.md). */
const OUT_OF_SCOPE: Record<string, string> = {};

/** "/nested/{test} GET+POST → Lambda proxy; validator (params + body); model requiring numbers a and b". */
function validationSetup(): GatewayOptions {
  const route = {
    integration: { type: 'AWS_PROXY' as const, handler: eventEcho },
    requestValidator: 'all',
    requestParameters: {
      'method.request.path.test': true,
      'method.request.querystring.qs1': true,
      'method.request.header.x-header-param': true,
    },
    requestModels: { 'application/json': 'TwoNumbers' },
  };
  return {
    models: {
      TwoNumbers: {
        schema: {
          type: 'object',
          required: ['a', 'b'],
          properties: { a: { type: 'number' }, b: { type: 'number' } },
        },
      },
    },
    requestValidators: { all: { validateRequestBody: true, validateRequestParameters: true } },
    routes: { 'GET /nested/{test}': route, 'POST /nested/{test}': route },
  };
}

describe('gateway conformance cases recorded on AWS (test/fixtures/conformance/gateway-sample.json)', () => {
  it('every recorded case is either run here or listed as out of scope', () => {
    expect(cases.map((c) => c.id).filter((id) => !SETUPS[id] && !OUT_OF_SCOPE[id])).toEqual([]);
  });

  it.each(cases.filter((c) => SETUPS[c.id]).map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const options = SETUPS[c.id]!(c);
    const gateway = createGateway({ clock: createManualClock(), ...options });
    const stage = options.stage?.name ?? 'dev';
    const query = new URLSearchParams(c.request.query).toString();
    const headers = { ...c.request.headers };
    if (headers['x-api-key'] === '<key value>') headers['x-api-key'] = API_KEY;
    seen.length = 0;
    const response = await gateway.fetch(`${HOST}/${stage}${c.request.path}${query ? `?${query}` : ''}`, {
      method: c.request.method,
      headers,
      ...(c.request.body === null ? {} : { body: c.request.body }),
    });
    expect(response).toHaveStatusCode(c.expected.status);
    for (const [name, value] of Object.entries(c.expected.headers))
      expect(response).toHaveHeader(name, value);
    const text = await response.text();
    if (c.expected.body_compare === 'exact') expect(text).toBe(c.expected.body);
    if (c.expected.body_compare === 'json') expect(JSON.parse(text)).toEqual(JSON.parse(c.expected.body!));
    const event = seen[0];
    if (c.expected_event_subset) expect(event).toMatchObject(c.expected_event_subset);
    for (const name of c.expected_event_headers_present ?? [])
      expect(Object.keys(event!.headers)).toContain(name);
    for (const name of c.expected_event_headers_absent ?? []) {
      expect(Object.keys(event!.headers).map((n) => n.toLowerCase())).not.toContain(name.toLowerCase());
    }
  });
});
