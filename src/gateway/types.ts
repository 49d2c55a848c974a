import type { Callback, Context, PolicyDocument } from 'aws-lambda';
import type { Clock } from '../clock/clock.js';
import type { GatewayAccount } from './account/account-types.js';
import type { AuthorizationType, CorsConfiguration, IdentityProviderConfig } from './auth/auth-options.js';
import type { AccessDeniedWording } from './auth/deny-messages.js';
import type { CacheStageOptions, RouteCacheOptions } from './caching/index.js';
import type { GatewayFunctions } from './functions/function-options.js';
import type { AwsCredentials, AwsServiceResponders } from './integrations/aws/types.js';
import type {
  AwsServiceIntegration,
  HttpIntegration,
  HttpProxyIntegration,
  LambdaCustomIntegration,
} from './integrations/integration-options.js';
import type { MethodResponseConfig } from './integrations/mapping/types.js';
import type { MockIntegration } from './integrations/mock-options.js';
import type { StageSettings } from './lifecycle/lifecycle-types.js';
import type { GatewayResponseConfig, GatewayResponseType } from './responses/types.js';
import type { HttpGatewayOptions, RestGatewayOptions } from './route-types.js';
import type { StageOptions } from './stages/stage-options.js';
import type { ThrottleLimit, ThrottlerOptions } from './throttling/index.js';
import type { ApiKeyOptions, UsagePlanOptions } from './usage-plans/index.js';
import type { RequestValidatorConfig } from './validation/resolve-method-request.js';
import type { ModelConfig } from './validation/resolve-models.js';

export type { MockIntegration, MockIntegrationResponse } from './integrations/mock-options.js';
export type { StageOptions } from './stages/stage-options.js';

/** API Gateway flavour being simulated: a REST API (v1) or an HTTP API (v2). */
export type ApiType = 'REST' | 'HTTP';

/** Lambda proxy payload format version. REST APIs always use `'1.0'`; HTTP APIs default to `'2.0'`. */
export type PayloadFormatVersion = '1.0' | '2.0';

/**
 * A Lambda handler as the Node.js runtime calls it, the shape of `Handler` in `@types/aws-lambda`: an `async`
 * function whose promise settles the invocation, or a callback-style function `(event, context, callback)`.
 * A value returned synchronously is not a result (the runtime answers `null`), so the return type is
 * `void | Promise<TResult>`. Without type arguments it is any handler the gateway can invoke; routes type their
 * handlers by API type, payload format and authorizer (`ProxyHandlerV1`, `ProxyHandlerV2`, docs/gateway.md).
 *
 * @example
 * ```ts
 * import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
 * const getPet: LambdaHandler<APIGatewayProxyEvent, APIGatewayProxyResult> = async (event) => ({
 *   statusCode: 200,
 *   body: event.pathParameters?.id ?? '',
 * });
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: the defaults mean "any handler", as in @types/aws-lambda's Handler
export type LambdaHandler<TEvent = any, TResult = any> = (
  event: TEvent,
  context: Context,
  callback: Callback<TResult>,
  // biome-ignore lint/suspicious/noConfusingVoidType: a callback-style handler returns nothing (as in Handler)
) => void | Promise<TResult>;

/**
 * Lambda proxy integration (`AWS_PROXY`).
 *
 * @example
 * ```ts
 * const integration: LambdaProxyIntegration = { type: 'AWS_PROXY', handler, timeoutInMillis: 5_000 };
 * const byArn: LambdaProxyIntegration = {
 *   type: 'AWS_PROXY',
 *   uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets:${stageVariables.alias}/invocations',
 * }; // with createGateway({ functions: { 'pets:live': handler }, … })
 * ```
 */
export type LambdaProxyIntegration = LambdaProxyIntegrationFields &
  (
    | {
        /** The function's handler; invoked like a warm Lambda (module state persists between requests). */
        handler: LambdaHandler;
        /** Optional with a handler: the invocation URI only names the function (its name and qualifier). */
        uri?: string;
      }
    | {
        handler?: undefined;
        /**
         * The function by ARN, resolved through the gateway's `functions`:
         * `arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/arn:aws:lambda:{region}:{account}:function:{name}[:{alias}]/invocations`
         * (HTTP APIs: also the function ARN itself). `${stageVariables.x}` in it resolves per stage.
         */
        uri: string;
      }
  );

/**
 * The fields of a Lambda proxy integration besides the function (see {@link LambdaProxyIntegration}).
 *
 * @example
 * ```ts
 * const fields: LambdaProxyIntegrationFields = { type: 'AWS_PROXY', timeoutInMillis: 5_000 };
 * ```
 */
export interface LambdaProxyIntegrationFields {
  type: 'AWS_PROXY';
  /** HTTP APIs: `'2.0'` (default) or `'1.0'`. REST APIs only accept `'1.0'`. */
  payloadFormatVersion?: PayloadFormatVersion;
  /** Gateway-side integration timeout. REST 50–29 000 (default 29 000); HTTP 50–30 000 (default 30 000). */
  timeoutInMillis?: number;
  /** Integration HTTP method. Lambda is invoked with POST; anything else makes AWS answer 500. Default POST. */
  httpMethod?: string;
  /** Lambda-side function timeout (the function's configured timeout). Default: the gateway's `functionTimeoutMs`. */
  functionTimeoutMs?: number;
  /** Function name used in the Lambda context (`functionName`, ARN, log group). Default derived from the route. */
  functionName?: string;
  /** `context.memoryLimitInMB`. Default 128. */
  memoryLimitInMB?: number;
  /**
   * Alias or version the function is invoked through (the ARN's qualifier, `…:function:name:live`):
   * appended to `context.invokedFunctionArn`. Default none (unqualified).
   */
  qualifier?: string;
  /** `context.functionVersion` (and the log stream's `[version]`). Default: the qualifier when it is a version number, else `$LATEST`. */
  functionVersion?: string;
}

/** Every integration type: Lambda proxy, Lambda custom and AWS service (`AWS`), `HTTP`, `HTTP_PROXY`, `MOCK`. */
export type GatewayIntegration =
  | LambdaProxyIntegration
  | MockIntegration
  | LambdaCustomIntegration
  | AwsServiceIntegration
  | HttpIntegration
  | HttpProxyIntegration;

/** Throttle limits: steady-state `rateLimit` (requests/s) and bucket size `burstLimit`. */
export type ThrottleLimits = ThrottleLimit;

/** Gateway throttling: account, stage default and per-method limits (docs/gateway-policies.md). */
export type GatewayThrottleOptions = Omit<ThrottlerOptions, 'clock'>;

/**
 * A route's configuration.
 *
 * @example
 * ```ts
 * const route: RouteConfig = { integration: { type: 'AWS_PROXY', handler }, apiKeyRequired: true };
 * ```
 */
export interface RouteConfig {
  integration: GatewayIntegration;
  /** REST only: require a valid `x-api-key` that belongs to a usage plan of this stage. */
  apiKeyRequired?: boolean;
  /** Per-route (REST: per-method) throttle limits. */
  throttle?: ThrottleLimits;
  /** REST only: per-method cache settings (needs the stage `cache`; see docs/gateway-policies.md). */
  caching?: RouteCacheOptions;
  /** REST only: method responses by status code, declaring the headers integration responses may map. */
  methodResponses?: Record<string, MethodResponseConfig>;
  /** REST only: declared method request parameters, `'method.request.querystring.page': true` (= required). */
  requestParameters?: Record<string, boolean>;
  /** REST only: content type → name of a model in `models` (or the built-in `Empty`/`Error`). */
  requestModels?: Record<string, string>;
  /** REST only: name of an entry of `requestValidators`; validation is off without one. */
  requestValidator?: string;
  /** `NONE`, `AWS_IAM`, `CUSTOM` (Lambda), `COGNITO_USER_POOLS` (REST), `JWT` (HTTP). Default: from `authorizer`, else `NONE`. */
  authorizationType?: AuthorizationType;
  /** Name of an entry of the gateway's `authorizers`. */
  authorizer?: string;
  /** Cognito (REST) and JWT (HTTP) routes: the token must carry one of these scopes. */
  authorizationScopes?: readonly string[];
}

/**
 * A route value in its general form: any handler (Lambda proxy shorthand) or a {@link RouteConfig}. `createGateway`
 * types routes by API type (`RouteValueFor<'REST'>`, `RouteValueFor<'HTTP'>`); a table of this general type is not
 * one of those.
 */
export type RouteValue = LambdaHandler | RouteConfig;

/**
 * Options of {@link createGateway} for a REST API (`apiType` `'REST'`, the default) or an HTTP API
 * (`apiType: 'HTTP'`). The union types each route's handler by its API type, so options written apart keep
 * their handler types: `const options = { … } satisfies GatewayOptions`.
 *
 * @example
 * ```ts
 * const options = {
 *   apiType: 'HTTP',
 *   routes: { 'GET /pets': async (event) => ({ statusCode: 200, body: event.rawPath }) },
 * } satisfies GatewayOptions;
 * ```
 */
export type GatewayOptions = RestGatewayOptions | HttpGatewayOptions;

/**
 * The options REST and HTTP APIs share (everything but `apiType`, `routes` and `authorizers`, whose types tie
 * the routes' handlers to the API type and the authorizers).
 *
 * @example
 * ```ts
 * const shared: GatewayOptionsBase = { stage: { name: 'test' }, seed: 1 };
 * ```
 */
export interface GatewayOptionsBase {
  stage?: StageOptions;
  /** 10 lowercase letters/digits. Default derived from the seed. */
  apiId?: string;
  region?: string;
  accountId?: string;
  /** Time source. Default `systemClock` (honours `vi.useFakeTimers()`). */
  clock?: Clock;
  /** Seed of request ids. Same seed, same ids. */
  seed?: string | number;
  /** REST binary media types (request and response). */
  binaryMediaTypes?: readonly string[];
  /** Default Lambda-side function timeout in ms for every handler. Default 900 000 (Lambda's maximum). */
  functionTimeoutMs?: number;
  /**
   * REST: accept `timeoutInMillis` above 29 000 (up to 300 000), as for Regional/private APIs after a quota
   * increase. The 300 000 ms ceiling is UNCONFIRMED (reported by AWS support).
   */
  allowRaisedIntegrationTimeout?: boolean;
  /** Throttling: account (default 10 000 rps / 5 000 burst), stage and per-method limits. */
  throttle?: GatewayThrottleOptions;
  /** REST API keys, sent by clients in `x-api-key`. */
  apiKeys?: readonly ApiKeyOptions[];
  /** REST usage plans: per-key throttles and quotas for this stage. */
  usagePlans?: readonly UsagePlanOptions[];
  /** REST stage cache (TTL, capacity, per-route overrides in `routes`). */
  cache?: CacheStageOptions;
  /**
   * Access logging: a `$context` format string; one line per request in `gateway.accessLog`, which keeps the
   * newest `maxLines` (default 10 000; when full, the oldest quarter is dropped).
   */
  accessLog?: { format: string; maxLines?: number };
  /**
   * The `fetch` the gateway uses for outbound calls (HTTP/HTTP_PROXY backends, AWS-compatible endpoints, JWKS).
   * Default: the global `fetch`, read at call time, so msw handlers installed later intercept the calls.
   */
  fetch?: typeof globalThis.fetch;
  /** REST models (JSON Schema draft 4) by name, for `requestModels` (docs/validation.md). `Empty` and `Error` exist. */
  models?: Record<string, ModelConfig>;
  /** REST request validators by name, for a route's `requestValidator`. */
  requestValidators?: Record<string, RequestValidatorConfig>;
  /** REST customised gateway responses by type (docs/gateway-responses.md). */
  gatewayResponses?: Partial<Record<GatewayResponseType, GatewayResponseConfig>>;
  /** Responders for AWS service integrations, per service or per action (docs/integrations.md). */
  services?: AwsServiceResponders;
  /** AWS-compatible endpoint(s) AWS service integrations call, SigV4-signed: one URL, or URLs by service. */
  awsEndpoint?: string | Record<string, string>;
  /** Credentials calls to `awsEndpoint` are signed with. Default `test`/`test`. */
  awsCredentials?: AwsCredentials;
  /** REST: where API keys come from: the `x-api-key` header (default) or a Lambda authorizer's `usageIdentifierKey`. */
  apiKeySource?: 'HEADER' | 'AUTHORIZER';
  /** REST resource policy (an IAM policy document or its JSON text). `execute-api:/…` resources are expanded. */
  policy?: PolicyDocument | string;
  /** HTTP API built-in CORS: preflights answered before routing, CORS headers on every response. */
  corsConfiguration?: CorsConfiguration;
  /** JWT issuers with their key sets and IAM credentials the gateway trusts (`createTestIdentityProvider()` is one). */
  identityProviders?: readonly IdentityProviderConfig[];
  /** Wording of 403 access-denied messages: `current` (default, recent AWS captures) or `legacy`. */
  accessDeniedWording?: AccessDeniedWording;
  /**
   * Lambda functions by name (`'pets'`, `'pets:live'`) or ARN, for integration `uri`s and authorizer `authorizerUri`s
   * that name a function by ARN instead of giving `handler` (what imported definitions do).
   */
  functions?: GatewayFunctions;
  /**
   * More stages beside `stage`, each with its own variables, throttling, cache and access log (settings it leaves
   * out are the top-level ones). All serve the first deployment; `gateway.deploy({ stage })` moves them on.
   */
  stages?: Record<string, StageSettings>;
  /** The account this API belongs to (`createAccount()`): a shared account throttle and custom domain names. */
  account?: GatewayAccount;
  /**
   * REST: `EDGE` (requests arrive through CloudFront, which adds its headers) or `REGIONAL`. Default: no CloudFront
   * headers (as `REGIONAL`; see docs/stages.md for why). HTTP APIs are always regional.
   */
  endpointConfiguration?: { types: readonly ('EDGE' | 'REGIONAL')[] };
  /** Turn off `https://{apiId}.execute-api…`: only custom domain names reach the API (REST 403, HTTP API 404). */
  disableExecuteApiEndpoint?: boolean;
  /** The API's name (`info.title` of an export). Default `apigw-testkit`. */
  name?: string;
  /** The API's description (exported). */
  description?: string;
  /** The API's version (`info.version` of an export). */
  version?: string;
}
