import { describe, expect, it } from 'vitest';
import { createGateway, type GatewayOptions } from '../../src/gateway/index.js';
import { HOST, wire } from './helpers.js';

const IDS = {
  'x-amzn-requestid': expect.any(String),
  'x-amz-apigw-id': expect.any(String),
  // AWS sends no X-Amzn-Trace-Id with a MOCK answer (LocalStack test_apigateway_common.snapshot.json).
};

function gatewayWith(route: Record<string, unknown>): ReturnType<typeof createGateway> {
  return createGateway({
    stage: { variables: { color: 'blue' } },
    routes: { 'GET /pets/{id}': route },
  } as unknown as GatewayOptions);
}
const get = (gw: ReturnType<typeof createGateway>, headers: Record<string, string> = {}) =>
  gw.fetch(`${HOST}/dev/pets/7?q=dog`, { headers }).then(wire);
const OK = { 'application/json': '{"statusCode": 200}' };

describe('MOCK method response: responseParameters (behaviour.md §4.6)', () => {
  const declared = {
    'method.response.header.X-Static': true,
    'method.response.header.X-Stage': true,
    'method.response.header.X-Request': false,
    'method.response.header.X-Body': false,
    'method.response.header.X-Missing': false,
  };
  const gw = gatewayWith({
    methodResponses: { '200': { responseParameters: declared } },
    integration: {
      type: 'MOCK',
      requestTemplates: OK,
      integrationResponses: [
        {
          statusCode: '200',
          responseParameters: {
            'method.response.header.X-Static': "'fixed, value'",
            'method.response.header.X-Stage': 'stageVariables.color',
            'method.response.header.X-Request': 'context.resourcePath',
            'method.response.header.X-Body': 'integration.response.body',
            'method.response.header.X-Missing': 'integration.response.header.x-nope',
          },
        },
      ],
    },
  });

  it("maps 'static', stageVariables.x and context.x; a MOCK has no integration body or headers, so those send nothing", async () => {
    expect(await get(gw)).toEqual({
      status: 200,
      headers: {
        'x-static': 'fixed, value',
        'x-stage': 'blue',
        'x-request': '/pets/{id}',
        'content-type': 'application/json',
        ...IDS,
      },
      body: '',
    });
  });

  it('mapping a header the method response does not declare is refused when the gateway is created', () => {
    expect(() =>
      gatewayWith({
        methodResponses: { '200': {} },
        integration: {
          type: 'MOCK',
          requestTemplates: OK,
          integrationResponses: [
            { statusCode: '200', responseParameters: { 'method.response.header.X-Id': "'1'" } },
          ],
        },
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'GATEWAY_INVALID_INTEGRATION',
        message: expect.stringContaining(
          'method.response.header.X-Id is not declared in method response 200',
        ),
      }),
    );
  });

  it('an integration response for a status with no method response is refused', () => {
    expect(() =>
      gatewayWith({
        methodResponses: { '200': {} },
        integration: { type: 'MOCK', integrationResponses: [{ statusCode: '404', selectionPattern: '404' }] },
      }),
    ).toThrow(expect.objectContaining({ code: 'GATEWAY_INVALID_INTEGRATION' }));
  });

  it('reserved headers mapped by responseParameters come back as x-amzn-Remapped-<Name>', async () => {
    const api = gatewayWith({
      methodResponses: { '200': { responseParameters: { 'method.response.header.Server': true } } },
      integration: {
        type: 'MOCK',
        requestTemplates: OK,
        integrationResponses: [
          { statusCode: '200', responseParameters: { 'method.response.header.Server': "'mock'" } },
        ],
      },
    });
    const w = await get(api);
    expect(w.headers['x-amzn-remapped-server']).toBe('mock');
    expect(w.headers.server).toBeUndefined();
  });
});

describe('MOCK method response: response templates (behaviour.md §4.4, §4.3)', () => {
  const gw = gatewayWith({
    methodResponses: { '200': {} },
    integration: {
      type: 'MOCK',
      requestTemplates: {
        'application/json': '#set($context.requestOverride.header.who = \'rex\'){"statusCode": 200}',
      },
      integrationResponses: [
        {
          statusCode: '200',
          responseTemplates: {
            'text/html': "<p>$input.params('id')</p>",
            'application/json':
              '{"id": "$input.params(\'id\')", "q": "$input.params(\'q\')", "body": "$input.body", "who": "$context.requestOverride.header.who"}',
          },
        },
      ],
    },
  });

  it('the template for the first Accept media type renders; its media type is the Content-Type', async () => {
    expect(await get(gw, { Accept: 'text/html, application/json' })).toEqual({
      status: 200,
      headers: { 'content-type': 'text/html', ...IDS },
      body: '<p>7</p>',
    });
  });

  it('$input.params() reads the method request, $input.body is the empty MOCK body ({}), requestOverride set by the request template is readable', async () => {
    expect(await get(gw)).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json', ...IDS },
      body: '{"id": "7", "q": "dog", "body": "{}", "who": "rex"}',
    });
  });

  it('an Accept with no template of its own falls back to application/json, even when not first', async () => {
    const w = await get(gw, { Accept: 'image/png' });
    expect([w.headers['content-type'], w.body.startsWith('{"id": "7"')]).toEqual(['application/json', true]);
  });

  it('without application/json the first declared template is used', async () => {
    const api = gatewayWith({
      methodResponses: { '200': {} },
      integration: {
        type: 'MOCK',
        requestTemplates: OK,
        integrationResponses: [
          { statusCode: '200', responseTemplates: { 'text/plain': 'one', 'text/csv': 'two' } },
        ],
      },
    });
    expect(await get(api, { Accept: 'application/xml' })).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain', ...IDS },
      body: 'one',
    });
  });

  it('a MOCK integration response without a response template returns no body [REC]', async () => {
    const api = gatewayWith({
      methodResponses: { '200': {} },
      integration: { type: 'MOCK', requestTemplates: OK, integrationResponses: [{ statusCode: '200' }] },
    });
    expect(await get(api)).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json', ...IDS },
      body: '',
    });
  });

  it('a response template that fails at render time is 500 {"message": "Internal server error"}', async () => {
    const api = gatewayWith({
      methodResponses: { '200': {} },
      integration: {
        type: 'MOCK',
        requestTemplates: OK,
        integrationResponses: [
          { statusCode: '200', responseTemplates: { 'application/json': '$util.parseJson("{")' } },
        ],
      },
    });
    const w = await get(api);
    expect([w.status, w.body, w.headers['x-amzn-errortype']]).toEqual([
      500,
      '{"message": "Internal server error"}',
      'InternalServerErrorException',
    ]);
  });
});

describe('MOCK overrides (behaviour.md §0 "Overrides", recorded)', () => {
  it('responseOverride set in the request template reaches the client with no response template and an undeclared status', async () => {
    const api = gatewayWith({
      methodResponses: { '200': {} },
      integration: {
        type: 'MOCK',
        requestTemplates: {
          'application/json':
            '#set($context.responseOverride.status = 444)\n#set($context.responseOverride.header.foo = \'bar\')\n{"statusCode": 200}',
        },
        integrationResponses: [{ statusCode: '200', selectionPattern: '2\\d{2}' }],
      },
    });
    expect(await get(api)).toEqual({
      status: 444,
      headers: { foo: 'bar', 'content-type': 'application/json', ...IDS },
      body: '',
    });
  });

  it('the response template reads the request template responseOverride and its own override wins; override headers replace mapped ones', async () => {
    const api = gatewayWith({
      methodResponses: { '200': { responseParameters: { 'method.response.header.foo': true } } },
      integration: {
        type: 'MOCK',
        requestTemplates: {
          'application/json':
            '#set($context.responseOverride.status = 444)#set($context.responseOverride.header.foo = \'bar\'){"statusCode": 200}',
        },
        integrationResponses: [
          {
            statusCode: '200',
            responseParameters: { 'method.response.header.foo': "'mapped'" },
            responseTemplates: {
              'application/json':
                '{"seen": "$context.responseOverride.status $context.responseOverride.header.foo"}#set($context.responseOverride.status = 201)',
            },
          },
        ],
      },
    });
    expect(await get(api)).toEqual({
      status: 201,
      headers: { foo: 'bar', 'content-type': 'application/json', ...IDS },
      body: '{"seen": "444 bar"}',
    });
  });

  it('a status override outside 100–599 is ignored', async () => {
    const api = gatewayWith({
      methodResponses: { '200': {} },
      integration: {
        type: 'MOCK',
        requestTemplates: {
          'application/json': '#set($context.responseOverride.status = 99){"statusCode": 200}',
        },
        integrationResponses: [{ statusCode: '200' }],
      },
    });
    expect((await get(api)).status).toBe(200);
  });
});
