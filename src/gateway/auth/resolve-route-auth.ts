import { GatewayConfigError } from '../../errors/families.js';
import type { AuthorizationType } from './auth-options.js';
import type { AuthApiType, CompiledAuthorizer, RouteAuth } from './compiled-auth.js';
import type { CompiledPolicy } from './policy/compile-policy.js';

const TYPES: Readonly<Record<AuthApiType, readonly AuthorizationType[]>> = {
  REST: ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'],
  HTTP: ['NONE', 'AWS_IAM', 'CUSTOM', 'JWT'],
  WEBSOCKET: ['NONE', 'AWS_IAM', 'CUSTOM'],
};
const SCOPED: Readonly<Record<AuthApiType, string>> = {
  REST: 'COGNITO_USER_POOLS routes',
  HTTP: 'JWT routes',
  WEBSOCKET: 'JWT and Cognito routes, which WebSocket APIs do not have',
};

/** What a route says about its authorization: its key and the `authorizationType`/`authorizer`/scopes as given. */
export interface RouteAuthSettings {
  routeKey: string;
  authorization: Readonly<Record<string, unknown>> | undefined;
}

/** The authorization type an authorizer implies (REST `CUSTOM` for TOKEN/REQUEST, HTTP `CUSTOM` for REQUEST). */
function typeOf(authorizer: CompiledAuthorizer): AuthorizationType {
  if (authorizer.kind === 'lambda') return 'CUSTOM';
  return authorizer.type === 'JWT' ? 'JWT' : 'COGNITO_USER_POOLS';
}

/**
 * Checks a route's `authorizationType`, `authorizer` and `authorizationScopes` against the gateway's
 * authorizers (as `PutMethod` / `CreateRoute` would) and compiles them with the resource policy. Returns
 * `undefined` when the route needs no authorization at all, so the authorize stage costs nothing there.
 */
export function resolveRouteAuth(
  route: RouteAuthSettings,
  apiType: AuthApiType,
  authorizers: ReadonlyMap<string, CompiledAuthorizer>,
  resourcePolicy: CompiledPolicy | undefined,
): RouteAuth | undefined {
  const where = `createGateway: routes[${JSON.stringify(route.routeKey)}]`;
  const settings = route.authorization ?? {};
  const name = settings.authorizer;
  let authorizer: CompiledAuthorizer | undefined;
  if (name !== undefined) {
    authorizer = typeof name === 'string' ? authorizers.get(name) : undefined;
    if (authorizer === undefined) {
      const known = [...authorizers.keys()];
      throw bad(
        where,
        `authorizer ${JSON.stringify(name)} is not one of the gateway's authorizers`,
        known.length > 0
          ? `Use one of ${known.join(', ')}.`
          : 'Define it under authorizers: { [name]: { type, … } }.',
      );
    }
  }
  const type = (settings.authorizationType ??
    (authorizer ? typeOf(authorizer) : 'NONE')) as AuthorizationType;
  if (!TYPES[apiType].includes(type)) {
    throw bad(
      where,
      `authorizationType ${JSON.stringify(type)} is not valid on ${apiType} APIs`,
      `Use one of ${TYPES[apiType].join(', ')}.`,
    );
  }
  if (authorizer !== undefined && typeOf(authorizer) !== type) {
    throw bad(
      where,
      `authorizationType ${type} does not fit authorizer ${name} (a ${authorizer.type} authorizer)`,
      `Use authorizationType ${typeOf(authorizer)}, or leave it out.`,
    );
  }
  if (authorizer === undefined && (type === 'CUSTOM' || type === 'COGNITO_USER_POOLS' || type === 'JWT')) {
    throw bad(
      where,
      `authorizationType ${type} needs an authorizer`,
      "Name one of the gateway's authorizers in authorizer.",
    );
  }
  const scopes = settings.authorizationScopes;
  if (scopes !== undefined) {
    if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string' || s === '')) {
      throw bad(
        where,
        'authorizationScopes must be an array of scope names',
        "Write authorizationScopes: ['pets/read'].",
      );
    }
    if (type !== 'COGNITO_USER_POOLS' && type !== 'JWT') {
      throw bad(
        where,
        `authorizationScopes apply only to ${SCOPED[apiType]}, not ${type}`,
        'Remove authorizationScopes, or use a token authorizer.',
      );
    }
  }
  if (type === 'NONE' && resourcePolicy === undefined) return undefined;
  return {
    type,
    authorizer,
    scopes: scopes === undefined || scopes.length === 0 ? undefined : [...(scopes as string[])],
    resourcePolicy,
  };
}

function bad(where: string, what: string, fix: string): GatewayConfigError {
  return new GatewayConfigError('GATEWAY_INVALID_ROUTE_AUTHORIZATION', `${where}: ${what}`, fix);
}
