import { describe, expect, it } from 'vitest';
import {
  assertKnownOptions,
  EventInputError,
  InvalidInputError,
  isTestkitError,
  TestkitError,
} from '../../src/errors/index.js';

describe('TestkitError family', () => {
  it('carries code, hint and a "problem. hint" message, and its subclass name', () => {
    const error = new EventInputError('EVENT_X', 'buildX: bad value "y"', 'Pass z instead.', { value: 'y' });
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toBeInstanceOf(TestkitError);
    expect(error.name).toBe('EventInputError');
    expect(error.message).toBe('buildX: bad value "y". Pass z instead.');
    expect(error.code).toBe('EVENT_X');
    expect(error.hint).toBe('Pass z instead.');
    expect(error.details).toEqual({ value: 'y' });
  });

  it('isTestkitError recognises errors from another copy of the module through a global brand', () => {
    const foreign = Object.create({ [Symbol.for('apigw-testkit.error')]: true }) as object;
    expect(isTestkitError(foreign)).toBe(true);
    expect(isTestkitError(new Error('x'))).toBe(false);
    expect(isTestkitError(null)).toBe(false);
  });

  it('assertKnownOptions refuses an unknown option and suggests the closest known one', () => {
    try {
      assertKnownOptions('buildProxyEventV1', { methd: 'GET' }, ['method', 'path']);
      expect.unreachable();
    } catch (error) {
      expect(isTestkitError(error) && error.code).toBe('UNKNOWN_OPTION');
      expect((error as Error).message).toBe(
        'buildProxyEventV1: unknown option "methd". Did you mean "method"? Accepted options: method, path.',
      );
    }
  });
});
