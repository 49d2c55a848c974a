import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway } from '../../src/gateway/index.js';
import { HOST, wire } from './helpers.js';

const never = (): Promise<never> => new Promise(() => {});

describe('integration timeouts (behaviour.md §5.1)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('REST answers 504 {"message": "Endpoint request timed out"} after the default 29 000 ms', async () => {
    const clock = createManualClock();
    const gateway = createGateway({ clock, routes: { 'GET /slow': never } });
    const pending = gateway.handle(`${HOST}/dev/slow`);
    await clock.advanceAsync(28_999);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await clock.advanceAsync(0);
    expect(settled).toBe(false);
    await clock.advanceAsync(1);
    const { response, trace } = await pending;
    const w = await wire(response);
    expect(w.status).toBe(504);
    expect(w.body).toBe('{"message": "Endpoint request timed out"}');
    expect(w.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    expect(trace.invocation).toEqual({ kind: 'timeout', timeoutMs: 29_000 });
    expect(trace.integrationLatencyMs).toBe(29_000);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('HTTP API answers 503 {"message":"Service Unavailable"} after the default 30 000 ms', async () => {
    const clock = createManualClock();
    const gateway = createGateway({ apiType: 'HTTP', clock, routes: { 'GET /slow': never } });
    const pending = gateway.fetch(`${HOST}/slow`);
    await clock.advanceAsync(30_000);
    const w = await wire(await pending);
    expect(w.status).toBe(503);
    expect(w.body).toBe('{"message":"Service Unavailable"}');
    expect(w.headers['apigw-requestid']).toMatch(/^[A-Za-z0-9]{15}=$/);
    expect(w.headers['x-amzn-errortype']).toBeUndefined();
  });

  it('honours a per-route timeoutInMillis', async () => {
    const clock = createManualClock();
    const gateway = createGateway({
      clock,
      routes: { 'GET /slow': { integration: { type: 'AWS_PROXY', handler: never, timeoutInMillis: 50 } } },
    });
    const pending = gateway.fetch(`${HOST}/dev/slow`);
    await clock.advanceAsync(50);
    expect((await pending).status).toBe(504);
  });

  it('discards a late result and a late rejection without an unhandled rejection or a leaked timer', async () => {
    const clock = createManualClock();
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const gateway = createGateway({
        clock,
        functionTimeoutMs: 60_000,
        routes: {
          'GET /late-reject': () =>
            new Promise((_, reject) => clock.setTimeout(() => reject(new Error('late')), 40_000)),
          'GET /late-result': () =>
            new Promise((resolve) => clock.setTimeout(() => resolve({ statusCode: 200 }), 40_000)),
        },
      });
      const a = gateway.fetch(`${HOST}/dev/late-reject`);
      const b = gateway.fetch(`${HOST}/dev/late-result`);
      await clock.advanceAsync(29_000);
      expect((await a).status).toBe(504);
      expect((await b).status).toBe(504);
      expect(clock.pendingTimers()).toBe(2); // only the handlers' own timers are left
      await clock.advanceAsync(11_000);
      await new Promise((resolve) => setImmediate(resolve));
      expect(clock.pendingTimers()).toBe(0);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('clears the timeout timer as soon as the handler answers', async () => {
    const clock = createManualClock();
    const gateway = createGateway({ clock, routes: { 'GET /fast': async () => ({ statusCode: 204 }) } });
    expect((await gateway.fetch(`${HOST}/dev/fast`)).status).toBe(204);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a function timeout shorter than the integration timeout is a Lambda error: 502, not 504', async () => {
    const clock = createManualClock();
    const gateway = createGateway({
      clock,
      routes: {
        'GET /slow': { integration: { type: 'AWS_PROXY', handler: never, functionTimeoutMs: 3_000 } },
      },
    });
    const pending = gateway.handle(`${HOST}/dev/slow`);
    await clock.advanceAsync(3_000);
    const { response, trace } = await pending;
    expect(response.status).toBe(502);
    expect(await response.text()).toBe('{"message": "Internal server error"}');
    expect(trace.invocation).toMatchObject({
      kind: 'error',
      error: {
        errorType: 'Sandbox.Timedout',
        errorMessage: expect.stringContaining('Task timed out after 3.00 seconds'),
      },
    });
  });

  it('getRemainingTimeInMillis counts down with the gateway clock', async () => {
    const clock = createManualClock();
    const seen: number[] = [];
    const gateway = createGateway({
      clock,
      functionTimeoutMs: 10_000,
      routes: {
        'GET /x': async (_e: unknown, context: Context) => {
          seen.push(context.getRemainingTimeInMillis());
          await new Promise((resolve) => clock.setTimeout(() => resolve(undefined), 4_000));
          seen.push(context.getRemainingTimeInMillis());
          return {};
        },
      },
    });
    const pending = gateway.fetch(`${HOST}/dev/x`);
    await clock.advanceAsync(4_000);
    await pending;
    expect(seen).toEqual([10_000, 6_000]);
  });

  it('works with vi.useFakeTimers(): a 29 s timeout takes no real time', async () => {
    vi.useFakeTimers();
    const gateway = createGateway({ routes: { 'GET /slow': never } });
    const pending = gateway.fetch(`${HOST}/dev/slow`);
    await vi.advanceTimersByTimeAsync(29_000);
    expect((await pending).status).toBe(504);
    expect(vi.getTimerCount()).toBe(0);
  });
});
