// Random hostile handlers behind a fresh gateway (REST or HTTP API) on a manual clock: throwing non-errors,
// rejecting with them, never settling, answering twice, returning cycles, BigInts, throwing getters and
// proxies, rejecting after the gateway gave up. Each request must be answered exactly once with an AWS
// response (the exact status where AWS fixes it), no timer may stay pending, and no rejection may go unhandled
// (the worker watches those).
import fc from 'fast-check';
import { createGateway, createManualClock, isTestkitError } from '../../dist/index.js';
import { assertNoPendingTimers, FuzzFailure, HostileError, sampledCases, show } from './outcome.mjs';

const ok = (body) => ({ statusCode: 200, body });
const THROWN = [
  42,
  'text',
  null,
  undefined,
  {},
  [1, 2],
  10n,
  Symbol('s'),
  Object.create(null),
  new Error('plain'),
  Object.assign(new TypeError('typed'), { name: 42 }),
  {
    toString() {
      throw new HostileError('toString');
    },
  },
  new Proxy(
    {},
    {
      get() {
        throw new HostileError('trap');
      },
    },
  ),
];

/** Hostile handler factories: `(clock, thrown) => handler`, with the failure class AWS answers with. */
const HOSTILE = {
  'throw a non-error': {
    expect: 'error',
    make: (_c, v) => () => {
      throw v;
    },
  },
  'reject with a non-error': {
    expect: 'error',
    make: (_c, v) => async () => {
      throw v;
    },
  },
  'callback with a non-error': {
    expect: 'error',
    make: (_c, v) => (_e, _x, cb) => {
      cb(v ?? 'handled');
    },
  },
  'never settle (promise)': { expect: 'timeout', make: () => () => new Promise(() => {}) },
  'never settle (callback)': { expect: 'timeout', make: () => (_e, _x, _cb) => undefined },
  'answer twice': {
    expect: 'any',
    make: () => (_e, _x, cb) => {
      cb(null, ok('1'));
      cb(null, ok('2'));
      return Promise.resolve(ok('3'));
    },
  },
  'callback then throw': {
    expect: 'any',
    make: () => (_e, _x, cb) => {
      cb(null, ok('1'));
      throw new Error('after');
    },
  },
  'resolve then late reject': {
    expect: 'any',
    make: () => (_e, _x, cb) => {
      cb(null, ok('1'));
      return Promise.reject(new Error('late'));
    },
  },
  'reject after the timeout': {
    expect: 'timeout',
    make: (c) => () => new Promise((_r, reject) => c.setTimeout(() => reject(new Error('late')), 40_000)),
  },
  'thenable that throws': {
    expect: 'error',
    make: () => () => ({
      // biome-ignore lint/suspicious/noThenProperty: a hostile thenable
      then() {
        throw new HostileError('then');
      },
    }),
  },
  'thenable resolving twice': {
    expect: 'any',
    make: () => () => ({
      // biome-ignore lint/suspicious/noThenProperty: a hostile thenable
      then(resolve) {
        resolve(ok('a'));
        resolve(ok('b'));
      },
    }),
  },
  'cyclic result': {
    expect: 'error',
    make: () => async () => {
      const r = ok('x');
      r.self = r;
      return r;
    },
  },
  'BigInt result': { expect: 'error', make: () => async () => ({ statusCode: 200, body: 10n }) },
  'throwing getter result': {
    expect: 'error',
    make: () => async () =>
      Object.defineProperty({ statusCode: 200 }, 'body', {
        enumerable: true,
        get() {
          throw new HostileError('getter');
        },
      }),
  },
  'proxy result': {
    expect: 'error',
    make: () => async () =>
      new Proxy(
        {},
        {
          get() {
            throw new HostileError('trap');
          },
          ownKeys() {
            throw new HostileError('trap');
          },
        },
      ),
  },
  'random result': { expect: 'any', make: (_c, _v, random) => async () => random },
};

const STATUS = { REST: { error: 502, timeout: 504 }, HTTP: { error: 500, timeout: 503 } };
const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/);
const request = fc.record({
  apiType: fc.constantFrom('REST', 'HTTP'),
  payloadFormatVersion: fc.constantFrom('1.0', '2.0'),
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
  path: fc.webPath({ size: 'small' }),
  headers: fc.dictionary(token, fc.stringMatching(/^[!-~]{0,20}$/), { maxKeys: 4 }),
  body: fc.string({ maxLength: 40 }),
  detailed: fc.boolean(),
});
const random = fc.anything({ maxDepth: 2, withBigInt: true, withNullPrototype: true, withTypedArray: true });
const hostileCase = fc.tuple(
  fc.constantFrom(...Object.keys(HOSTILE)),
  fc.constantFrom(...THROWN.keys()),
  random,
  request,
);

/** `count` gateway cases from `seed`. */
export function* gatewayCases(count, seed) {
  yield* sampledCases(
    hostileCase,
    count,
    seed,
    ([kind, thrownIndex, value, req]) =>
      () =>
        gatewayCase(kind, THROWN[thrownIndex], value, req),
  );
}

async function gatewayCase(kind, thrown, value, req) {
  const clock = createManualClock();
  const hostile = HOSTILE[kind];
  const apiType = req.apiType;
  const integration = {
    integration: {
      type: 'AWS_PROXY',
      handler: hostile.make(clock, thrown, value),
      ...(apiType === 'HTTP' ? { payloadFormatVersion: req.payloadFormatVersion } : {}),
    },
  };
  const gateway = createGateway({
    clock,
    apiType,
    accessLog: { format: '$context.requestId $context.status', maxLines: 10 },
    // Both routes: a path of slashes only (`///`) is the root resource on AWS.
    routes: { 'ANY /{proxy+}': integration, 'ANY /': integration },
  });
  const init = { method: req.method, headers: req.headers };
  if (req.method !== 'GET' && req.method !== 'HEAD') init.body = req.body;
  const url = gateway.url(req.path === '' || req.path === '/' ? '/x' : req.path);
  const what = `${kind} (${apiType}, thrown ${show(thrown)}) ${req.method} ${url}`;
  let answers = 0;
  let outcome;
  const pending = (
    req.detailed ? gateway.handle(url, init).then((h) => h.response) : gateway.fetch(url, init)
  ).then(
    (response) => {
      answers++;
      outcome = { response };
    },
    (error) => {
      answers++;
      outcome = { error };
    },
  );
  for (let i = 0; i < 6 && answers === 0; i++) await clock.advanceAsync(10_000);
  if (answers === 0) throw new FuzzFailure(`${what}: no answer after 60 s of clock time`);
  await pending;
  if (outcome.error !== undefined) {
    if (isTestkitError(outcome.error)) return `typed error ${outcome.error.code}`;
    throw new FuzzFailure(`${what}: rejected with a non-typed ${show(outcome.error)}`);
  }
  const { response } = outcome;
  if (!(response instanceof Response) || !Number.isInteger(response.status)) {
    throw new FuzzFailure(`${what}: answered ${show(response)}`);
  }
  await response.text();
  const wanted = STATUS[apiType][hostile.expect];
  if (wanted !== undefined && response.status !== wanted) {
    throw new FuzzFailure(`${what}: answered ${response.status}, AWS answers ${wanted}`);
  }
  await clock.advanceAsync(60_000);
  assertNoPendingTimers(clock, what);
  if (answers !== 1) throw new FuzzFailure(`${what}: answered ${answers} times`);
  return `${response.status}`;
}
