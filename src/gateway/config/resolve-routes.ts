import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import type { IdSource } from '../../ids/ids.js';
import type { RouteAuth } from '../auth/compiled-auth.js';
import type { RouteCacheOptions } from '../caching/index.js';
import { defaultFunctionName } from '../functions/lambda-uri.js';
import { createHttpRouter } from '../routing/http-router.js';
import { createRestRouter, type RouteMatch } from '../routing/rest-router.js';
import { type ParsedRouteKey, parseRouteKey } from '../routing/route-key.js';
import type { ThrottleLimits } from '../types.js';
import {
  type RequestValidatorConfig,
  type RouteValidation,
  resolveMethodRequest,
} from '../validation/resolve-method-request.js';
import type { ModelValidator } from '../validation/resolve-models.js';
import { refuseIntegrationOptionOnRoute } from './misplaced-options.js';
import { refuseUnsupported } from './refusals.js';
import {
  type IntegrationDefaults,
  type ResolvedIntegration,
  resolveIntegration,
} from './resolve-integration.js';

/** A route ready to serve: its key, resource, integration and policy settings. */
export interface CompiledRoute {
  routeKey: string;
  /** Method of the route key (`ANY` included). */
  method: string;
  /** Resource path (`/pets/{id}`); for `$default`, `$default`. */
  resource: string;
  /** REST resource id (`requestContext.resourceId`), stable per resource. */
  resourceId: string;
  integration: ResolvedIntegration;
  apiKeyRequired: boolean;
  throttle: ThrottleLimits | undefined;
  caching: RouteCacheOptions | undefined;
  /** REST request validation (`requestValidator`); `undefined` when the route validates nothing. */
  validation: RouteValidation | undefined;
  /** The route's `authorizationType`, `authorizer` and `authorizationScopes` as given (checked by the auth setup). */
  authorization: Readonly<Record<string, unknown>> | undefined;
  /** Compiled authorization (authorizer, scopes, resource policy); `undefined` costs the pipeline nothing. */
  auth: RouteAuth | undefined;
}

/** What resolving a route's method request needs from the gateway. */
export interface MethodRequestDefaults {
  validators: ReadonlyMap<string, Required<RequestValidatorConfig>>;
  models: () => ReadonlyMap<string, ModelValidator>;
}

/** Routes compiled into a matcher. */
export interface RouteTable {
  routes: readonly CompiledRoute[];
  match(method: string, segments: readonly string[]): RouteMatch<CompiledRoute> | undefined;
}

const ROUTE_KEYS = [
  'integration',
  'apiKeyRequired',
  'throttle',
  'caching',
  'methodResponses',
  'requestParameters',
  'requestModels',
  'requestValidator',
  'authorizationType',
  'authorizer',
  'authorizationScopes',
] as const;
const REST_ONLY_ROUTE_KEYS = [
  'methodResponses',
  'requestParameters',
  'requestModels',
  'requestValidator',
] as const;
const AUTH_KEYS = ['authorizationType', 'authorizer', 'authorizationScopes'] as const;

/** Validates `options.routes` and compiles them (behaviour.md §11). */
export function resolveRoutes(
  routes: unknown,
  defaults: IntegrationDefaults,
  ids: IdSource,
  methodRequests: MethodRequestDefaults,
): RouteTable {
  if (typeof routes !== 'object' || routes === null || Array.isArray(routes)) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_ROUTES',
      'createGateway: routes must be an object keyed by route key',
      `Write routes: { 'GET /pets': handler }.`,
    );
  }
  const { apiType } = defaults;
  const resourceIds = new Map<string, string>();
  const pairs: [ParsedRouteKey, CompiledRoute][] = [];
  for (const [routeKey, value] of Object.entries(routes)) {
    const where = `createGateway: routes[${JSON.stringify(routeKey)}]`;
    const key = parseRouteKey(routeKey, apiType);
    let resourceId = resourceIds.get(key.path);
    if (!resourceId) {
      resourceId = ids.alphanumeric(6);
      resourceIds.set(key.path, resourceId);
    }
    const config = routeObject(where, value);
    refuseUnsupported(where, config);
    refuseIntegrationOptionOnRoute(where, config);
    assertKnownOptions(where, config, ROUTE_KEYS);
    const route = config as Record<string, unknown>;
    requireIntegration(where, route);
    const apiKeyRequired = route.apiKeyRequired ?? false;
    if (typeof apiKeyRequired !== 'boolean') throw invalidSetting(where, 'apiKeyRequired', 'a boolean');
    if (apiType === 'HTTP' && apiKeyRequired) throw restOnly(where, 'apiKeyRequired', 'API keys');
    if (apiType === 'HTTP' && route.caching !== undefined)
      throw restOnly(where, 'caching', 'response caching');
    for (const name of REST_ONLY_ROUTE_KEYS) {
      if (apiType === 'HTTP' && route[name] !== undefined)
        throw restOnly(where, name, 'method requests and responses');
    }
    const pathVariables = new Set([...key.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!));
    const methodRequest = resolveMethodRequest(
      where,
      route,
      pathVariables,
      methodRequests.validators,
      methodRequests.models,
    );
    checkResponseModels(where, route.methodResponses, methodRequests);
    if (route.caching !== undefined && (typeof route.caching !== 'object' || route.caching === null)) {
      throw invalidSetting(where, 'caching', 'an object');
    }
    const functionName = defaultFunctionName(apiType, routeKey);
    pairs.push([
      key,
      {
        routeKey,
        method: key.method,
        resource: key.path,
        resourceId,
        integration: resolveIntegration(
          `${where}.integration`,
          route.integration,
          defaults,
          functionName,
          route.methodResponses,
          methodRequest.declared,
        ),
        apiKeyRequired,
        throttle: route.throttle as ThrottleLimits | undefined,
        caching: route.caching as RouteCacheOptions | undefined,
        validation: methodRequest.validation,
        authorization: AUTH_KEYS.some((k) => route[k] !== undefined)
          ? Object.fromEntries(AUTH_KEYS.map((k) => [k, route[k]]))
          : undefined,
        auth: undefined,
      },
    ]);
  }
  const router = apiType === 'REST' ? createRestRouter(pairs) : createHttpRouter(pairs);
  return { routes: pairs.map(([, route]) => route), match: router.match };
}

/** Method responses' `responseModels` must name models of the API (`Empty` and `Error` always exist). */
function checkResponseModels(where: string, responses: unknown, methodRequests: MethodRequestDefaults): void {
  if (typeof responses !== 'object' || responses === null) return;
  for (const [status, response] of Object.entries(responses)) {
    const models = (response as { responseModels?: Record<string, string> } | null)?.responseModels;
    if (models === undefined) continue;
    const known = methodRequests.models();
    for (const [type, name] of Object.entries(models)) {
      if (!known.has(name)) {
        throw new GatewayConfigError(
          'GATEWAY_INVALID_INTEGRATION',
          `${where}.methodResponses[${JSON.stringify(status)}].responseModels[${JSON.stringify(type)}]: no model ${JSON.stringify(name)}`,
          `Define it in models, or use one of ${[...known.keys()].join(', ')}.`,
          { model: name },
        );
      }
    }
  }
}

/**
 * A route value as a route object: a handler is the Lambda proxy shorthand (`{ integration: { type: 'AWS_PROXY',
 * handler } }`); anything but a function or an object is `GATEWAY_INVALID_ROUTE` (REST, HTTP and WebSocket routes).
 */
export function routeObject(where: string, value: unknown): Record<string, unknown> {
  const config = typeof value === 'function' ? { integration: { type: 'AWS_PROXY', handler: value } } : value;
  if (typeof config !== 'object' || config === null) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_ROUTE',
      `${where}: a route is a handler function or a route object, got ${config === null ? 'null' : typeof config}`,
      'Pass the Lambda handler, or { integration: { ... } }.',
    );
  }
  return config as Record<string, unknown>;
}

/** Throws `GATEWAY_MISSING_INTEGRATION` for a route object without `integration`. */
export function requireIntegration(where: string, route: Record<string, unknown>): void {
  if (route.integration !== undefined) return;
  throw new GatewayConfigError(
    'GATEWAY_MISSING_INTEGRATION',
    `${where}: the route has no integration`,
    "Add integration: { type: 'AWS_PROXY', handler } or pass the handler directly.",
  );
}

function invalidSetting(where: string, name: string, expected: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_INVALID_ROUTE',
    `${where}: ${name} must be ${expected}`,
    `Fix ${name} or remove it.`,
  );
}

function restOnly(where: string, name: string, feature: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_REST_ONLY',
    `${where}: ${name} is not available on HTTP APIs (${feature} exist only for REST APIs)`,
    `Remove ${name}, or use apiType: 'REST'.`,
    { option: name },
  );
}
