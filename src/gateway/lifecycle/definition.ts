import { GatewayConfigError } from '../../errors/families.js';
import type { GatewayOptions } from '../types.js';
import type { DeploymentInfo, UpdateOptions } from './lifecycle-types.js';

/**
 * What a deployment captures (behaviour.md §20.1): routes with their integrations, authorizers, models, validators,
 * gateway responses, the resource policy, binary types, CORS and the endpoint switch. Everything else is a stage
 * setting (applied at once) or the gateway's environment (fixed at creation); `functions` are Lambda's, not API
 * Gateway's, so they change without a deployment.
 */
export const DEFINITION_KEYS = [
  'routes',
  'binaryMediaTypes',
  'models',
  'requestValidators',
  'gatewayResponses',
  'authorizers',
  'apiKeySource',
  'policy',
  'corsConfiguration',
  'disableExecuteApiEndpoint',
  'endpointConfiguration',
  'name',
  'description',
  'version',
] as const satisfies readonly (keyof GatewayOptions)[];

/** The part of the options a deployment freezes. */
export type ApiDefinition = Pick<GatewayOptions, (typeof DEFINITION_KEYS)[number]>;

/** Stage settings among the creation options: they configure the first stage (and are the default of others). */
export const STAGE_SETTING_KEYS = ['stage', 'stages', 'throttle', 'cache', 'accessLog'] as const;

/** Named maps that `merge` combines entry by entry. */
const NAMED = ['routes', 'authorizers', 'models', 'requestValidators', 'gatewayResponses'] as const;

/** Splits creation options into the definition and the rest. */
export function definitionOf(options: GatewayOptions): ApiDefinition {
  const out: Record<string, unknown> = {};
  for (const key of DEFINITION_KEYS) if (options[key] !== undefined) out[key] = options[key];
  return out as ApiDefinition;
}

/**
 * The definition after `gateway.update(change, { mode })` (behaviour.md §17.7): `overwrite` takes `change` as the whole
 * definition; `merge` replaces the routes and named entries (authorizers, models, validators, gateway responses) it
 * gives and keeps the others, unions `binaryMediaTypes` (existing first), and replaces the other fields it gives.
 */
export function updatedDefinition(
  current: ApiDefinition,
  change: Record<string, unknown>,
  options: UpdateOptions,
): ApiDefinition {
  const mode = options.mode ?? 'merge';
  if (mode !== 'merge' && mode !== 'overwrite') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_UPDATE',
      `gateway.update: mode must be 'merge' or 'overwrite', got ${JSON.stringify(mode)}`,
      "Use 'merge' (AWS's default: replace what the change names, keep the rest) or 'overwrite'.",
    );
  }
  const definition: Record<string, unknown> = {};
  for (const key of DEFINITION_KEYS) if (change[key] !== undefined) definition[key] = change[key];
  if (mode === 'overwrite') {
    return { routes: {}, ...definition } as ApiDefinition;
  }
  const merged: Record<string, unknown> = { ...current, ...definition };
  for (const key of NAMED) {
    if (current[key] !== undefined && definition[key] !== undefined) {
      merged[key] = { ...(current[key] as object), ...(definition[key] as object) };
    }
  }
  if (current.binaryMediaTypes !== undefined && definition.binaryMediaTypes !== undefined) {
    merged.binaryMediaTypes = [
      ...new Set([...current.binaryMediaTypes, ...(definition.binaryMediaTypes as string[])]),
    ];
  }
  return merged as ApiDefinition;
}

/** `Deployment.apiSummary`: per resource path and method, its authorization type and whether it needs a key. */
export function apiSummary(definition: ApiDefinition): DeploymentInfo['apiSummary'] {
  const summary: Record<string, Record<string, { authorizationType: string; apiKeyRequired: boolean }>> = {};
  const authorizers = (definition.authorizers ?? {}) as Record<string, { type?: string }>;
  for (const [routeKey, value] of Object.entries(definition.routes ?? {})) {
    const [method = routeKey, path = routeKey] = routeKey === '$default' ? [] : routeKey.split(' ');
    const route = (typeof value === 'function' ? {} : value) as {
      authorizationType?: string;
      authorizer?: string;
      apiKeyRequired?: boolean;
    };
    const authorizerType = route.authorizer === undefined ? undefined : authorizers[route.authorizer]?.type;
    const authorizationType =
      route.authorizationType ??
      (authorizerType === undefined
        ? 'NONE'
        : authorizerType === 'COGNITO_USER_POOLS' || authorizerType === 'JWT'
          ? authorizerType
          : 'CUSTOM');
    summary[path] ??= {};
    summary[path][method] = { authorizationType, apiKeyRequired: route.apiKeyRequired === true };
  }
  return summary;
}
