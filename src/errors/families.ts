import { TestkitError } from './testkit-error.js';

/** A builder, converter or helper got an option or value it cannot use. */
export class InvalidInputError extends TestkitError {}

/** An event builder got inputs that do not make a consistent API Gateway event. */
export class EventInputError extends InvalidInputError {}

/** A mapping template could not be compiled or rendered. See `TemplateSyntaxError` in `apigw-testkit/vtl`. */
export class TemplateError extends TestkitError {}

/** A gateway was configured with something API Gateway would refuse or that we do not simulate. */
export class GatewayConfigError extends TestkitError {}

/**
 * Builds the error thrown for an option a function does not know. Nothing the user gave is silently dropped.
 *
 * @param where - the function or object the option was passed to, e.g. `buildProxyEventV1`.
 * @param key - the unknown option name.
 * @param known - the accepted option names, listed in the hint.
 */
export function unknownOptionError(where: string, key: string, known: readonly string[]): InvalidInputError {
  const near = closest(key, known);
  return new InvalidInputError(
    'UNKNOWN_OPTION',
    `${where}: unknown option "${key}"`,
    near
      ? `Did you mean "${near}"? Accepted options: ${known.join(', ')}.`
      : `Accepted options: ${known.join(', ')}.`,
    { option: key, known },
  );
}

/** Throws {@link unknownOptionError} for the first key of `options` not in `known`. */
export function assertKnownOptions(where: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw unknownOptionError(where, key, known);
  }
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
