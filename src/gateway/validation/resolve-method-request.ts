import { GatewayConfigError } from '../../errors/families.js';
import type { DeclaredParameters } from '../integrations/mapping/request-parameters.js';
import type { ModelValidator } from './resolve-models.js';

/**
 * A request validator (`CreateRequestValidator`).
 *
 * @example
 * ```ts
 * const both: RequestValidatorConfig = { validateRequestBody: true, validateRequestParameters: true };
 * ```
 */
export interface RequestValidatorConfig {
  validateRequestBody?: boolean;
  validateRequestParameters?: boolean;
}

/** What the validate-request stage checks on one route; `undefined` when the route has no validator. */
export interface RouteValidation {
  /** Required parameters as full keys (`method.request.header.x`), sorted as AWS lists them. */
  required: readonly { key: string; location: 'path' | 'querystring' | 'header'; name: string }[];
  /** Models by lower-cased media type (body validation on); empty when the body is not validated. */
  models: ReadonlyMap<string, { name: string; validate: ModelValidator }>;
}

/** A route's method request, resolved: declared parameters (for mappings) and its validation. */
export interface MethodRequestConfig {
  declared: DeclaredParameters;
  validation: RouteValidation | undefined;
}

const PARAM = /^method\.request\.(path|querystring|header)\.([a-zA-Z0-9._$-]+)$/;

/**
 * Validates a route's `requestParameters` (`'method.request.querystring.page': true` = required), `requestModels`
 * (content type → model name) and `requestValidator` (a name in `requestValidators`) and compiles the checks.
 *
 * @example
 * ```ts
 * resolveMethodRequest('where', route, new Set(['id']), validators, models);
 * ```
 */
export function resolveMethodRequest(
  where: string,
  route: { requestParameters?: unknown; requestModels?: unknown; requestValidator?: unknown },
  pathVariables: ReadonlySet<string>,
  validators: ReadonlyMap<string, Required<RequestValidatorConfig>>,
  models: () => ReadonlyMap<string, ModelValidator>,
): MethodRequestConfig {
  const declared = new Set<string>();
  const required: { key: string; location: 'path' | 'querystring' | 'header'; name: string }[] = [];
  const params = route.requestParameters ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw invalid(
      where,
      'requestParameters must map method.request.<location>.<name> to true (required) or false',
    );
  }
  for (const [key, flag] of Object.entries(params as Record<string, unknown>)) {
    const m = PARAM.exec(key);
    if (!m || typeof flag !== 'boolean') {
      throw invalid(
        `${where}.requestParameters`,
        `${JSON.stringify(key)}: ${flag} is not 'method.request.{path|querystring|header}.<name>': true|false`,
      );
    }
    if (m[1] === 'path' && !pathVariables.has(m[2]!)) {
      throw invalid(`${where}.requestParameters`, `${key}: the resource path has no {${m[2]}}`);
    }
    declared.add(key);
    if (flag) required.push({ key, location: m[1] as 'path', name: m[2]! });
  }
  required.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const modelsByType = new Map<string, { name: string; validate: ModelValidator }>();
  if (route.requestModels !== undefined) {
    const rm = route.requestModels;
    if (typeof rm !== 'object' || rm === null || Array.isArray(rm)) {
      throw invalid(
        where,
        "requestModels must map content types to model names, e.g. { 'application/json': 'Pet' }",
      );
    }
    const known = models();
    for (const [type, name] of Object.entries(rm as Record<string, unknown>)) {
      const validate = typeof name === 'string' ? known.get(name) : undefined;
      if (!validate) {
        throw invalid(
          `${where}.requestModels[${JSON.stringify(type)}]`,
          `no model named ${JSON.stringify(name)}`,
          `Define it in createGateway({ models: { ${String(name)}: { schema } } }), or use the built-in Empty or Error.`,
        );
      }
      modelsByType.set(type.toLowerCase(), { name: name as string, validate });
    }
  }
  let validation: RouteValidation | undefined;
  if (route.requestValidator !== undefined) {
    const validator =
      typeof route.requestValidator === 'string' ? validators.get(route.requestValidator) : undefined;
    if (!validator) {
      throw invalid(
        `${where}.requestValidator`,
        `no request validator named ${JSON.stringify(route.requestValidator)}`,
        `Define it: requestValidators: { ${JSON.stringify(String(route.requestValidator))}: { validateRequestBody: true, validateRequestParameters: true } }.`,
      );
    }
    validation = {
      required: validator.validateRequestParameters ? required : [],
      models: validator.validateRequestBody ? modelsByType : new Map(),
    };
    if (validation.required.length === 0 && validation.models.size === 0) validation = undefined;
  }
  return { declared: { declared, pathVariables }, validation };
}

/** Validates `requestValidators` (name → which parts to validate). */
export function resolveRequestValidators(value: unknown): Map<string, Required<RequestValidatorConfig>> {
  const out = new Map<string, Required<RequestValidatorConfig>>();
  if (value === undefined) return out;
  const where = 'createGateway: requestValidators';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(where, 'must be an object keyed by validator name');
  }
  for (const [name, config] of Object.entries(value as Record<string, unknown>)) {
    const c = (config ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(c)) {
      if (key !== 'validateRequestBody' && key !== 'validateRequestParameters') {
        throw invalid(
          `${where}.${name}`,
          `unknown field ${JSON.stringify(key)}`,
          'Use validateRequestBody and validateRequestParameters.',
        );
      }
      if (typeof c[key] !== 'boolean') throw invalid(`${where}.${name}.${key}`, 'must be a boolean');
    }
    out.set(name, {
      validateRequestBody: c.validateRequestBody === true,
      validateRequestParameters: c.validateRequestParameters === true,
    });
  }
  return out;
}

function invalid(where: string, why: string, hint = 'Fix the method request.'): GatewayConfigError {
  return new GatewayConfigError('GATEWAY_INVALID_METHOD_REQUEST', `${where}: ${why}`, hint);
}
