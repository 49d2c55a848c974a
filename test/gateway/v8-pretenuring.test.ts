import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import {
  countRequestForPretenuring,
  PRETENURING_AFTER_REQUESTS,
  type PretenuringHost,
  pretenuringDecision,
  resetPretenuringCountForTests,
} from '../../src/gateway/v8-pretenuring.js';

const hostWith = (env: Record<string, string> = {}, execArgv: string[] = []) => {
  const calls: string[] = [];
  const host: PretenuringHost = { env, execArgv, setFlags: (flags) => void calls.push(flags) };
  return { host, calls };
};
const serve = (host: PretenuringHost, requests: number) => {
  const changed: number[] = [];
  for (let i = 1; i <= requests; i++) if (countRequestForPretenuring(host)) changed.push(i);
  return changed;
};

afterEach(() => {
  resetPretenuringCountForTests();
  vi.restoreAllMocks();
});

describe('V8 allocation-site pretenuring in a process whose gateways serve many requests (decision 0009)', () => {
  it.each([
    ['nothing set', {}, [], { turnOff: true }],
    [
      'APIGW_TESTKIT_PRETENURING=keep',
      { APIGW_TESTKIT_PRETENURING: 'keep' },
      [],
      { turnOff: false, reason: 'kept by environment' },
    ],
    ['another value of the variable', { APIGW_TESTKIT_PRETENURING: 'off' }, [], { turnOff: true }],
    [
      'node --no-allocation-site-pretenuring',
      {},
      ['--no-allocation-site-pretenuring'],
      { turnOff: false, reason: 'set on the command line' },
    ],
    [
      'node --allocation-site-pretenuring',
      {},
      ['--allocation-site-pretenuring'],
      { turnOff: false, reason: 'set on the command line' },
    ],
    [
      'NODE_OPTIONS with the underscore spelling',
      { NODE_OPTIONS: '--max-old-space-size=512 --allocation_site_pretenuring' },
      [],
      { turnOff: false, reason: 'set on the command line' },
    ],
    ['unrelated V8 flags', { NODE_OPTIONS: '--max-old-space-size=512' }, ['--expose-gc'], { turnOff: true }],
  ])('%s', (_, env, execArgv, expected) => {
    expect(pretenuringDecision(env, execArgv)).toEqual(expected);
  });

  it(`turns the flag off once, at request ${PRETENURING_AFTER_REQUESTS} of the process, never before or again`, () => {
    const { host, calls } = hostWith();
    expect(serve(host, 3 * PRETENURING_AFTER_REQUESTS)).toEqual([PRETENURING_AFTER_REQUESTS]);
    expect(calls).toEqual(['--no-allocation-site-pretenuring']);
  });

  it('leaves the flag alone when the environment keeps it or the command line set it', () => {
    const kept = hostWith({ APIGW_TESTKIT_PRETENURING: 'keep' });
    expect(serve(kept.host, 2 * PRETENURING_AFTER_REQUESTS)).toEqual([]);
    expect(kept.calls).toEqual([]);
    resetPretenuringCountForTests();
    const own = hostWith({}, ['--allocation-site-pretenuring']);
    expect(serve(own.host, 2 * PRETENURING_AFTER_REQUESTS)).toEqual([]);
    expect(own.calls).toEqual([]);
  });

  it('a runtime that refuses the flag costs the gateway nothing (no error reaches the request)', () => {
    const host: PretenuringHost = {
      env: {},
      execArgv: [],
      setFlags: () => {
        throw new Error('flags are frozen');
      },
    };
    expect(serve(host, PRETENURING_AFTER_REQUESTS)).toEqual([]);
  });

  it('gateway.fetch counts every request: node:v8 is asked at the 1000th, with the flag, once', async () => {
    const setFlags = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => {});
    const gateway = createGateway({
      throttle: { account: { rateLimit: 1e9, burstLimit: 1e9 } },
      routes: {
        'GET /pets/{id}': async (event) => ({ statusCode: 200, body: event.pathParameters?.id ?? '' }),
      },
    });
    for (let i = 1; i < PRETENURING_AFTER_REQUESTS; i++) {
      const response = await gateway.fetch(`/dev/pets/${i}`);
      expect(response.status).toBe(200);
    }
    expect(setFlags).not.toHaveBeenCalled();
    const last = await gateway.fetch('/dev/pets/last');
    expect(await last.text()).toBe('last');
    expect(setFlags.mock.calls).toEqual([['--no-allocation-site-pretenuring']]);
  });
});
