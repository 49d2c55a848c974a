import type { ApiType } from '../../types.js';
import { COPIED_AUTHORIZER_FIELDS } from '../openapi/security.js';
import { invocationUri } from './export-integration.js';

/** Security schemes for the API key and IAM requirements (what SAM and AWS's export write). */
export const API_KEY_SCHEME = { type: 'apiKey', name: 'x-api-key', in: 'header' };
export const SIGV4_SCHEME = {
  type: 'apiKey',
  name: 'Authorization',
  in: 'header',
  'x-amazon-apigateway-authtype': 'awsSigv4',
};

/**
 * The API's authorizers as security schemes with `x-amazon-apigateway-authorizer` (behaviour.md §17.5, §17.6): REST
 * TOKEN / REQUEST / Cognito as `apiKey` schemes (the header they read, `Unused` for REQUEST), HTTP JWT as `oauth2`,
 * HTTP REQUEST as `apiKey`; `authType` as `x-amazon-apigateway-authtype`.
 */
export function exportAuthorizers(
  authorizers: Record<string, Record<string, unknown>>,
  at: { apiType: ApiType; region: string; accountId: string },
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, config] of Object.entries(authorizers)) {
    const type = String(config.type);
    const ext: Record<string, unknown> = { type: type.toLowerCase() };
    if (type === 'TOKEN' || type === 'REQUEST') {
      const fn = String(
        config.functionName ?? `authorizer-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`.slice(0, 64),
      );
      ext.authorizerUri = config.authorizerUri ?? invocationUri(at.region, at.accountId, fn);
    }
    const source = config.identitySource;
    if (source !== undefined) ext.identitySource = Array.isArray(source) ? source.join(', ') : source;
    for (const key of COPIED_AUTHORIZER_FIELDS) {
      if (config[key] !== undefined) ext[key] = config[key];
    }
    if (type === 'JWT') {
      out[name] = { type: 'oauth2', flows: {}, 'x-amazon-apigateway-authorizer': ext };
      continue;
    }
    const header =
      type === 'REQUEST'
        ? 'Unused'
        : headerOf(typeof source === 'string' ? source : 'method.request.header.Authorization');
    const scheme: Record<string, unknown> = { type: 'apiKey', name: header, in: 'header' };
    const authType =
      config.authType ??
      (at.apiType === 'REST' ? (type === 'COGNITO_USER_POOLS' ? 'cognito_user_pools' : 'custom') : undefined);
    if (authType !== undefined) scheme['x-amazon-apigateway-authtype'] = authType;
    scheme['x-amazon-apigateway-authorizer'] = ext;
    out[name] = scheme;
  }
  return out;
}

function headerOf(source: string): string {
  return /^method\.request\.header\.(.+)$/.exec(source)?.[1] ?? 'Authorization';
}

/**
 * A route's security requirement: its authorizer (with its scopes), IAM, and the API key, in one requirement object
 * (all must be met, as on AWS); `undefined` when the route needs none.
 */
export function routeSecurity(route: Record<string, unknown>): Record<string, string[]> | undefined {
  const requirement: Record<string, string[]> = {};
  if (typeof route.authorizer === 'string') {
    requirement[route.authorizer] = [...((route.authorizationScopes as string[] | undefined) ?? [])];
  } else if (route.authorizationType === 'AWS_IAM') {
    requirement.sigv4 = [];
  }
  if (route.apiKeyRequired === true) requirement.api_key = [];
  return Object.keys(requirement).length > 0 ? requirement : undefined;
}
