import { GatewayConfigError } from '../../../errors/families.js';
import { bodyPathValue, contextPathValue } from '../mapping/source-values.js';

/** One HTTP API mapping operation (behaviour.md §4.6, §11 / §12.3). */
export interface MappingOperation {
  action: 'append' | 'overwrite' | 'remove';
  target: 'header' | 'querystring' | 'path' | 'statuscode';
  /** Header or query name; `''` for path and statuscode. */
  name: string;
  /** The value expression (ignored for remove). */
  value: string;
}

/** Request parameter mapping of an HTTP API integration. */
export type HttpApiRequestMapping = readonly MappingOperation[];
/** Response parameter mapping by backend status code. */
export type HttpApiResponseMapping = ReadonlyMap<string, readonly MappingOperation[]>;

/** What `$request.*`, `$response.*`, `$context.*` and `$stageVariables.*` read. */
export interface MappingValues {
  header?: (name: string) => string | undefined;
  querystring?: (name: string) => string | undefined;
  body?: string | null;
  path?: string;
  pathParameters?: Readonly<Record<string, string>>;
  responseHeader?: (name: string) => string | undefined;
  responseBody?: string | null;
  context: Readonly<Record<string, unknown>>;
  stageVariables: Readonly<Record<string, string>> | null;
}

// Headers an HTTP API mapping may not touch (behaviour.md §4.6).
const RESERVED =
  /^(access-control-.*|apigw-.*|authorization|connection|content-encoding|content-length|content-location|forwarded|keep-alive|origin|proxy-authenticate|proxy-authorization|te|trailers|transfer-encoding|upgrade|x-amz-.*|x-amzn-.*|x-forwarded-for|x-forwarded-host|x-forwarded-proto|via)$/i;
const REQUEST_KEY = /^(append|overwrite|remove):(header|querystring)\.([A-Za-z0-9._$-]+)$|^overwrite:path$/;
const RESPONSE_KEY = /^(append|overwrite|remove):header\.([A-Za-z0-9._$-]+)$|^overwrite:statuscode$/;
const TOKEN = /\$\{([^}]+)\}|\$((?:request|response|context|stageVariables)(?:\.[A-Za-z0-9_-]+)*)/g;

/** Validates `requestParameters` of an HTTP API integration: `append|overwrite|remove:{header|querystring}.<name>`, `overwrite:path`. */
export function resolveHttpApiRequestMapping(
  where: string,
  value: unknown,
): HttpApiRequestMapping | undefined {
  if (value === undefined) return undefined;
  return parseOperations(where, value, REQUEST_KEY, true);
}

/** Validates `responseParameters` of an HTTP API integration: status code (200–599) → operations. */
export function resolveHttpApiResponseMapping(
  where: string,
  value: unknown,
): HttpApiResponseMapping | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(
      where,
      'must map status codes to operations, e.g. { "404": { "overwrite:statuscode": "200" } }',
    );
  }
  const out = new Map<string, MappingOperation[]>();
  for (const [status, ops] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[2-5]\d\d$/.test(status))
      throw invalid(`${where}[${status}]`, 'keys are status codes from 200 to 599');
    out.set(status, parseOperations(`${where}[${status}]`, ops, RESPONSE_KEY, false));
  }
  return out;
}

function parseOperations(where: string, value: unknown, key: RegExp, request: boolean): MappingOperation[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(where, 'must be an object of operation → value');
  }
  const out: MappingOperation[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const at = `${where}[${JSON.stringify(k)}]`;
    if (!key.test(k)) {
      throw invalid(
        at,
        request
          ? 'keys are append|overwrite|remove:header.<name>, append|overwrite|remove:querystring.<name> or overwrite:path'
          : 'keys are append|overwrite|remove:header.<name> or overwrite:statuscode',
      );
    }
    const [action, rest] = k.split(':') as ['append' | 'overwrite' | 'remove', string];
    const dot = rest.indexOf('.');
    const target = (dot === -1 ? rest : rest.slice(0, dot)) as MappingOperation['target'];
    const name = dot === -1 ? '' : rest.slice(dot + 1);
    if (target === 'header' && RESERVED.test(name)) {
      throw invalid(at, `${name} is a reserved header HTTP APIs do not let you map`);
    }
    if (typeof v !== 'string') throw invalid(at, 'the value must be a string');
    checkExpression(at, v, request);
    if (target === 'statuscode' && !/^[2-5]\d\d$/.test(v) && !v.includes('$')) {
      throw invalid(at, `statuscode must be 200–599, got ${JSON.stringify(v)}`);
    }
    out.push({ action, target, name, value: v });
  }
  return out;
}

function checkExpression(where: string, value: string, request: boolean): void {
  for (const m of value.matchAll(TOKEN)) {
    const ref = (m[1] ?? m[2])!;
    const [root, kind, ...rest] = ref.split('.');
    const ok =
      (root === 'context' && kind !== undefined) ||
      (root === 'stageVariables' && kind !== undefined) ||
      (root === 'request' &&
        request &&
        (kind === 'path' ||
          ((kind === 'header' || kind === 'querystring' || kind === 'body') && rest.length > 0))) ||
      (root === 'response' && !request && (kind === 'header' || kind === 'body') && rest.length > 0);
    if (!ok) throw invalid(where, `unsupported reference $${ref}`);
    if (kind === 'body' && (ref.includes('..') || ref.includes('?('))) {
      throw invalid(where, `$${ref}: body paths cannot use .. or filters`);
    }
  }
}

/** Evaluates a value expression: each `$request.…`/`${…}` reference is replaced by its value (empty when unset). */
export function evaluateMappingValue(expression: string, values: MappingValues): string {
  return expression.replace(TOKEN, (_all, braced: string | undefined, bare: string | undefined) => {
    const [root, kind, ...rest] = (braced ?? bare)!.split('.');
    const name = rest.join('.');
    if (root === 'stageVariables') return values.stageVariables?.[[kind, ...rest].join('.')] ?? '';
    if (root === 'context') return contextPathValue(values.context, [kind!, ...rest]) ?? '';
    if (root === 'request') {
      if (kind === 'path') return name === '' ? (values.path ?? '') : (values.pathParameters?.[name] ?? '');
      if (kind === 'header') return values.header?.(name) ?? '';
      if (kind === 'querystring') return values.querystring?.(name) ?? '';
      return bodyValue(values.body ?? null, name);
    }
    if (kind === 'header') return values.responseHeader?.(name) ?? '';
    return bodyValue(values.responseBody ?? null, name);
  });
}

function bodyValue(body: string | null, path: string): string {
  // AWS reads at most the first 100 KB of the body for mappings (behaviour.md §4.6).
  return body === null ? '' : (bodyPathValue(body.slice(0, 100 * 1024), `$.${path}`) ?? '');
}

/** Applies header operations to a header list in order (`append` adds a value, `overwrite` replaces, `remove` deletes). */
export function applyHeaderOperations(
  headers: [string, string][],
  operations: readonly MappingOperation[],
  values: MappingValues,
  target: 'header' | 'querystring',
): [string, string][] {
  let out = headers;
  for (const op of operations) {
    if (op.target !== target) continue;
    const same = (n: string) =>
      target === 'header' ? n.toLowerCase() === op.name.toLowerCase() : n === op.name;
    if (op.action === 'remove' || op.action === 'overwrite') out = out.filter(([n]) => !same(n));
    if (op.action !== 'remove') out.push([op.name, evaluateMappingValue(op.value, values)]);
  }
  return out;
}

function invalid(where: string, why: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_INVALID_PARAMETER_MAPPING',
    `${where}: ${why}`,
    'Fix the HTTP API parameter mapping (docs/integrations.md).',
  );
}
