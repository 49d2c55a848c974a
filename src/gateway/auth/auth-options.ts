import type { PolicyDocument } from 'aws-lambda';
import type {
  HttpRequestAuthorizerConfigV1,
  HttpRequestAuthorizerConfigV2,
  RequestAuthorizerConfig,
  RestRequestAuthorizerConfig,
  TokenAuthorizerConfig,
} from './lambda-authorizer-options.js';

/** A route's `authorizationType` (REST `Method.authorizationType`, HTTP `Route.authorizationType`). */
export type AuthorizationType = 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS' | 'JWT';

/**
 * REST Amazon Cognito user-pool authorizer.
 *
 * @example
 * ```ts
 * const auth: CognitoAuthorizerConfig = { type: 'COGNITO_USER_POOLS', providerARNs: [idp.userPoolArn] };
 * ```
 */
export interface CognitoAuthorizerConfig {
  type: 'COGNITO_USER_POOLS';
  /** User-pool ARNs: `arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}`. */
  providerARNs: readonly string[];
  /** Default `method.request.header.Authorization`. */
  identitySource?: string;
  /** A regex applied to the ID token's `aud` claim. */
  identityValidationExpression?: string;
  /** HTTP API Lambda authorizers only (absent here; it lets a Lambda `handler` be typed by the configuration). */
  authorizerPayloadFormatVersion?: undefined;
  /** AWS's free-text `authType`: stored and exported, no effect on requests. */
  authType?: string;
}

/**
 * HTTP API JWT authorizer.
 *
 * @example
 * ```ts
 * const auth: JwtAuthorizerConfig = { type: 'JWT', jwtConfiguration: { issuer: idp.issuer, audience: ['my-app'] } };
 * ```
 */
export interface JwtAuthorizerConfig {
  type: 'JWT';
  /** One selection expression. Default `['$request.header.Authorization']`. */
  identitySource?: readonly string[];
  jwtConfiguration: { issuer: string; audience: readonly string[] };
  /** HTTP API Lambda authorizers only (absent here; it lets a Lambda `handler` be typed by the configuration). */
  authorizerPayloadFormatVersion?: undefined;
  /** AWS's free-text `authType`: stored and exported, no effect on requests. */
  authType?: string;
}

/**
 * An entry of the gateway's `authorizers`, as `CreateAuthorizer` takes it, plus `handler` for Lambda ones. A
 * discriminated union: `type` (and for HTTP APIs `authorizerPayloadFormatVersion`) decides which event the
 * handler receives.
 *
 * @example
 * ```ts
 * const authorizers: Record<string, AuthorizerConfig> = { TokenAuth: { type: 'TOKEN', handler: async (event) => allowFor(event.methodArn) } };
 * ```
 */
export type AuthorizerConfig =
  | TokenAuthorizerConfig
  | RequestAuthorizerConfig
  | CognitoAuthorizerConfig
  | JwtAuthorizerConfig;

/**
 * The authorizer types of a REST API: TOKEN, REQUEST (identity sources as one string), Cognito user pools.
 *
 * @example
 * ```ts
 * const authorizers: Record<string, RestAuthorizerConfig> = { Pool: { type: 'COGNITO_USER_POOLS', providerARNs: [arn] } };
 * ```
 */
export type RestAuthorizerConfig =
  | TokenAuthorizerConfig
  | RestRequestAuthorizerConfig
  | CognitoAuthorizerConfig;

/**
 * The authorizer types of an HTTP API: Lambda REQUEST authorizers (payload 1.0 or 2.0) and JWT.
 *
 * @example
 * ```ts
 * const authorizers: Record<string, HttpAuthorizerConfig> = { Jwt: { type: 'JWT', jwtConfiguration: { issuer, audience: ['app'] } } };
 * ```
 */
export type HttpAuthorizerConfig =
  | HttpRequestAuthorizerConfigV1
  | HttpRequestAuthorizerConfigV2
  | JwtAuthorizerConfig;

/** A JSON Web Key Set (`{ keys: [...] }`), as an issuer's `jwks_uri` serves it. */
export interface JsonWebKeySet {
  keys: readonly Readonly<Record<string, unknown>>[];
}

/**
 * IAM credentials the gateway accepts SigV4 signatures from, and who they belong to.
 *
 * @example
 * ```ts
 * const alice: IamCredentials = { accessKeyId: 'AKIAALICE', secretAccessKey: 's3cr3t', userArn: 'arn:aws:iam::123456789012:user/alice' };
 * ```
 */
export interface IamCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials: the session token the client sends as `X-Amz-Security-Token`. */
  sessionToken?: string;
  /** Temporary credentials expire at this epoch ms; later calls get 403 EXPIRED_TOKEN. */
  expiration?: number;
  /** `arn:aws:iam::{account}:user/{name}` or `arn:aws:sts::{account}:assumed-role/{role}/{session}`. */
  userArn: string;
  /** The principal's unique id (`AIDA…`, or `AROA…:session`). Default derived from the ARN. */
  userId?: string;
  principalOrgId?: string;
  /** Identity-based policy for `execute-api:Invoke`. Default: allow every method of this API. */
  policy?: PolicyDocument | string;
}

/**
 * Who the gateway trusts: JWT issuers with their key sets (no network needed) and IAM credentials. A test
 * identity provider (`createTestIdentityProvider()` from `apigw-testkit/auth`) is one.
 *
 * @example
 * ```ts
 * createGateway({ identityProviders: [idp], routes, authorizers });
 * ```
 */
export interface IdentityProviderConfig {
  /** The `iss` of its tokens; with `jwks`, verification needs no fetch. */
  issuer?: string;
  jwks?: JsonWebKeySet;
  credentials?: readonly IamCredentials[];
}

/**
 * HTTP API built-in CORS (`CorsConfiguration`).
 *
 * @example
 * ```ts
 * const cors: CorsConfiguration = { allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'POST'], allowHeaders: ['authorization'], maxAge: 600 };
 * ```
 */
export interface CorsConfiguration {
  /** Exact origins, `*`, `https://*` or `http://*`. */
  allowOrigins?: readonly string[];
  allowMethods?: readonly string[];
  allowHeaders?: readonly string[];
  exposeHeaders?: readonly string[];
  /** Seconds, -1..86400. */
  maxAge?: number;
  allowCredentials?: boolean;
}
