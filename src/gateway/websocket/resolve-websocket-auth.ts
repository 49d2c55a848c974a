import type { Clock } from '../../clock/clock.js';
import type { IdSource } from '../../ids/ids.js';
import type { CompiledLambdaAuthorizer, RouteAuth } from '../auth/compiled-auth.js';
import { type GatewayAuth, registerIdentities, resolveAccessDeniedWording } from '../auth/create-auth.js';
import { AuthorizerCache } from '../auth/lambda/authorizer-cache.js';
import { resolveAuthorizers } from '../auth/resolve-authorizers.js';
import { resolveRouteAuth } from '../auth/resolve-route-auth.js';
import type { ResolvedWsRoute } from './resolve-websocket-routes.js';
import type { WebSocketGatewayOptions } from './websocket-types.js';

/** How a WebSocket API authorizes its `$connect` (behaviour.md §2.1–§2.3, §13). */
export interface WebSocketAuth {
  /** Shared with the HTTP pipeline's engines: API ARN, deny wording, IAM credentials, lazily loaded engines. */
  state: GatewayAuth;
  /** `CUSTOM` (a Lambda REQUEST authorizer) or `AWS_IAM`. */
  type: 'CUSTOM' | 'AWS_IAM';
  /** The `$connect` authorizer when `type` is `CUSTOM`. */
  authorizer: CompiledLambdaAuthorizer | undefined;
}

/** What {@link resolveWebSocketAuth} reads of the resolved API. */
interface ApiFacts {
  region: string;
  accountId: string;
  apiId: string;
  clock: Clock;
  ids: IdSource;
  functionTimeoutMs: number;
}

/**
 * Validates `authorizers` (WebSocket APIs have only Lambda `REQUEST` authorizers, without result caching),
 * `identityProviders`, `accessDeniedWording` and the `$connect` route's `authorizationType` / `authorizer`, as
 * `CreateAuthorizer` and `CreateRoute` would. `undefined` when `$connect` needs no authorization, so a connect
 * costs nothing extra.
 */
export function resolveWebSocketAuth(
  options: WebSocketGatewayOptions,
  connectRoute: ResolvedWsRoute | undefined,
  api: ApiFacts,
): WebSocketAuth | undefined {
  const authorizers = resolveAuthorizers(options.authorizers, 'WEBSOCKET', api.ids, api.functionTimeoutMs);
  const apiArn = `arn:aws:execute-api:${api.region}:${api.accountId}:${api.apiId}`;
  const wording = resolveAccessDeniedWording(options.accessDeniedWording);
  const { issuers, credentials } = registerIdentities(options.identityProviders, apiArn, api.accountId);
  const route: RouteAuth | undefined =
    connectRoute === undefined
      ? undefined
      : resolveRouteAuth(
          { routeKey: '$connect', authorization: connectRoute.authorization },
          'WEBSOCKET',
          authorizers,
          undefined,
        );
  if (route === undefined || (route.type !== 'CUSTOM' && route.type !== 'AWS_IAM')) return undefined;
  return {
    state: {
      apiArn,
      wording,
      apiKeySource: 'HEADER',
      cache: new AuthorizerCache(api.clock),
      issuers,
      credentials,
      engines: new Map(),
    },
    type: route.type,
    authorizer: route.authorizer?.kind === 'lambda' ? route.authorizer : undefined,
  };
}
