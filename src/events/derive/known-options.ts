import { checkEventOptions, optionTable } from './option-types.js';

/** A precomputed option check for a builder: {@link checkEventOptions} against a table built once. */
export function knownOptions(where: string, known: readonly string[]): (options: unknown) => void {
  const table = optionTable(known);
  return (options) => checkEventOptions(where, options, table);
}
