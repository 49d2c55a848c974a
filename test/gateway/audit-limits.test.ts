import type { Callback } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway, type GatewayOptions, type LambdaHandler } from '../../src/gateway/index.js';
import { HOST, named, wire } from './helpers.js';

const errorCode = (make: () => unknown): string | undefined => {
  try {
    make();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('stage rules enforced at createGateway (behaviour.md §8.1–8.2, §14)', () => {
  const routes = { 'GET /x': named('x') };
  const variables = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, 'x']));

  it('accepts 100 stage variables, a 64-character name and a 512-character value', () => {
    expect(errorCode(() => createGateway({ stage: { variables: variables(100) }, routes }))).toBeUndefined();
    const edge = { ['n'.repeat(64)]: 'v'.repeat(512) };
    expect(errorCode(() => createGateway({ stage: { variables: edge }, routes }))).toBeUndefined();
  });

  it.each([
    ['101 stage variables (100 per stage)', { variables: variables(101) }, 'GATEWAY_INVALID_STAGE_VARIABLES'],
    [
      'a 65-character variable name',
      { variables: { ['n'.repeat(65)]: 'v' } },
      'GATEWAY_INVALID_STAGE_VARIABLES',
    ],
    ['a 513-character value', { variables: { n: 'v'.repeat(513) } }, 'GATEWAY_INVALID_STAGE_VARIABLES'],
    ['an empty value', { variables: { n: '' } }, 'GATEWAY_INVALID_STAGE_VARIABLES'],
    ['a hyphen in a variable name', { variables: { 'my-var': 'v' } }, 'GATEWAY_INVALID_STAGE_VARIABLES'],
    ['a 129-character stage name', { name: 's'.repeat(129) }, 'GATEWAY_INVALID_STAGE'],
    ['a dot in the stage name', { name: 'v1.0' }, 'GATEWAY_INVALID_STAGE'],
    ['$default on a REST API', { name: '$default' }, 'GATEWAY_INVALID_STAGE'],
  ])('refuses %s with %s', (_name, stage, code) => {
    expect(errorCode(() => createGateway({ stage, routes }))).toBe(code);
  });

  it('the same variable limits apply to HTTP APIs (101 variables refused)', () => {
    const options: GatewayOptions = { apiType: 'HTTP', stage: { variables: variables(101) }, routes };
    expect(errorCode(() => createGateway(options))).toBe('GATEWAY_INVALID_STAGE_VARIABLES');
  });

  it('accepts a 128-character stage name of letters, digits, - and _', () => {
    const name = `A-_9${'s'.repeat(124)}`;
    expect(createGateway({ stage: { name }, routes }).info.stage).toBe(name);
  });
});

describe('request header limit: 10 240 bytes (behaviour.md §14; 431 is UNCONFIRMED)', () => {
  // The URL host counts as the Host header every client sends.
  const hostBytes = 'abcd1234ef.execute-api.us-east-1.amazonaws.com'.length;

  it('REST: header values totalling exactly 10 240 bytes pass', async () => {
    const api = createGateway({ clock: createManualClock(), routes: { 'GET /x': named('x') } });
    const response = await api.fetch(`${HOST}/dev/x`, {
      headers: { 'x-big': 'a'.repeat(10_240 - hostBytes) },
    });
    expect(response).toHaveStatusCode(200);
  });

  it('REST: one byte more is the front end\'s plain-text 431 "HTTP header is larger than 10240 bytes." without AWS ids, before routing', async () => {
    const api = createGateway({ clock: createManualClock(), routes: { 'GET /x': named('x') } });
    const { response, trace } = await api.handle(`${HOST}/dev/nope`, {
      headers: { 'x-a': 'a'.repeat(5_000), 'x-b': 'b'.repeat(5_241 - hostBytes) },
    });
    const w = await wire(response);
    expect(w).toEqual({
      status: 431,
      headers: { 'content-type': 'text; charset=utf-8' },
      body: 'HTTP header is larger than 10240 bytes.',
    });
    expect(trace.steps.map((s) => `${s.stage}:${s.decision}`)).toEqual(['request:headers-too-large']);
    expect(api.metrics().stages.dev).toMatchObject({ Count: 1, '4XXError': 1 });
  });

  it('HTTP API: the request line counts too; over the limit is 431 {"message":"Request Header Fields Too Large"}', async () => {
    const api = createGateway({
      apiType: 'HTTP',
      clock: createManualClock(),
      routes: { 'GET /x': named('x') },
    });
    const requestLine = 'GET /x HTTP/1.1'.length;
    const fits = 'a'.repeat(10_240 - hostBytes - requestLine);
    expect(await api.fetch(`${HOST}/x`, { headers: { 'x-big': fits } })).toHaveStatusCode(200);
    const response = await api.fetch(`${HOST}/x?q`, { headers: { 'x-big': fits } });
    expect(response).toHaveStatusCode(431);
    expect(response).toHaveHeader('apigw-requestid', /^[A-Za-z0-9]{15}=$/);
    await expect(response).toHaveJsonBody({ message: 'Request Header Fields Too Large' });
  });
});

describe('metrics, access log, usage() and flushCache() through the gateway (behaviour.md §12, §6, §7)', () => {
  it('HTTP API metrics carry 4xx, 5xx and DataProcessed (request plus response body bytes)', async () => {
    const api = createGateway({
      apiType: 'HTTP',
      clock: createManualClock(),
      routes: {
        'POST /echo': async (event) => ({ statusCode: 200, body: event.body }),
        'GET /boom': async () => {
          throw new Error('x');
        },
      },
    });
    const headers = { 'content-type': 'text/plain; charset=utf-8' };
    await api.fetch(`${HOST}/echo`, { method: 'POST', body: 'héllo', headers }); // 6 bytes in, 6 out
    await api.fetch(`${HOST}/boom`); // 35 bytes out
    await api.fetch(`${HOST}/nope`); // 23 bytes out
    expect(api.metrics().stages.$default).toMatchObject({
      Count: 3,
      '4xx': 1,
      '5xx': 1,
      DataProcessed: 12 + 35 + 23,
    });
  });

  it('$context.error.messageString keeps the leading space AWS prints for the two spaced 5xx messages', async () => {
    const clock = createManualClock();
    const api = createGateway({
      clock,
      accessLog: { format: '$context.requestId $context.error.messageString|$context.error.message' },
      routes: {
        'GET /boom': async () => {
          throw new Error('x');
        },
        'GET /slow': () => new Promise(() => {}),
      },
    });
    const a = await api.handle(`${HOST}/dev/boom`);
    const pending = api.handle(`${HOST}/dev/slow`);
    await clock.advanceAsync(29_000);
    const b = await pending;
    const c = await api.handle(`${HOST}/dev/nope`);
    expect(api.accessLog).toEqual([
      `${a.trace.requestId}  "Internal server error"|Internal server error`,
      `${b.trace.requestId}  "Endpoint request timed out"|Endpoint request timed out`,
      `${c.trace.requestId} "Missing Authentication Token"|Missing Authentication Token`,
    ]);
  });

  it.each([
    ['REST', 'a line break', '$context.requestId\n$context.status', 'ACCESS_LOG_FORMAT_MULTILINE'],
    ['REST', 'no $context.requestId', '$context.status', 'ACCESS_LOG_FORMAT_MISSING_REQUEST_ID'],
    [
      'HTTP',
      'only $context.extendedRequestId',
      '$context.extendedRequestId',
      'ACCESS_LOG_FORMAT_MISSING_REQUEST_ID',
    ],
    [
      'REST',
      'a non-$context variable',
      '$context.requestId $input.body',
      'ACCESS_LOG_FORMAT_NON_CONTEXT_VARIABLE',
    ],
    ['HTTP', '1 025 characters', `$context.requestId ${'x'.repeat(1_006)}`, 'ACCESS_LOG_FORMAT_TOO_LONG'],
  ] as const)(
    'createGateway (%s) refuses an access-log format with %s: %s',
    (apiType, _what, format, code) => {
      expect(
        errorCode(() => createGateway({ apiType, accessLog: { format }, routes: { 'GET /x': named('x') } })),
      ).toBe(code);
    },
  );

  it('accepts a 1 024-character HTTP API access-log format', () => {
    const format = `$context.requestId ${'x'.repeat(1_005)}`;
    expect(format).toHaveLength(1_024);
    expect(() =>
      createGateway({ apiType: 'HTTP', accessLog: { format }, routes: { 'GET /x': named('x') } }),
    ).not.toThrow();
  });

  it('accessLog is empty without a format; usage() without usage plans throws GATEWAY_NO_USAGE_PLANS; flushCache() without a cache does nothing', async () => {
    const api = createGateway({ clock: createManualClock(), routes: { 'GET /x': named('x') } });
    await api.fetch(`${HOST}/dev/x`);
    expect(api.accessLog).toEqual([]);
    expect(errorCode(() => api.usage('key1'))).toBe('GATEWAY_NO_USAGE_PLANS');
    expect(() => api.flushCache()).not.toThrow();
  });
});

describe('Lambda invocation edge cases: no unhandled rejection, no leaked timer (Node.js runtime semantics)', () => {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  afterEach(() => {
    process.off('unhandledRejection', listener);
    vi.useRealTimers();
  });
  // Captured before any test fakes timers (vi.useFakeTimers fakes setImmediate too).
  const realSetImmediate = globalThis.setImmediate;
  const settle = () => new Promise((resolve) => realSetImmediate(resolve));

  it('a callback handler that calls back twice: the first answer wins', async () => {
    process.on('unhandledRejection', listener);
    const clock = createManualClock();
    const api = createGateway({
      clock,
      routes: {
        'GET /twice': (_e: unknown, _c: unknown, callback: Callback) => {
          callback(null, { statusCode: 201, body: 'first' });
          callback(null, { statusCode: 202, body: 'second' });
          callback(new Error('third'));
        },
      },
    });
    const response = await api.fetch(`${HOST}/dev/twice`);
    expect(response).toHaveStatusCode(201);
    expect(await response.text()).toBe('first');
    await settle();
    expect(clock.pendingTimers()).toBe(0);
    expect(unhandled).toEqual([]);
  });

  it('a handler that calls the callback and returns a promise: the first to answer wins, a later rejection is swallowed', async () => {
    process.on('unhandledRejection', listener);
    const clock = createManualClock();
    const api = createGateway({
      clock,
      routes: {
        'GET /callback-first': (_e: unknown, _c: unknown, callback: Callback) => {
          callback(null, { statusCode: 200, body: 'callback' });
          return Promise.reject(new Error('late'));
        },
        'GET /promise-first': (_e: unknown, _c: unknown, callback: Callback) => {
          clock.setTimeout(() => callback(null, { statusCode: 500, body: 'callback' }), 10);
          return Promise.resolve({ statusCode: 200, body: 'promise' });
        },
      },
    });
    expect(await (await api.fetch(`${HOST}/dev/callback-first`)).text()).toBe('callback');
    expect(await (await api.fetch(`${HOST}/dev/promise-first`)).text()).toBe('promise');
    await clock.advanceAsync(10);
    await settle();
    expect(clock.pendingTimers()).toBe(0);
    expect(unhandled).toEqual([]);
  });

  it('a thenable whose then() throws is a function error: 502', async () => {
    const api = createGateway({
      clock: createManualClock(),
      routes: {
        // A thenable is not a Promise, so the handler is typed loosely (LambdaHandler) to compile.
        'GET /bad-thenable': (() => ({
          // biome-ignore lint/suspicious/noThenProperty: the point of the test is a broken thenable
          then() {
            throw new Error('broken');
          },
        })) as unknown as LambdaHandler,
      },
    });
    const { response, trace } = await api.handle(`${HOST}/dev/bad-thenable`);
    expect(response).toHaveStatusCode(502);
    expect(trace.invocation).toMatchObject({ kind: 'error', error: { errorMessage: 'broken' } });
  });

  it.each(['manual clock', 'vi.useFakeTimers'] as const)(
    'with %s: a handler rejecting after the 29 s timeout gives 504, then nothing leaks',
    async (mode) => {
      process.on('unhandledRejection', listener);
      const clock = mode === 'manual clock' ? createManualClock() : undefined;
      if (!clock) vi.useFakeTimers();
      const wait = (ms: number, fn: () => void) =>
        clock ? clock.setTimeout(fn, ms) : globalThis.setTimeout(fn, ms);
      const advance = (ms: number) => (clock ? clock.advanceAsync(ms) : vi.advanceTimersByTimeAsync(ms));
      const timers = () => (clock ? clock.pendingTimers() : vi.getTimerCount());
      const api = createGateway({
        ...(clock ? { clock } : {}),
        functionTimeoutMs: 60_000,
        routes: {
          'GET /late': () => new Promise((_, reject) => wait(30_000, () => reject(new Error('late')))),
          'GET /late-callback': (_e: unknown, _c: unknown, callback: Callback) => {
            wait(31_000, () => callback(new Error('late callback')));
          },
        },
      });
      const a = api.fetch(`${HOST}/dev/late`);
      const b = api.fetch(`${HOST}/dev/late-callback`);
      await advance(28_999);
      expect(timers()).toBe(4); // two integration timers, two handler timers
      await advance(1);
      const wa = await wire(await a);
      const wb = await wire(await b);
      expect([wa.status, wa.body]).toEqual([504, '{"message": "Endpoint request timed out"}']);
      expect([wb.status, wb.body]).toEqual([504, '{"message": "Endpoint request timed out"}']);
      expect(timers()).toBe(2); // only the handlers' own
      await advance(2_000);
      await settle();
      expect(timers()).toBe(0);
      expect(unhandled).toEqual([]);
    },
  );
});
