import { EventInputError } from '../../errors/families.js';

/**
 * Checks that an option copied into an event as it is (a `requestContext` override, authorizer claims) holds
 * only what an API Gateway event can: JSON values (strings, finite numbers, booleans, null, arrays and plain
 * objects). Throws `EVENT_INVALID_OPTION_TYPE` naming the first offending path.
 *
 * @example
 * ```ts
 * checkJsonValue('buildProxyEventV1', 'requestContext', { stage: 10n }); // throws: requestContext.stage is a bigint
 * ```
 */
export function checkJsonValue(where: string, path: string, value: unknown, depth = 0): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return;
    case 'number':
      if (Number.isFinite(value)) return;
      break;
    case 'object': {
      if (value === null) return;
      if (depth > 64) break;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) checkJsonValue(where, `${path}[${i}]`, value[i], depth + 1);
        return;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) break;
      for (const key of Object.keys(value)) {
        checkJsonValue(where, `${path}.${key}`, (value as Record<string, unknown>)[key], depth + 1);
      }
      return;
    }
  }
  throw new EventInputError(
    'EVENT_INVALID_OPTION_TYPE',
    `${where}: ${path} is ${describe(value, depth)}, which an API Gateway event cannot carry`,
    'Events are JSON: use strings, finite numbers, booleans, null, arrays and plain objects.',
    { option: path },
  );
}

function describe(value: unknown, depth: number): string {
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value !== 'object') return `a ${typeof value}`;
  if (depth > 64) return 'nested more than 64 levels deep';
  return `an instance of ${Object.getPrototypeOf(value)?.constructor?.name ?? 'an unknown class'}`;
}

/** `value` after {@link checkJsonValue}, and an object: an override merged into the event as it is. */
export function jsonOption<T>(where: string, name: string, value: T): T {
  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new EventInputError(
      'EVENT_INVALID_OPTION_TYPE',
      `${where}: ${name} must be an object of fields to override, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
      `Pass ${name}: { field: value } (a field set to undefined is removed).`,
      { option: name },
    );
  }
  checkJsonValue(where, name, value);
  return value;
}

/**
 * A text field of a built event's `requestContext` that another field is derived from (the stage in a
 * methodArn); a `requestContext` override may have removed or retyped it.
 *
 * @example
 * ```ts
 * contextText('buildRequestAuthorizerEvent', { stage: 'dev' }, 'stage'); // 'dev'
 * ```
 */
export function contextText(where: string, context: object, field: string): string {
  const value: unknown = (context as Record<string, unknown>)[field];
  if (typeof value === 'string') return value;
  throw new EventInputError(
    'EVENT_INVALID_OPTION_TYPE',
    `${where}: requestContext.${field} is ${value === undefined ? 'missing' : `a ${typeof value}`}, but the event derives other fields from it`,
    `Keep requestContext.${field} a string in the override.`,
    { option: `requestContext.${field}` },
  );
}

/** An identitySource option: an array of strings. */
export function identitySourceOption(where: string, value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  throw new EventInputError(
    'EVENT_INVALID_OPTION_TYPE',
    `${where}: identitySource must be an array of strings`,
    "Pass the identity source values, e.g. identitySource: ['Bearer abc'].",
    { option: 'identitySource' },
  );
}
