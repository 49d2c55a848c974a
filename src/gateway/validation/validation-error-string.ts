/** The parts of an ajv error this module reads. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  data?: unknown;
  message?: string;
}

const compact = (value: unknown): string => JSON.stringify(value);

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * One schema violation in the wording of json-schema-validator (the library API Gateway validates models with;
 * behaviour.md §10), for the common draft-4 keywords: required, additionalProperties, type, enum, pattern,
 * min/maxLength, minimum/maximum (exclusive too), min/maxItems, uniqueItems, min/maxProperties, multipleOf,
 * anyOf, oneOf, not. Other keywords keep ajv's message.
 *
 * @example
 * ```ts
 * describeSchemaError({ keyword: 'required', instancePath: '', params: { missingProperty: 'email' } }, ['email']);
 * // 'object has missing required properties (["email"])'
 * ```
 */
export function describeSchemaError(error: SchemaError, missing?: readonly string[]): string {
  const p = error.params;
  const data = error.data;
  switch (error.keyword) {
    case 'required':
      return `object has missing required properties (${compact(missing ?? [p.missingProperty])})`;
    case 'additionalProperties':
      return `object instance has properties which are not allowed by the schema: ${compact(missing ?? [p.additionalProperty])}`;
    case 'type':
      return `instance type (${typeName(data)}) does not match any allowed primitive type (allowed: ${compact([p.type].flat())})`;
    case 'enum':
      return `instance value (${compact(data)}) not found in enum (possible values: ${compact(p.allowedValues)})`;
    case 'pattern':
      return `ECMA 262 regex ${compact(p.pattern)} does not match input string ${compact(data)}`;
    case 'minLength':
      return `string ${compact(data)} is too short (length: ${[...String(data)].length}, required minimum: ${p.limit})`;
    case 'maxLength':
      return `string ${compact(data)} is too long (length: ${[...String(data)].length}, maximum allowed: ${p.limit})`;
    case 'minimum':
      return p.comparison === '>'
        ? `numeric instance is not strictly greater than the required minimum ${p.limit}`
        : `numeric instance is lower than the required minimum (minimum: ${p.limit}, found: ${data})`;
    case 'maximum':
      return p.comparison === '<'
        ? `numeric instance is not strictly lower than the required maximum ${p.limit}`
        : `numeric instance is greater than the required maximum (maximum: ${p.limit}, found: ${data})`;
    case 'minItems':
      return `array is too short: must have at least ${p.limit} elements but instance has ${(data as unknown[]).length} elements`;
    case 'maxItems':
      return `array is too long: must have at most ${p.limit} elements but instance has ${(data as unknown[]).length} elements`;
    case 'uniqueItems':
      return 'array must not contain duplicate elements';
    case 'minProperties':
      return `object has too few properties (found ${Object.keys(data as object).length} but schema requires at least ${p.limit})`;
    case 'maxProperties':
      return `object has too many properties (found ${Object.keys(data as object).length} but schema requires at most ${p.limit})`;
    case 'multipleOf':
      return `remainder of division is not zero (${data} / ${p.multipleOf})`;
    case 'anyOf':
      return 'instance failed to match at least one required schema among the anyOf schemas';
    case 'oneOf':
      return 'instance failed to match exactly one schema';
    case 'not':
      return 'instance matched a schema which it should not have';
    default:
      return error.message ?? `failed ${error.keyword}`;
  }
}

/**
 * `$context.error.validationErrorString` of a failed body validation (recorded: `[object has missing required
 * properties ([\"email\"])]`): the messages of {@link describeSchemaError} inside `[ ]`, comma-separated, with their
 * double quotes backslash-escaped as in the recording (so the string drops into a JSON template as is). Missing
 * required properties of one object are reported together, sorted, as json-schema-validator does; errors the
 * combinators (anyOf/oneOf) explain are not repeated.
 *
 * @example
 * ```ts
 * validationErrorString([{ keyword: 'required', instancePath: '', params: { missingProperty: 'email' } }]);
 * // '[object has missing required properties ([\\"email\\"])]'
 * ```
 */
export function validationErrorString(errors: readonly SchemaError[]): string {
  const messages: string[] = [];
  const grouped = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== 'required' && error.keyword !== 'additionalProperties') continue;
    const key = `${error.keyword}\u0000${error.instancePath}`;
    const name = String(error.params.missingProperty ?? error.params.additionalProperty);
    grouped.set(key, [...(grouped.get(key) ?? []), name]);
  }
  const done = new Set<string>();
  for (const error of errors) {
    const key = `${error.keyword}\u0000${error.instancePath}`;
    const group = grouped.get(key);
    if (group) {
      if (done.has(key)) continue;
      done.add(key);
      messages.push(describeSchemaError(error, [...group].sort()));
    } else {
      messages.push(describeSchemaError(error));
    }
  }
  return `[${messages.join(', ').replaceAll('"', '\\"')}]`;
}
