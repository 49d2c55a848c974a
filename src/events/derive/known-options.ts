import { checkEventOptions } from './option-types.js';

/** A precomputed option check for a builder: {@link checkEventOptions} against a Set built once. */
export function knownOptions(where: string, known: readonly string[]): (options: unknown) => void {
  const set = new Set(known);
  return (options) => checkEventOptions(where, options, set);
}
