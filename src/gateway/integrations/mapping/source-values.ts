import { parseJavaJson } from '../../../vtl/java/json.js';
import { toJsonText } from '../../../vtl/java/print.js';
import { compilePath, evaluatePath } from '../../../vtl/json-path.js';

/**
 * The value a JSONPath (`$.a.b`) finds in a JSON body, as a mapping sends it: a string as it is, any other JSON value
 * as its compact JSON text; `undefined` when the body is not JSON or the path finds nothing.
 *
 * @example
 * ```ts
 * bodyPathValue('{"a": {"b": 1}}', '$.a'); // '{"b":1}'
 * ```
 */
export function bodyPathValue(body: string, path: string): string | undefined {
  let root: unknown;
  try {
    root = parseJavaJson(body);
  } catch {
    return undefined;
  }
  const found = evaluatePath(compilePath(path), root);
  if (found === null || found === undefined) return undefined;
  return typeof found === 'string' ? found : toJsonText(found);
}

/**
 * The value of a dotted `$context` path (`identity.sourceIp`): objects as JSON, scalars as text; `undefined` when
 * unset.
 *
 * @example
 * ```ts
 * contextPathValue({ identity: { sourceIp: '1.2.3.4' } }, ['identity', 'sourceIp']); // '1.2.3.4'
 * ```
 */
export function contextPathValue(
  context: Readonly<Record<string, unknown>>,
  path: readonly string[],
): string | undefined {
  let value: unknown = context;
  for (const part of path) {
    value =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
