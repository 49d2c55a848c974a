import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { buildProxyEventV1 } from '../../src/events/index.js';
import { createGateway } from '../../src/gateway/index.js';
import { echoHandler, HOST, wire } from './helpers.js';

const INTERNAL = '{"message": "Internal server error"}';

describe('Lambda proxy integration, REST (behaviour.md §1.1, §3.1)', () => {
  it('sends the handler exactly the event buildProxyEventV1 builds for the same request', async () => {
    const handler = echoHandler();
    const gateway = createGateway({
      routes: { 'GET /pets/{id}': handler },
      stage: { variables: { table: 'pets' } },
    });
    const { trace } = await gateway.handle(`${HOST}/dev/pets/7?a=1&a=2`, {
      headers: { 'User-Agent': 'curl/8.0', 'X-Custom': 'x' },
    });
    const sent = handler.events[0]!;
    const expected = buildProxyEventV1({
      method: 'GET',
      resource: '/pets/{id}',
      path: '/pets/7?a=1&a=2',
      headers: [
        ['User-Agent', 'curl/8.0'],
        ['X-Custom', 'x'],
        ['Host', 'abcd1234ef.execute-api.us-east-1.amazonaws.com'],
        ['X-Amzn-Trace-Id', sent.headers['X-Amzn-Trace-Id']!],
      ],
      stageVariables: { table: 'pets' },
      requestId: sent.requestContext.requestId,
      extendedRequestId: sent.requestContext.extendedRequestId!,
      resourceId: sent.requestContext.resourceId,
      deploymentId: (sent.requestContext as { deploymentId?: string }).deploymentId!,
      time: sent.requestContext.requestTimeEpoch,
    });
    expect(sent).toEqual(expected);
    expect(trace.event).toEqual(expected);
    expect(sent.pathParameters).toEqual({ id: '7' });
    expect(sent.queryStringParameters).toEqual({ a: '2' });
    expect(sent.requestContext.path).toBe('/dev/pets/7');
  });

  it('returns the x-amzn-RequestId, x-amz-apigw-id and X-Amzn-Trace-Id of the event on the response', async () => {
    const handler = echoHandler();
    const gateway = createGateway({ routes: { 'GET /x': handler } });
    const response = await gateway.fetch(`${HOST}/dev/x`);
    const event = handler.events[0]!;
    expect(response).toHaveHeader('x-amzn-RequestId', event.requestContext.requestId);
    expect(response).toHaveHeader('x-amz-apigw-id', event.requestContext.extendedRequestId!);
    expect(response).toHaveHeader('X-Amzn-Trace-Id', event.headers['X-Amzn-Trace-Id']!);
    expect(response).toHaveHeader('Content-Type', 'application/json');
  });

  it('keeps handler module state between invocations, like a warm Lambda', async () => {
    let count = 0;
    const gateway = createGateway({
      routes: { 'POST /count': async () => ({ statusCode: 200, body: String(++count) }) },
    });
    await gateway.fetch(`${HOST}/dev/count`, { method: 'POST' });
    const second = await gateway.fetch(`${HOST}/dev/count`, { method: 'POST' });
    expect(await second.text()).toBe('2');
  });

  it('supports callback-style handlers (event, context, callback)', async () => {
    const gateway = createGateway({
      routes: {
        'GET /cb': (_event, _context, callback) => {
          setTimeout(() => callback(null, { statusCode: 201, body: 'later' }), 1);
        },
      },
    });
    const response = await gateway.fetch(`${HOST}/dev/cb`);
    expect(response).toHaveStatusCode(201);
    expect(await response.text()).toBe('later');
  });

  it.each([
    [
      'throws',
      () => {
        throw new TypeError('boom');
      },
      'TypeError',
      'boom',
    ],
    [
      'rejects',
      async () => {
        throw new RangeError('nope');
      },
      'RangeError',
      'nope',
    ],
    [
      'passes an error to the callback',
      (_e: unknown, _c: unknown, cb: (e: unknown) => void) => cb('bad'),
      'string',
      'bad',
    ],
  ])(
    'answers 502 {"message": "Internal server error"} when the handler %s, with the Lambda error in the trace',
    async (_name, handler, errorType, errorMessage) => {
      const gateway = createGateway({ routes: { 'GET /x': handler as never } });
      const { response, trace } = await gateway.handle(`${HOST}/dev/x`);
      const w = await wire(response);
      expect(w.status).toBe(502);
      expect(w.body).toBe(INTERNAL);
      expect(w.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
      expect(w.headers['content-type']).toBe('application/json');
      expect(trace.invocation).toMatchObject({ kind: 'error', error: { errorType, errorMessage } });
      expect(trace.gatewayResponse?.failure).toBe('LAMBDA_FAILURE');
    },
  );

  it('answers 502 for a malformed result and explains the issue in the trace', async () => {
    const gateway = createGateway({ routes: { 'GET /x': async () => ({ statusCode: 200, wrongValue: 1 }) } });
    const { response, trace } = await gateway.handle(`${HOST}/dev/x`);
    expect(response).toHaveStatusCode(502);
    expect(await response.text()).toBe(INTERNAL);
    expect(trace.proxyResult?.ok).toBe(false);
    expect(trace.proxyResult?.issues.map((i) => i.code)).toEqual(['UNKNOWN_KEY']);
    expect(trace.steps.at(-1)?.detail).toContain('Malformed Lambda proxy response');
  });

  it('treats a synchronous return without a callback as the runtime does: null, hence 502', async () => {
    const gateway = createGateway({
      routes: { 'GET /x': ((_event: APIGatewayProxyEvent) => ({ statusCode: 200 })) as never },
    });
    const { response, trace } = await gateway.handle(`${HOST}/dev/x`);
    expect(response).toHaveStatusCode(502);
    expect(trace.invocation).toMatchObject({ kind: 'result', value: null });
    expect(trace.steps.find((s) => s.stage === 'integration')?.detail).toContain('responds null');
  });

  it('answers 500 {"message": "Internal server error"} when the AWS_PROXY integration method is not POST', async () => {
    let called = false;
    const gateway = createGateway({
      routes: {
        'ANY /{proxy+}': {
          integration: {
            type: 'AWS_PROXY',
            httpMethod: 'GET',
            handler: async () => {
              called = true;
              return {};
            },
          },
        },
      },
    });
    const w = await wire(await gateway.fetch(`${HOST}/dev/test-path`));
    expect(w.status).toBe(500);
    expect(w.body).toBe(INTERNAL);
    expect(called).toBe(false);
  });

  it('the context has a real countdown from the function timeout on the gateway clock', async () => {
    let remaining = -1;
    const gateway = createGateway({
      functionTimeoutMs: 6_000,
      routes: {
        'GET /x': async (_e: unknown, context: Context) => {
          remaining = context.getRemainingTimeInMillis();
          return {};
        },
      },
    });
    await gateway.fetch(`${HOST}/dev/x`);
    expect(remaining).toBeGreaterThan(5_000);
    expect(remaining).toBeLessThanOrEqual(6_000);
  });
});
