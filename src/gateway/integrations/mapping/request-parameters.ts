import { GatewayConfigError } from '../../../errors/families.js';
import { compilePath } from '../../../vtl/json-path.js';
import { bodyPathValue, contextPathValue } from './source-values.js';

/** Where an integration request parameter goes. */
export type IntegrationLocation = 'header' | 'querystring' | 'path';

/** Where a request parameter (or a gateway-response parameter) takes its value from (behaviour.md §4.6). */
export type RequestSource =
  | { kind: 'static'; value: string }
  | { kind: 'method'; location: 'path' | 'querystring' | 'header'; name: string; multi: boolean }
  | { kind: 'body'; path: string | null }
  | { kind: 'stageVariable'; name: string }
  | { kind: 'context'; path: readonly string[] };

/** One `integration.request.<location>.<name>` mapping. */
export interface RequestParameterMapping {
  location: IntegrationLocation;
  name: string;
  source: RequestSource;
  /** The expression as written, for traces. */
  expression: string;
}

const NAME = /^[a-zA-Z0-9._$-]+$/;
const TARGET = /^integration\.request\.(header|querystring|path)\.(.+)$/;

/** What the route declares, so a mapping from an undeclared method request parameter can be refused. */
export interface DeclaredParameters {
  /** `method.request.{path|querystring|header}.<name>` keys of the route's `requestParameters`. */
  declared: ReadonlySet<string>;
  /** Variables of the resource path (`{id}` → `id`; `{proxy+}` → `proxy`), implicitly declared. */
  pathVariables: ReadonlySet<string>;
}

/**
 * Parses a source expression: `method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.<name>`,
 * `method.request.body[.<JSONPath>]`, `stageVariables.<name>`, `context.<name>` or `'static'`. A method request
 * parameter must be declared on the route (AWS: "Invalid mapping expression specified"); path variables of the
 * resource count as declared. `prefix` is the family name used in messages.
 *
 * @example
 * ```ts
 * parseRequestSource('where', 'method.request.header.X-Id', declared); // { kind: 'method', location: 'header', … }
 * ```
 */
export function parseRequestSource(
  where: string,
  expression: unknown,
  declared: DeclaredParameters | undefined,
  allowBody = true,
): RequestSource {
  if (typeof expression !== 'string' || expression === '') {
    throw invalid(where, `a mapping source must be a non-empty string, got ${JSON.stringify(expression)}`);
  }
  const e = expression;
  if (e.length >= 2 && e.startsWith("'") && e.endsWith("'")) return { kind: 'static', value: e.slice(1, -1) };
  const m = /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.(.+)$/.exec(
    e,
  );
  if (m) {
    const raw = m[1]!;
    const name = m[2]!;
    const location =
      raw === 'multivaluequerystring' ? 'querystring' : raw === 'multivalueheader' ? 'header' : raw;
    const loc = location as 'path' | 'querystring' | 'header';
    if (declared && !isDeclared(declared, loc, name)) {
      throw invalid(
        where,
        `${e} reads method.request.${loc}.${name}, which the route does not declare (AWS: "Invalid mapping expression specified")`,
        `Declare it on the route: requestParameters: { 'method.request.${loc}.${name}': false }${loc === 'path' ? ', or use a variable of the resource path' : ''}.`,
      );
    }
    return { kind: 'method', location: loc, name, multi: raw.startsWith('multivalue') };
  }
  if (allowBody && e === 'method.request.body') return { kind: 'body', path: null };
  if (allowBody && e.startsWith('method.request.body.')) {
    const path = `$.${e.slice(20)}`;
    try {
      compilePath(path);
    } catch {
      throw invalid(where, `invalid JSONPath in ${JSON.stringify(e)}`);
    }
    return { kind: 'body', path };
  }
  if (e.startsWith('stageVariables.') && e.length > 15) return { kind: 'stageVariable', name: e.slice(15) };
  if (e.startsWith('context.') && e.length > 8) return { kind: 'context', path: e.slice(8).split('.') };
  throw invalid(
    where,
    `unsupported mapping expression ${JSON.stringify(e)}`,
    `Use 'static', method.request.{path|querystring|header}.<name>${allowBody ? ', method.request.body[.<path>]' : ''}, stageVariables.<name> or context.<name>.`,
  );
}

function isDeclared(declared: DeclaredParameters, location: string, name: string): boolean {
  if (location === 'path' && declared.pathVariables.has(name)) return true;
  return declared.declared.has(`method.request.${location}.${name}`);
}

/**
 * Validates an integration's `requestParameters` (`integration.request.header.X-Id` → source).
 *
 * @example
 * ```ts
 * resolveRequestParameters('where', { 'integration.request.path.id': 'method.request.path.id' }, declared);
 * ```
 */
export function resolveRequestParameters(
  where: string,
  value: unknown,
  declared: DeclaredParameters,
): RequestParameterMapping[] {
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(where, 'requestParameters must map integration.request.<location>.<name> to a source');
  }
  const out: RequestParameterMapping[] = [];
  for (const [key, expression] of Object.entries(value as Record<string, unknown>)) {
    const at = `${where}.requestParameters[${JSON.stringify(key)}]`;
    const m = TARGET.exec(key);
    if (!m || !NAME.test(m[2]!)) {
      throw invalid(
        at,
        `${JSON.stringify(key)} is not integration.request.{header|querystring|path}.<name> (names match ${NAME.source})`,
      );
    }
    out.push({
      location: m[1] as IntegrationLocation,
      name: m[2]!,
      source: parseRequestSource(at, expression, declared),
      expression: expression as string,
    });
  }
  return out;
}

/** What request sources read. */
export interface RequestSources {
  path: Readonly<Record<string, string>>;
  /** Query parameters in order, values decoded. */
  query: readonly (readonly [string, string])[];
  /** Method request headers in order (hop-by-hop ones already removed). */
  headers: readonly (readonly [string, string])[];
  body: string | null;
  stageVariables: Readonly<Record<string, string>> | null;
  context: Readonly<Record<string, unknown>>;
}

/**
 * Evaluates a request source; `undefined` when it has no value (the parameter is then not sent). Multi-value
 * sources join their values with commas; single-value query and header sources take the last value.
 *
 * @example
 * ```ts
 * evaluateRequestSource({ kind: 'static', value: 'x' }, sources); // 'x'
 * ```
 */
export function evaluateRequestSource(source: RequestSource, from: RequestSources): string | undefined {
  switch (source.kind) {
    case 'static':
      return source.value;
    case 'method': {
      if (source.location === 'path') return from.path[source.name];
      const values: string[] = [];
      const lower = source.location === 'header' ? source.name.toLowerCase() : undefined;
      for (const [name, v] of source.location === 'header' ? from.headers : from.query) {
        if (lower === undefined ? name === source.name : name.toLowerCase() === lower) values.push(v);
      }
      if (values.length === 0) return undefined;
      return source.multi ? values.join(',') : values[values.length - 1];
    }
    case 'body':
      if (source.path === null) return from.body ?? undefined;
      return from.body === null ? undefined : bodyPathValue(from.body, source.path);
    case 'stageVariable':
      return from.stageVariables?.[source.name];
    case 'context':
      return contextPathValue(from.context, source.path);
  }
}

function invalid(where: string, why: string, hint = 'Fix the parameter mapping.'): GatewayConfigError {
  return new GatewayConfigError('GATEWAY_INVALID_PARAMETER_MAPPING', `${where}: ${why}`, hint);
}
