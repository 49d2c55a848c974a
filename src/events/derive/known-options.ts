import { unknownOptionError } from '../../errors/families.js';

/** A precomputed option check: same contract as `assertKnownOptions`, a Set lookup per key. */
export function knownOptions(where: string, known: readonly string[]): (options: object) => void {
  const set = new Set(known);
  return (options) => {
    const keys = Object.keys(options);
    for (let i = 0; i < keys.length; i++) {
      if (!set.has(keys[i]!)) throw unknownOptionError(where, keys[i]!, known);
    }
  };
}
