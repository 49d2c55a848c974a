import type { PolicyDocument } from 'aws-lambda';
import type {
  RequestAuthorizerHandler,
  RequestAuthorizerHandlerV2,
  SimpleAuthorizerHandlerV2,
  TokenAuthorizerHandler,
} from './authorizer-handlers.js';

/** A route's `authorizationType` (REST `Method.authorizationType`, HTTP `Route.authorizationType`). */
export type AuthorizationType = 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS' | 'JWT';

/** What a Lambda authorizer shares with the Lambda integration's function settings. */
interface LambdaAuthorizerFunction<THandler> {
  /** The authorizer function; invoked like a warm Lambda (module state persists), within 10 s. */
  handler: THandler;
  /** Seconds a result is cached, keyed by the identity-source values. REST default 300, HTTP default 0; max 3600; 0 = off. */
  authorizerResultTtlInSeconds?: number;
  /** Function name in the Lambda context and the execution log. Default `authorizer-{name}`. */
  functionName?: string;
  /** The function's own timeout (ms). Default the gateway's `functionTimeoutMs`. */
  functionTimeoutMs?: number;
}

/**
 * REST `TOKEN` Lambda authorizer: one header, optionally checked against `identityValidationExpression` before
 * the function is called.
 *
 * @example
 * ```ts
 * const auth: TokenAuthorizerConfig = { type: 'TOKEN', handler, identitySource: 'method.request.header.Authorization' };
 * ```
 */
export interface TokenAuthorizerConfig extends LambdaAuthorizerFunction<TokenAuthorizerHandler> {
  type: 'TOKEN';
  /** `method.request.header.<name>`. Default `method.request.header.Authorization`. */
  identitySource?: string;
  /** A regex the whole token must match; otherwise 401 without invoking the function. */
  identityValidationExpression?: string;
}

/**
 * `REQUEST` Lambda authorizer: REST (identity sources as one comma-separated string) or HTTP API (an array,
 * with `authorizerPayloadFormatVersion` and optional simple responses). The handler's event and result follow
 * the format: {@link RequestAuthorizerConfigV1}, {@link RequestAuthorizerConfigV2}, {@link SimpleAuthorizerConfigV2}.
 *
 * @example
 * ```ts
 * const rest: RequestAuthorizerConfig = { type: 'REQUEST', handler, identitySource: 'method.request.header.Auth, method.request.querystring.tenant' };
 * const http: RequestAuthorizerConfig = { type: 'REQUEST', handler: simple, identitySource: ['$request.header.Authorization'], authorizerPayloadFormatVersion: '2.0', enableSimpleResponses: true };
 * ```
 */
export type RequestAuthorizerConfig =
  | RequestAuthorizerConfigV1
  | RequestAuthorizerConfigV2
  | SimpleAuthorizerConfigV2;

/** What every `REQUEST` authorizer configuration has. */
interface RequestAuthorizerFields<THandler> extends LambdaAuthorizerFunction<THandler> {
  type: 'REQUEST';
  /** REST: `'method.request.header.Auth, context.x'`; HTTP: `['$request.header.Authorization']`. */
  identitySource?: string | readonly string[];
}

/**
 * A REST `REQUEST` authorizer, or an HTTP API one with `authorizerPayloadFormatVersion: '1.0'` (HTTP APIs require
 * the field): the handler gets an `APIGatewayRequestAuthorizerEvent` and returns an IAM policy.
 *
 * @example
 * ```ts
 * const auth: RequestAuthorizerConfigV1 = { type: 'REQUEST', handler: async (event) => ({ principalId: 'u', policyDocument }) };
 * ```
 */
export interface RequestAuthorizerConfigV1 extends RequestAuthorizerFields<RequestAuthorizerHandler> {
  /** HTTP APIs only, required there: the authorizer's event and response format. */
  authorizerPayloadFormatVersion?: '1.0';
  /** Payload 2.0 only. */
  enableSimpleResponses?: false;
}

/**
 * An HTTP API `REQUEST` authorizer with payload 2.0 events and IAM-policy results.
 *
 * @example
 * ```ts
 * const auth: RequestAuthorizerConfigV2 = { type: 'REQUEST', authorizerPayloadFormatVersion: '2.0', identitySource: ['$request.header.Authorization'], handler: async () => ({ principalId: 'u', policyDocument }) };
 * ```
 */
export interface RequestAuthorizerConfigV2 extends RequestAuthorizerFields<RequestAuthorizerHandlerV2> {
  authorizerPayloadFormatVersion: '2.0';
  /** `true` makes the function return `{ isAuthorized, context }` ({@link SimpleAuthorizerConfigV2}). */
  enableSimpleResponses?: false;
}

/**
 * An HTTP API `REQUEST` authorizer with payload 2.0 events and simple responses (`{ isAuthorized, context }`).
 *
 * @example
 * ```ts
 * const auth: SimpleAuthorizerConfigV2 = { type: 'REQUEST', authorizerPayloadFormatVersion: '2.0', enableSimpleResponses: true, identitySource: ['$request.header.Authorization'], handler: async () => ({ isAuthorized: true }) };
 * ```
 */
export interface SimpleAuthorizerConfigV2 extends RequestAuthorizerFields<SimpleAuthorizerHandlerV2> {
  authorizerPayloadFormatVersion: '2.0';
  enableSimpleResponses: true;
}

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
}

/** An entry of the gateway's `authorizers`, as `CreateAuthorizer` takes it, plus `handler` for Lambda ones. */
export type AuthorizerConfig =
  | TokenAuthorizerConfig
  | RequestAuthorizerConfig
  | CognitoAuthorizerConfig
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
