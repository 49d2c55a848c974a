import { describe, expect, it } from 'vitest';
import { createGateway, type LambdaHandler } from '../../src/gateway/index.js';
import { HOST } from './helpers.js';

const TEN_MB = 10_485_760;

function counting(result: unknown = { statusCode: 200, body: 'ok' }) {
  const calls: unknown[] = [];
  const handler: LambdaHandler = async (event) => {
    calls.push(event);
    return result;
  };
  return { handler, calls };
}

describe('payload limits (behaviour.md §14)', () => {
  it('REST: a body over 10 485 760 bytes is the front end\'s 413 "HTTP content length exceeded 10485760 bytes." and the Lambda is not invoked', async () => {
    const { handler, calls } = counting();
    const gateway = createGateway({ routes: { 'POST /upload': handler } });
    const { response, trace } = await gateway.handle(`${HOST}/dev/upload`, {
      method: 'POST',
      body: new Uint8Array(TEN_MB + 1),
    });
    expect(response.status).toBe(413);
    expect([...response.headers]).toEqual([['content-type', 'text; charset=utf-8']]);
    expect(await response.text()).toBe('HTTP content length exceeded 10485760 bytes.');
    expect(calls).toHaveLength(0);
    expect(trace.gatewayResponse?.responseType).toBe('REQUEST_TOO_LARGE');
    expect(trace.steps[0]).toMatchObject({
      stage: 'request',
      decision: 'too-large',
      data: { bytes: TEN_MB + 1 },
    });
  });

  it('the 10 MB check counts UTF-8 bytes of a text body and comes before routing (an unknown route still gets 413)', async () => {
    const gateway = createGateway({ routes: { 'GET /x': counting().handler } });
    const body = 'é'.repeat(TEN_MB / 2 + 1); // 5 242 881 characters, 10 485 762 bytes
    const response = await gateway.fetch(`${HOST}/dev/nowhere`, { method: 'POST', body });
    expect(response.status).toBe(413);
  });

  it('HTTP API: a body over 10 MB is 413 {"message":"Request Entity Too Large"} with apigw-requestid (UNCONFIRMED wording)', async () => {
    const { handler, calls } = counting();
    const gateway = createGateway({ apiType: 'HTTP', routes: { 'POST /upload': handler } });
    const { response, trace } = await gateway.handle(`${HOST}/upload`, {
      method: 'POST',
      body: new Uint8Array(TEN_MB + 1),
    });
    expect(response.status).toBe(413);
    expect([...response.headers]).toEqual([
      ['apigw-requestid', trace.requestId],
      ['content-type', 'application/json'],
    ]);
    expect(await response.text()).toBe('{"message":"Request Entity Too Large"}');
    expect(calls).toHaveLength(0);
  });

  it('REST: a body under 10 MB whose Lambda event is 6 291 456 bytes or more is 413 {"message": "Request Too Long"} BadRequestException, Lambda not invoked', async () => {
    const { handler, calls } = counting();
    const gateway = createGateway({ routes: { 'POST /upload': handler } });
    const { response, trace } = await gateway.handle(`${HOST}/dev/upload`, {
      method: 'POST',
      body: 'x'.repeat(6_291_456),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('x-amzn-ErrorType')).toBe('BadRequestException');
    expect(await response.text()).toBe('{"message": "Request Too Long"}');
    expect(calls).toHaveLength(0);
    expect(trace.steps.at(-1)).toMatchObject({ stage: 'integration', decision: 'request-too-large' });
  });

  it("a 5 MB text body fits Lambda's 6 MB event limit and reaches the handler", async () => {
    const { handler, calls } = counting();
    const gateway = createGateway({ routes: { 'POST /upload': handler } });
    const response = await gateway.fetch(`${HOST}/dev/upload`, {
      method: 'POST',
      body: 'x'.repeat(5_000_000),
    });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['REST', 502, '{"message": "Internal server error"}'],
    ['HTTP', 500, '{"message":"Internal Server Error"}'],
  ] as const)(
    '%s: a Lambda result over 6 291 556 bytes is an integration failure, %i, with the Lambda error in the trace',
    async (apiType, status, body) => {
      const big = { statusCode: 200, body: 'x'.repeat(6_291_556) };
      const gateway = createGateway({ apiType, routes: { 'GET /big': async () => big } });
      const { response, trace } = await gateway.handle(
        apiType === 'REST' ? `${HOST}/dev/big` : `${HOST}/big`,
      );
      expect(response.status).toBe(status);
      expect(await response.text()).toBe(body);
      expect(trace.gatewayResponse?.responseType).toBe('INTEGRATION_FAILURE');
      expect(trace.steps.at(-1)?.detail).toBe(
        'Lambda Customer Function Error:Response payload size exceeded maximum allowed payload size (6291556 bytes). The result is 6291584 bytes of JSON.',
      );
    },
  );

  it('a Lambda result of exactly 6 291 556 JSON bytes is delivered', async () => {
    const overhead = JSON.stringify({ statusCode: 200, body: '' }).length;
    const result = { statusCode: 200, body: 'y'.repeat(6_291_556 - overhead) };
    expect(Buffer.byteLength(JSON.stringify(result))).toBe(6_291_556);
    const gateway = createGateway({ routes: { 'GET /big': async () => result } });
    const response = await gateway.fetch(`${HOST}/dev/big`);
    expect(response.status).toBe(200);
    expect((await response.text()).length).toBe(result.body.length);
  });
});
