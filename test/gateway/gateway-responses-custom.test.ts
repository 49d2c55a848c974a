import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway, type GatewayOptions } from '../../src/gateway/index.js';
import { HOST, wire } from './helpers.js';

const handler = async () => ({ statusCode: 200, body: 'ok' });
const fail = async () => {
  throw new Error('boom');
};

function gateway(gatewayResponses: GatewayOptions['gatewayResponses'], extra: Partial<GatewayOptions> = {}) {
  return createGateway({
    clock: createManualClock(),
    stage: { name: 'dev', variables: { env: 'test' } },
    ...(gatewayResponses ? { gatewayResponses } : {}),
    routes: { 'GET /pets': handler, 'GET /boom': fail },
    ...extra,
  });
}

describe('customised gateway responses (behaviour.md §5)', () => {
  it("'rest-gwresp-bad-request-body-validation-error-string': a BAD_REQUEST_BODY template shows $context.error.validationErrorString", async () => {
    const cases = JSON.parse(
      readFileSync(new URL('../fixtures/conformance/gateway-sample-2.json', import.meta.url), 'utf8'),
    );
    const c = cases.find(
      (x: { id: string }) => x.id === 'rest-gwresp-bad-request-body-validation-error-string',
    );
    const g = createGateway({
      models: {
        Cliente: {
          schema: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } },
        },
      },
      requestValidators: { body: { validateRequestBody: true } },
      gatewayResponses: {
        BAD_REQUEST_BODY: {
          responseTemplates: {
            'application/json':
              '{"message": "Solicitud invalida", "detalle": "$context.error.validationErrorString"}',
          },
        },
      },
      routes: {
        'POST /clientes': {
          integration: { type: 'AWS_PROXY', handler },
          requestValidator: 'body',
          requestModels: { 'application/json': 'Cliente' },
        },
      },
    });
    const response = await g.fetch(`${HOST}/dev${c.request.path}`, {
      method: 'POST',
      headers: c.request.headers,
      body: c.request.body,
    });
    expect(response.status).toBe(c.expected.status);
    expect(JSON.parse(await response.text())).toEqual(JSON.parse(c.expected.body));
  });

  it('the default BAD_REQUEST_BODY response never shows the detail', async () => {
    const g = createGateway({
      models: { M: { schema: { type: 'object', required: ['email'] } } },
      requestValidators: { body: { validateRequestBody: true } },
      routes: {
        'POST /x': {
          integration: { type: 'AWS_PROXY', handler },
          requestValidator: 'body',
          requestModels: { 'application/json': 'M' },
        },
      },
    });
    expect(await (await g.fetch(`${HOST}/dev/x`, { method: 'POST', body: '{}' })).text()).toBe(
      '{"message":"Invalid request body"}',
    );
  });

  it('a customised type wins: status, mapped headers and template; x-amzn-ErrorType and the ids are kept', async () => {
    const g = gateway({
      MISSING_AUTHENTICATION_TOKEN: {
        statusCode: 404,
        responseParameters: {
          'gatewayresponse.header.X-Env': 'stageVariables.env',
          'gatewayresponse.header.X-Req': 'context.requestId',
          'gatewayresponse.header.X-Static': "'yes'",
          'gatewayresponse.header.X-Agent': 'method.request.header.User-Agent',
        },
        responseTemplates: {
          'application/json':
            '{"error": $context.error.messageString, "type": "$context.error.responseType", "path": "$context.path"}',
        },
      },
    });
    const { response, trace } = await g.handle(`${HOST}/dev/nope`, { headers: { 'User-Agent': 'ua/1' } });
    const seen = await wire(response);
    expect(seen.status).toBe(404);
    expect(seen.body).toBe(
      '{"error": "Missing Authentication Token", "type": "MISSING_AUTHENTICATION_TOKEN", "path": "/dev/nope"}',
    );
    expect(seen.headers).toMatchObject({
      'content-type': 'application/json',
      'x-env': 'test',
      'x-req': trace.requestId,
      'x-static': 'yes',
      'x-agent': 'ua/1',
      'x-amzn-errortype': 'MissingAuthenticationTokenException',
      'x-amzn-requestid': trace.requestId,
    });
    expect(trace.gatewayResponse?.reason).toBe('customised by gatewayResponses.MISSING_AUTHENTICATION_TOKEN');
  });

  it.each([
    [
      'a 4xx type falls back to DEFAULT_4XX, whose status replaces the type status',
      '/dev/nope',
      418,
      '{"d4": "Missing Authentication Token"}',
    ],
    [
      'a 5xx type falls back to DEFAULT_5XX (messageString keeps the leading space of the 5xx message)',
      '/dev/boom',
      599,
      '{"d5": "Internal server error", "s":  "Internal server error"}',
    ],
  ])('%s', async (_name, path, status, body) => {
    const g = gateway({
      DEFAULT_4XX: {
        statusCode: 418,
        responseTemplates: { 'application/json': '{"d4": "$context.error.message"}' },
      },
      DEFAULT_5XX: {
        statusCode: 599,
        responseTemplates: {
          'application/json': '{"d5": "$context.error.message", "s": $context.error.messageString}',
        },
      },
    });
    const response = await g.fetch(`${HOST}${path}`);
    expect(await wire(response)).toMatchObject({ status, body });
  });

  it('the exact type beats DEFAULT_4XX, and keeps its own status when it sets none', async () => {
    const g = gateway({
      DEFAULT_4XX: { statusCode: 418 },
      MISSING_AUTHENTICATION_TOKEN: { responseTemplates: { 'application/json': 'custom' } },
    });
    expect(await wire(await g.fetch(`${HOST}/dev/nope`))).toMatchObject({ status: 403, body: 'custom' });
  });

  it('without a customisation the built-in response is byte-exact as before', async () => {
    const g = gateway({ THROTTLED: { statusCode: 503 } });
    expect(await wire(await g.fetch(`${HOST}/dev/nope`))).toMatchObject({
      status: 403,
      body: '{"message":"Missing Authentication Token"}',
    });
  });

  it('every gateway error goes through it: throttling, timeouts, the unknown stage', async () => {
    const clock = createManualClock();
    const g = createGateway({
      clock,
      throttle: { stage: { rateLimit: 0, burstLimit: 0 } },
      gatewayResponses: {
        DEFAULT_4XX: { responseTemplates: { 'application/json': '4xx:$context.error.responseType' } },
      },
      routes: { 'GET /pets': handler },
    });
    expect(await (await g.fetch(`${HOST}/dev/pets`)).text()).toBe('4xx:THROTTLED');
    expect(await (await g.fetch(`${HOST}/prod/pets`)).text()).toBe('4xx:DEFAULT_4XX');
  });

  it('the template is chosen by Accept, and its media type is the Content-Type', async () => {
    const g = gateway({
      DEFAULT_4XX: {
        responseTemplates: { 'application/json': '{}', 'text/html': '<p>$context.error.message</p>' },
      },
    });
    const response = await g.fetch(`${HOST}/dev/nope`, { headers: { Accept: 'text/html' } });
    expect(await wire(response)).toMatchObject({
      body: '<p>Missing Authentication Token</p>',
      headers: { 'content-type': 'text/html' },
    });
  });

  it('templates are plain substitution, not VTL: directives stay as text', async () => {
    const g = gateway({
      DEFAULT_4XX: { responseTemplates: { 'application/json': '#if(true)x#end $stageVariables.env' } },
    });
    expect(await (await g.fetch(`${HOST}/dev/nope`)).text()).toBe('#if(true)x#end test');
  });

  it('the front end 413 is never customised', async () => {
    const g = gateway({ DEFAULT_4XX: { statusCode: 400 } }, { routes: { 'POST /pets': handler } });
    const response = await g.fetch(`${HOST}/dev/pets`, { method: 'POST', body: 'x'.repeat(10_485_761) });
    expect(response.status).toBe(413);
  });

  it.each([
    ['an unknown type', { NOPE: {} }],
    ['a status outside 100–599', { DEFAULT_4XX: { statusCode: 700 } }],
    [
      'a key other than gatewayresponse.header.<Name>',
      { DEFAULT_4XX: { responseParameters: { 'method.response.header.X': "'a'" } } },
    ],
    [
      'a body source',
      { DEFAULT_4XX: { responseParameters: { 'gatewayresponse.header.X': 'method.request.body' } } },
    ],
    ['a non-string template', { DEFAULT_4XX: { responseTemplates: { 'application/json': 1 } } }],
  ])('refuses %s at createGateway', (_name, gatewayResponses) => {
    expect(() => gateway(gatewayResponses as never)).toThrow(
      expect.objectContaining({
        code: expect.stringMatching(
          /^GATEWAY_INVALID_(GATEWAY_RESPONSE|PARAMETER_MAPPING)$|^UNKNOWN_OPTION$/,
        ),
      }),
    );
  });

  it('HTTP APIs have no gateway responses', () => {
    expect(() => createGateway({ apiType: 'HTTP', gatewayResponses: {}, routes: {} })).toThrow(
      expect.objectContaining({ code: 'GATEWAY_REST_ONLY' }),
    );
  });
});
