import type {
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
  Callback,
  Context,
  PolicyDocument,
} from 'aws-lambda';

/**
 * A Lambda authorizer function as the gateway invokes it: a TOKEN, REQUEST (REST, HTTP 1.0) or HTTP 2.0
 * authorizer event, the Lambda context and a callback. Handlers typed for any one of those events fit.
 *
 * @example
 * ```ts
 * const handler: AuthorizerHandler = async (event: APIGatewayTokenAuthorizerEvent) => ({ principalId: 'u', policyDocument });
 * ```
 */
export type AuthorizerHandler = {
  bivarianceHack(
    // An intersection (as for LambdaHandler): a handler typed for any one of the three events fits.
    event: APIGatewayTokenAuthorizerEvent &
      APIGatewayRequestAuthorizerEvent &
      APIGatewayRequestAuthorizerEventV2,
    context: Context,
    callback: Callback,
  ): unknown;
}['bivarianceHack'];

/** A route's `authorizationType` (REST `Method.authorizationType`, HTTP `Route.authorizationType`). */
export type AuthorizationType = 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS' | 'JWT';

/** What a Lambda authorizer shares with the Lambda integration's function settings. */
type LambdaAuthorizerFunction = LambdaAuthorizerSettings &
  (
    | {
        /** The authorizer function; invoked like a warm Lambda (module state persists), within 10 s. */
        handler: AuthorizerHandler;
        /** Optional with a handler: names the function (its context's name). */
        authorizerUri?: string;
      }
    | {
        handler?: undefined;
        /**
         * The function by ARN (invocation URI or function ARN), resolved through the gateway's `functions`;
         * `${stageVariables.x}` resolves per stage.
         */
        authorizerUri: string;
      }
  );

/** Settings every Lambda authorizer has besides its function. */
interface LambdaAuthorizerSettings {
  /** Seconds a result is cached, keyed by the identity-source values. REST default 300, HTTP default 0; max 3600; 0 = off. */
  authorizerResultTtlInSeconds?: number;
  /** Function name in the Lambda context and the execution log. Default `authorizer-{name}`. */
  functionName?: string;
  /** The function's own timeout (ms). Default the gateway's `functionTimeoutMs`. */
  functionTimeoutMs?: number;
  /** AWS's free-text `authType` (`x-amazon-apigateway-authtype`): stored and exported, no effect on requests. */
  authType?: string;
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
export type TokenAuthorizerConfig = LambdaAuthorizerFunction & TokenAuthorizerFields;

/** The TOKEN-specific fields of {@link TokenAuthorizerConfig}. */
interface TokenAuthorizerFields {
  type: 'TOKEN';
  /** `method.request.header.<name>`. Default `method.request.header.Authorization`. */
  identitySource?: string;
  /** A regex the whole token must match; otherwise 401 without invoking the function. */
  identityValidationExpression?: string;
}

/**
 * `REQUEST` Lambda authorizer: REST (identity sources as one comma-separated string) or HTTP API (an array,
 * with `authorizerPayloadFormatVersion` and optional simple responses).
 *
 * @example
 * ```ts
 * const rest: RequestAuthorizerConfig = { type: 'REQUEST', handler, identitySource: 'method.request.header.Auth, method.request.querystring.tenant' };
 * const http: RequestAuthorizerConfig = { type: 'REQUEST', handler, identitySource: ['$request.header.Authorization'], authorizerPayloadFormatVersion: '2.0', enableSimpleResponses: true };
 * ```
 */
export type RequestAuthorizerConfig = LambdaAuthorizerFunction & RequestAuthorizerFields;

/** The REQUEST-specific fields of {@link RequestAuthorizerConfig}. */
interface RequestAuthorizerFields {
  type: 'REQUEST';
  /** REST: `'method.request.header.Auth, context.x'`; HTTP: `['$request.header.Authorization']`. */
  identitySource?: string | readonly string[];
  /** HTTP APIs only, required there: the authorizer's event and response format. */
  authorizerPayloadFormatVersion?: '1.0' | '2.0';
  /** HTTP APIs, payload 2.0 only: the function returns `{ isAuthorized, context }`. */
  enableSimpleResponses?: boolean;
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
  /** AWS's free-text `authType`: stored and exported, no effect on requests. */
  authType?: string;
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
