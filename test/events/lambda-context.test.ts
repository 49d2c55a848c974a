import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { buildLambdaContext } from '../../src/events/index.js';

describe('buildLambdaContext', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has every member of the Node.js context with Lambda formats', () => {
    const clock = createManualClock({ start: Date.UTC(2024, 0, 20) });
    const context = buildLambdaContext({
      functionName: 'pets',
      memoryLimitInMB: 1024,
      region: 'eu-west-1',
      alias: 'live',
      clock,
    });
    expect(context).toMatchObject({
      callbackWaitsForEmptyEventLoop: true,
      functionName: 'pets',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:pets:live',
      memoryLimitInMB: '1024',
      logGroupName: '/aws/lambda/pets',
    });
    expect(context.awsRequestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(context.logStreamName).toMatch(/^2024\/01\/20\/\[\$LATEST\][0-9a-f]{32}$/);
    expect('identity' in context && context.identity === undefined).toBe(true);
    expect('clientContext' in context && context.clientContext === undefined).toBe(true);
    for (const fn of ['getRemainingTimeInMillis', 'done', 'succeed', 'fail'] as const)
      expect(typeof context[fn]).toBe('function');
  });

  it('getRemainingTimeInMillis counts down from the timeout on the injected clock and stops at 0', () => {
    const clock = createManualClock();
    const context = buildLambdaContext({ timeoutMs: 6000, clock });
    expect(context.getRemainingTimeInMillis()).toBe(6000);
    clock.advance(1500);
    expect(context.getRemainingTimeInMillis()).toBe(4500);
    clock.advance(10_000);
    expect(context.getRemainingTimeInMillis()).toBe(0);
  });

  it('defaults to the 3 s Lambda timeout; timeout in seconds also works', () => {
    const clock = createManualClock();
    expect(buildLambdaContext({ clock }).getRemainingTimeInMillis()).toBe(3000);
    expect(buildLambdaContext({ clock, timeout: 30 }).getRemainingTimeInMillis()).toBe(30_000);
  });

  it('the default system clock follows vi.useFakeTimers()', () => {
    vi.useFakeTimers({ now: Date.UTC(2024, 5, 1) });
    const context = buildLambdaContext({ timeoutMs: 5000 });
    vi.advanceTimersByTime(2000);
    expect(context.getRemainingTimeInMillis()).toBe(3000);
  });

  it('done, succeed and fail report the outcome through onComplete', () => {
    const calls: unknown[][] = [];
    const context = buildLambdaContext({ onComplete: (...args) => calls.push(args) });
    context.succeed({ ok: true });
    context.fail('boom');
    const error = new Error('x');
    context.done(error);
    expect(calls).toEqual([
      [null, { ok: true }],
      ['boom', undefined],
      [error, undefined],
    ]);
  });

  it('the same seed gives the same awsRequestId', () => {
    const clock = createManualClock();
    expect(buildLambdaContext({ seed: 3, clock }).awsRequestId).toBe(
      buildLambdaContext({ seed: 3, clock }).awsRequestId,
    );
    expect(buildLambdaContext({ seed: 3, clock }).awsRequestId).not.toBe(
      buildLambdaContext({ seed: 4, clock }).awsRequestId,
    );
  });

  it.each([
    [
      'clock',
      [],
      'buildLambdaContext: clock is not a Clock (now, setTimeout, clearTimeout): []. Pass systemClock or createManualClock() from apigw-testkit/clock.',
    ],
    [
      'clock',
      { now: () => 0 },
      'buildLambdaContext: clock is not a Clock (now, setTimeout, clearTimeout): {}. Pass systemClock or createManualClock() from apigw-testkit/clock.',
    ],
    [
      'onComplete',
      'log',
      'buildLambdaContext: onComplete is not a function: "log". Pass (error, result) => …, or leave it out.',
    ],
  ])('refuses a %s that is not one (%j) with EVENT_INVALID_OPTION_TYPE', (option, value, message) => {
    expect(() => buildLambdaContext({ [option]: value } as never)).toThrow(
      expect.objectContaining({ code: 'EVENT_INVALID_OPTION_TYPE', message, details: { option } }),
    );
  });
});
