import { isTestkitError } from '../../../src/errors/index.js';

/** The `code` of the TestkitError `fn` throws; fails the test when it does not throw one. */
export function errorOf(fn: () => unknown): { code: string; message: string; hint: string; name: string } {
  try {
    fn();
  } catch (error) {
    if (isTestkitError(error))
      return { code: error.code, message: error.message, hint: error.hint, name: error.name };
    throw error;
  }
  throw new Error('expected a TestkitError, nothing was thrown');
}
