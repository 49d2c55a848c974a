import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type GatewayOptions } from '../../../src/gateway/index.js';
import type { AwsServiceCall } from '../../../src/gateway/integrations/aws/types.js';
import { HOST, wire } from '../helpers.js';
import { echoReply, startBackend } from './servers.js';

let backend: Awaited<ReturnType<typeof startBackend>>;
beforeAll(async () => {
  backend = await startBackend(echoReply);
});
afterAll(() => backend.close());

const http = (integration: Record<string, unknown>, route: Record<string, unknown> = {}): GatewayOptions => ({
  stage: { name: 'dev', variables: { region: 'eu' } },
  routes: {
    'POST /orders/{id}': {
      methodResponses: { '200': {} },
      ...route,
      integration: {
        type: 'HTTP',
        uri: `${backend.url}/orders/{orderId}`,
        httpMethod: 'POST',
        integrationResponses: [{ statusCode: '200' }],
        ...integration,
      },
    },
  },
});

describe('request parameter mapping (behaviour.md §4.6)', () => {
  it.each([
    ['method.request.path.id', '/orders/42', 'path'],
    ["'static'", 'static', 'header'],
    ['method.request.querystring.q', 'two', 'header'],
    ['method.request.multivaluequerystring.q', 'one,two', 'header'],
    ['method.request.header.X-In', 'in', 'header'],
    ['method.request.body.customer.name', 'Ana', 'header'],
    ['stageVariables.region', 'eu', 'header'],
    ['context.httpMethod', 'POST', 'header'],
  ])('%s maps into the integration request', async (source, expected, where) => {
    const g = createGateway(
      http(
        {
          requestParameters: {
            'integration.request.path.orderId': 'method.request.path.id',
            ...(where === 'header' ? { 'integration.request.header.X-Out': source } : {}),
          },
        },
        { requestParameters: { 'method.request.querystring.q': false, 'method.request.header.X-In': false } },
      ),
    );
    await g.fetch(`${HOST}/dev/orders/42?q=one&q=two`, {
      method: 'POST',
      headers: { 'X-In': 'in' },
      body: '{"customer": {"name": "Ana"}}',
    });
    const seen = backend.seen.at(-1)!;
    expect(where === 'path' ? seen.path : seen.headers['x-out']).toBe(expected);
  });

  it.each(['Content-Length', 'Transfer-Encoding'])(
    'mapping integration.request.header.%s is accepted at deploy but answers 500 at call time (recorded)',
    async (name) => {
      const g = createGateway(http({ requestParameters: { [`integration.request.header.${name}`]: "'5'" } }));
      const { response, trace } = await g.handle(`${HOST}/dev/orders/1`, { method: 'POST', body: '{}' });
      expect(await wire(response)).toMatchObject({
        status: 500,
        body: '{"message": "Internal server error"}',
      });
      expect(trace.steps.at(-1)?.detail).toContain(`${name} header cannot be mapped`);
    },
  );

  it.each([
    ['an undeclared query parameter', { 'integration.request.header.X': 'method.request.querystring.nope' }],
    ['a path variable the resource lacks', { 'integration.request.path.x': 'method.request.path.nope' }],
    ['an unknown source', { 'integration.request.header.X': 'request.header.x' }],
    ['a bad target', { 'integration.response.header.X': "'a'" }],
  ])('refuses %s at createGateway naming the route', (_name, requestParameters) => {
    expect(() => createGateway(http({ requestParameters }))).toThrow(
      expect.objectContaining({
        code: 'GATEWAY_INVALID_PARAMETER_MAPPING',
        message: expect.stringContaining('routes["POST /orders/{id}"].integration'),
      }),
    );
  });
});

describe('$context.requestOverride / responseOverride for HTTP and AWS integrations', () => {
  it('a request template overrides headers, query and path of the HTTP call; a response template overrides the status', async () => {
    const g = createGateway(
      http({
        requestTemplates: {
          'application/json':
            '#set($context.requestOverride.header.X-Over = "h")#set($context.requestOverride.querystring.page = "3")#set($context.requestOverride.path.orderId = "overridden"){"k": 1}',
        },
        integrationResponses: [
          {
            statusCode: '200',
            responseTemplates: {
              'application/json':
                '#set($context.responseOverride.status = 418)#set($context.responseOverride.header.X-R = "r")$input.path(\'$.path\')',
            },
          },
        ],
      }),
    );
    const response = await g.fetch(`${HOST}/dev/orders/1`, { method: 'POST', body: '{}' });
    const seen = backend.seen.at(-1)!;
    expect(seen.path).toBe('/orders/overridden');
    expect(seen.query).toEqual({ page: '3' });
    expect(seen.headers['x-over']).toBe('h');
    expect(seen.body.toString()).toBe('{"k": 1}');
    expect(await wire(response)).toMatchObject({
      status: 418,
      body: '/orders/overridden',
      headers: { 'x-r': 'r' },
    });
  });

  it('an AWS service call sees requestOverride headers (X-Amz-Target set by the template, recorded for SQS)', async () => {
    const calls: AwsServiceCall[] = [];
    const g = createGateway({
      services: {
        sqs: (c) => {
          calls.push(c);
          return { statusCode: 200, body: '{}' };
        },
      },
      routes: {
        'POST /q': {
          methodResponses: { '200': {} },
          integration: {
            type: 'AWS',
            uri: 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/q',
            httpMethod: 'POST',
            requestTemplates: {
              'application/json':
                '#set($context.requestOverride.header.X-Amz-Target = "AmazonSQS.SendMessage"){"QueueUrl": "q"}',
            },
            integrationResponses: [{ statusCode: '200' }],
          },
        },
      },
    });
    await g.fetch(`${HOST}/dev/q`, { method: 'POST', body: '{}' });
    expect(calls[0]!.headers['X-Amz-Target']).toBe('AmazonSQS.SendMessage');
  });
});

describe('binary contentHandling on integration responses (behaviour.md §4.8)', () => {
  const s3 = (
    contentHandling?: 'CONVERT_TO_TEXT' | 'CONVERT_TO_BINARY',
    body: string | Uint8Array = new Uint8Array([0xff, 0x00, 0x41]),
  ) =>
    createGateway({
      binaryMediaTypes: ['application/octet-stream'],
      services: {
        s3: () => ({ statusCode: 200, headers: { 'Content-Type': 'application/octet-stream' }, body }),
      },
      routes: {
        'GET /o': {
          methodResponses: { '200': {} },
          integration: {
            type: 'AWS',
            uri: 'arn:aws:apigateway:us-east-1:s3:path/b/o',
            httpMethod: 'GET',
            integrationResponses: [{ statusCode: '200', ...(contentHandling ? { contentHandling } : {}) }],
          },
        },
      },
    });

  it('CONVERT_TO_TEXT sends binary bytes as their base64 text', async () => {
    expect(
      await (
        await s3('CONVERT_TO_TEXT').fetch(`${HOST}/dev/o`, {
          headers: { Accept: 'application/octet-stream' },
        })
      ).text(),
    ).toBe('/wBB');
  });
  it('CONVERT_TO_BINARY decodes base64 text into bytes', async () => {
    const response = await s3('CONVERT_TO_BINARY', 'aGVsbG8=').fetch(`${HOST}/dev/o`);
    expect(await response.text()).toBe('hello');
  });
  it('unset: bytes pass through when the first Accept type is a binary media type', async () => {
    const response = await s3().fetch(`${HOST}/dev/o`, { headers: { Accept: 'application/octet-stream' } });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0xff, 0x00, 0x41]));
  });
  it('unset: otherwise the bytes are read as text (invalid UTF-8 becomes U+FFFD)', async () => {
    expect(await (await s3().fetch(`${HOST}/dev/o`)).text()).toBe('\uFFFD\u0000A');
  });
  it('CONVERT_TO_BINARY of text that is not base64 is a 500', async () => {
    expect((await s3('CONVERT_TO_BINARY', 'not base64!').fetch(`${HOST}/dev/o`)).status).toBe(500);
  });
});

describe('execution log (trace.executionLog, AWS wording and order)', () => {
  it('shows method request, endpoint request after transformations, endpoint response, method response, completion', async () => {
    const g = createGateway(
      http({
        requestParameters: { 'integration.request.path.orderId': 'method.request.path.id' },
        requestTemplates: { 'application/json': '{"order": "$input.params(\'id\')"}' },
      }),
    );
    const { trace } = await g.handle(`${HOST}/dev/orders/9?x=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    const log = trace.executionLog!;
    const starts = [
      'Extended Request Id: ',
      'Starting execution for request: ',
      'HTTP Method: POST, Resource Path: /orders/9',
      'Method request path: {id=9}',
      'Method request query string: {x=1}',
      'Method request headers: {Content-Type=application/json}',
      'Method request body before transformations: {}',
      `Endpoint request URI: ${backend.url}/orders/9`,
      'Endpoint request headers: {x-amzn-apigateway-api-id=abcd1234ef, Accept=application/json, User-Agent=AmazonAPIGateway_abcd1234ef, X-Amzn-Trace-Id=Root=',
      'Endpoint request body after transformations: {"order": "9"}',
      `Sending request to ${backend.url}/orders/9`,
      'Received response. Status: 200, Integration latency: ',
      'Endpoint response headers: {',
      'Endpoint response body before transformations: {"args":{}',
      'Method response body after transformations: {"args":{}',
      'Method response headers: {Content-Type=application/json}',
      'Successfully completed execution',
      'Method completed with status: 200',
    ];
    expect(log).toHaveLength(starts.length);
    expect(log.map((line, i) => line.startsWith(starts[i]!))).toEqual(starts.map(() => true));
  });

  it('cuts events at 1 024 bytes with [TRUNCATED]', async () => {
    const g = createGateway(http({}));
    const { trace } = await g.handle(`${HOST}/dev/orders/9`, { method: 'POST', body: 'x'.repeat(5000) });
    const line = trace.executionLog!.find((l) => l.startsWith('Method request body'))!;
    expect(line.endsWith(' [TRUNCATED]')).toBe(true);
    expect(Buffer.byteLength(line)).toBe(1024 + ' [TRUNCATED]'.length);
  });

  it('a request that matched no route logs only its completion', async () => {
    const g = createGateway(http({}));
    await g.fetch(`${HOST}/dev/orders/9`, { method: 'POST', body: '{}' });
    const { trace } = await g.handle(`${HOST}/dev/nope`);
    expect(trace.executionLog).toEqual(['Method completed with status: 403']);
  });
});

describe('execution log of a Lambda proxy request', () => {
  it('shows the Lambda invocation URI, the event after transformations and the result', async () => {
    const g = createGateway({ routes: { 'GET /pets': async () => ({ statusCode: 200, body: 'ok' }) } });
    const { trace } = await g.handle(`${HOST}/dev/pets`);
    const log = trace.executionLog!;
    expect(log).toContain(
      'Sending request to https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:rest-GET-pets/invocations',
    );
    expect(
      log.find((l) => l.startsWith('Endpoint request body after transformations: {"resource":"/pets"')),
    ).toBeDefined();
    expect(log).toContain('Endpoint response body before transformations: {"statusCode":200,"body":"ok"}');
    expect(log.slice(-3)).toEqual([
      'Method response body after transformations: ok',
      'Successfully completed execution',
      'Method completed with status: 200',
    ]);
  });
});
