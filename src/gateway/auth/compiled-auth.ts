import type { AuthorizerApi } from '../../response/authorizer-result-types.js';
import type { ApiType } from '../types.js';
import type { AuthorizationType } from './auth-options.js';
import type { AuthorizerHandler } from './authorizer-handler.js';
import type { IdentitySourceRef } from './identity-sources.js';
import type { CompiledPolicy } from './policy/compile-policy.js';

/** The API types authorization is configured for: REST, HTTP, and WebSocket (`$connect` only). */
export type AuthApiType = ApiType | 'WEBSOCKET';

/** A Lambda authorizer ready to run. */
export interface CompiledLambdaAuthorizer {
  kind: 'lambda';
  name: string;
  /** Stable id (`$context.authorizer` logs, `Starting authorizer: {id}`). */
  id: string;
  type: 'TOKEN' | 'REQUEST';
  api: AuthorizerApi;
  simpleResponses: boolean;
  handler: AuthorizerHandler;
  identity: readonly IdentitySourceRef[];
  /** TOKEN: the whole token must match. */
  validation: ((value: string) => boolean) | undefined;
  /** 0 = no caching. */
  ttlMs: number;
  functionName: string;
  functionTimeoutMs: number;
}

/** A JWT (HTTP API) or Cognito user-pool (REST) authorizer ready to run. */
export interface CompiledJwtAuthorizer {
  kind: 'jwt';
  name: string;
  id: string;
  type: 'JWT' | 'COGNITO_USER_POOLS';
  identity: IdentitySourceRef;
  /** JWT: the configured issuer; Cognito: one per user pool. */
  issuers: readonly string[];
  /** JWT: `aud` (or `client_id`) must be one of these. */
  audience: readonly string[];
  /** Cognito: a regex the ID token's `aud` must match. */
  validation: ((value: string) => boolean) | undefined;
}

/** An authorizer ready to run. */
export type CompiledAuthorizer = CompiledLambdaAuthorizer | CompiledJwtAuthorizer;

/** The authorization of one route, compiled. `undefined` on a route when nothing is configured. */
export interface RouteAuth {
  type: AuthorizationType;
  authorizer: CompiledAuthorizer | undefined;
  /** Route `authorizationScopes` (Cognito, JWT). */
  scopes: readonly string[] | undefined;
  /** The REST resource policy, when the API has one. */
  resourcePolicy: CompiledPolicy | undefined;
}
