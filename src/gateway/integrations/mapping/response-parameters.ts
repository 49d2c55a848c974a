import { GatewayConfigError } from '../../../errors/families.js';
import { compilePath } from '../../../vtl/json-path.js';
import { bodyPathValue, contextPathValue } from './source-values.js';
import type { ParameterSource } from './types.js';

const TARGET = 'method.response.header.';
const NAME = /^[a-zA-Z0-9._$-]+$/;

/**
 * Parses one `responseParameters` entry (behaviour.md §4.6): the key `method.response.header.<Name>` and its
 * source expression. Throws `GatewayConfigError` for anything AWS would refuse when the integration response is
 * created.
 *
 * @example
 * ```ts
 * parseResponseParameter('where', 'method.response.header.X-Id', 'integration.response.body.id');
 * // ['X-Id', { kind: 'body', path: 'id' }]
 * ```
 */
export function parseResponseParameter(
  where: string,
  key: string,
  expression: unknown,
): [string, ParameterSource] {
  if (!key.startsWith(TARGET) || !NAME.test(key.slice(TARGET.length))) {
    throw invalid(
      where,
      `responseParameters key ${JSON.stringify(key)} is not method.response.header.<Name>`,
    );
  }
  if (typeof expression !== 'string') throw invalid(where, `${key} must map to a string expression`);
  return [key.slice(TARGET.length), parseSource(where, key, expression)];
}

function parseSource(where: string, key: string, e: string): ParameterSource {
  if (e.length >= 2 && e.startsWith("'") && e.endsWith("'")) return { kind: 'static', value: e.slice(1, -1) };
  const rest = (prefix: string): string | undefined =>
    e.startsWith(prefix) && e.length > prefix.length ? e.slice(prefix.length) : undefined;
  let name = rest('integration.response.header.');
  if (name !== undefined) return { kind: 'header', name, multi: false };
  name = rest('integration.response.multivalueheader.');
  if (name !== undefined) return { kind: 'header', name, multi: true };
  if (e === 'integration.response.body') return { kind: 'body', path: null };
  name = rest('integration.response.body.');
  if (name !== undefined) {
    try {
      compilePath(`$.${name}`);
    } catch {
      throw invalid(where, `${key}: invalid JSONPath in ${JSON.stringify(e)}`);
    }
    return { kind: 'body', path: `$.${name}` };
  }
  name = rest('stageVariables.');
  if (name !== undefined) return { kind: 'stageVariable', name };
  name = rest('context.');
  if (name !== undefined) return { kind: 'context', path: name.split('.') };
  throw invalid(
    where,
    `${key}: unsupported mapping expression ${JSON.stringify(e)} (use 'static', integration.response.header.x, integration.response.body[.path], stageVariables.x or context.x)`,
  );
}

/** What a response parameter can read. */
export interface ParameterSources {
  /** Integration response headers (name → values). */
  headers: ReadonlyMap<string, readonly string[]>;
  /** Integration response body, `null` when there is none. */
  body: string | null;
  stageVariables: Readonly<Record<string, string>> | null;
  context: Readonly<Record<string, unknown>>;
}

/**
 * Evaluates a source; `undefined` when it has no value (the header is then not sent). JSON values found by a
 * body path are sent as their JSON text, strings as they are.
 *
 * @example
 * ```ts
 * evaluateParameter({ kind: 'static', value: 'yes' }, sources); // 'yes'
 * ```
 */
export function evaluateParameter(source: ParameterSource, from: ParameterSources): string | undefined {
  switch (source.kind) {
    case 'static':
      return source.value;
    case 'header': {
      const values = lookupHeader(from.headers, source.name);
      if (values === undefined || values.length === 0) return undefined;
      return source.multi ? values.join(',') : values[values.length - 1];
    }
    case 'body':
      if (from.body === null) return undefined;
      return source.path === null ? from.body : bodyPathValue(from.body, source.path);
    case 'stageVariable':
      return from.stageVariables?.[source.name];
    case 'context':
      return contextPathValue(from.context, source.path);
  }
}

function lookupHeader(
  headers: ReadonlyMap<string, readonly string[]>,
  name: string,
): readonly string[] | undefined {
  const lower = name.toLowerCase();
  for (const [key, values] of headers) if (key.toLowerCase() === lower) return values;
  return undefined;
}

function invalid(where: string, why: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_INVALID_INTEGRATION',
    `${where}: ${why}`,
    'Fix the response mapping.',
  );
}
