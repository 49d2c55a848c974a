import { EventInputError, unknownOptionError } from '../../errors/families.js';
import { formatText } from '../../errors/format-value.js';

// Builder options that take plain text, numbers or booleans. Options with richer shapes (headers, query, body,
// time, identity, authorizer, requestContext, …) are checked where they are used.
/** What a plain-valued option must be. */
export type OptionType = 'string' | 'number' | 'boolean' | 'string or number' | 'array of strings';

const TYPES = new Map<string, OptionType>([
  ['seed', 'string or number'],
  ['binaryMediaTypes', 'array of strings'],
  ...[
    'apiId',
    'accountId',
    'region',
    'domainName',
    'requestId',
    'extendedRequestId',
    'sourceIp',
    'userAgent',
    'resource',
    'resourceId',
    'deploymentId',
    'routeKey',
    'connectionId',
    'messageId',
    'disconnectReason',
    'methodArn',
    'routeArn',
    'functionName',
    'functionVersion',
    'alias',
    'awsRequestId',
  ].map((key) => [key, 'string'] as const),
  ...['connectedAt', 'disconnectStatusCode', 'memoryLimitInMB', 'timeoutMs', 'timeout'].map(
    (key) => [key, 'number'] as const,
  ),
  ...['randomIds', 'callbackWaitsForEmptyEventLoop'].map((key) => [key, 'boolean'] as const),
]);

/**
 * Checks a builder's options: an object whose keys are all `known`, the plain-valued ones of the right type.
 * Throws `UNKNOWN_OPTION`, `EVENT_INVALID_OPTIONS` or `EVENT_INVALID_OPTION_TYPE`.
 *
 * @example
 * ```ts
 * checkEventOptions('buildProxyEventV1', { apiId: 7 }, optionTable(['apiId'])); // throws EVENT_INVALID_OPTION_TYPE
 * ```
 */
export function checkEventOptions(
  where: string,
  options: unknown,
  known: ReadonlyMap<string, OptionType | null>,
): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new EventInputError(
      'EVENT_INVALID_OPTIONS',
      `${where}: options must be an object, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`,
      `Call ${where}({ … }) with an options object, or with no argument for the defaults.`,
    );
  }
  const keys = Object.keys(options);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const type = known.get(key);
    if (type === null) continue;
    if (type === undefined) throw unknownOptionError(where, key, [...known.keys()]);
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined || typeof value === type) continue;
    if (type === 'string or number' && (typeof value === 'string' || typeof value === 'number')) continue;
    if (type === 'array of strings' && Array.isArray(value) && value.every((v) => typeof v === 'string'))
      continue;
    throw new EventInputError(
      'EVENT_INVALID_OPTION_TYPE',
      `${where}: ${key} must be ${type === 'array of strings' ? 'an' : 'a'} ${type}, got ${value === null ? 'null' : typeof value === 'object' ? 'an object' : `${typeof value} ${formatText(value)}`}`,
      `Pass ${key} as ${type === 'array of strings' ? 'an' : 'a'} ${type}, or leave it out for the default.`,
      { option: key },
    );
  }
}

/**
 * The option table of a builder: each known key with the type its value must have (null: checked where used).
 * One lookup per key then answers both "is it known" and "what type".
 *
 * @example
 * ```ts
 * optionTable(['apiId', 'headers']); // Map { 'apiId' => 'string', 'headers' => null }
 * ```
 */
export function optionTable(known: readonly string[]): ReadonlyMap<string, OptionType | null> {
  return new Map(known.map((key) => [key, TYPES.get(key) ?? null]));
}
