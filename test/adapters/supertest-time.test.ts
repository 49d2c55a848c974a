// supertest with controlled time: the request crosses a real socket, so time must move only once the gateway has
// it. `gateway.nextRequest()` resolves when the handler is running with its timeouts armed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway } from '../../src/gateway/index.js';
import { request } from '../../src/supertest/index.js';

const never = () => new Promise<never>(() => {});

describe('supertest under fake timers and the manual clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('REST: the 29 s integration timeout answers 504 {"message": "Endpoint request timed out"} under vi.useFakeTimers', async () => {
    vi.useFakeTimers();
    const gateway = createGateway({ routes: { 'GET /slow': never } });
    const answer = request(gateway)
      .get('/dev/slow')
      .then((res) => res);
    expect(await gateway.nextRequest()).toEqual({ state: 'waiting' });
    await vi.advanceTimersByTimeAsync(28_999);
    await vi.advanceTimersByTimeAsync(1);
    const res = await answer;
    expect(res.status).toBe(504);
    expect(res.text).toBe('{"message": "Endpoint request timed out"}');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('HTTP API: a handler that takes 5 s of (fake) time answers after exactly 5 s', async () => {
    const clock = createManualClock();
    const gateway = createGateway({
      apiType: 'HTTP',
      clock,
      routes: {
        'GET /report': () =>
          new Promise((resolve) => clock.setTimeout(() => resolve({ statusCode: 200, body: 'done' }), 5_000)),
      },
    });
    const answer = request(gateway)
      .get('/report')
      .then((res) => res);
    await gateway.nextRequest();
    await clock.advanceAsync(4_999);
    expect(clock.pendingTimers()).toBe(2); // the handler's 5 s and the 30 s integration timeout
    await clock.advanceAsync(1);
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.text).toBe('done');
    expect(clock.pendingTimers()).toBe(0);
  });

  it('resolves with the answer when the request needs no time (a fast handler, a 404)', async () => {
    const gateway = createGateway({
      apiType: 'HTTP',
      routes: { 'GET /fast': async () => ({ statusCode: 200, body: 'ok' }) },
    });
    const fast = request(gateway)
      .get('/fast')
      .then((res) => res);
    expect(await gateway.nextRequest()).toEqual({ state: 'answered', status: 200 });
    expect((await fast).text).toBe('ok');
    const missing = request(gateway)
      .get('/nope')
      .then((res) => res);
    expect(await gateway.nextRequest()).toEqual({ state: 'answered', status: 404 });
    expect((await missing).status).toBe(404);
  });

  it('gateway.fetch works the same way without a socket', async () => {
    const clock = createManualClock();
    const gateway = createGateway({ clock, routes: { 'GET /slow': never } });
    const pending = gateway.fetch(gateway.url('/slow'));
    await gateway.nextRequest();
    await clock.advanceAsync(29_000);
    expect((await pending).status).toBe(504);
  });
});
