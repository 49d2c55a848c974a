import type { Callback, Context } from 'aws-lambda';
import type { Clock } from '../../clock/clock.js';
import type { WebSocketEvent, WebSocketRequestContext } from '../../events/websocket-event.js';
import type { GatewayAccount } from '../account/account-types.js';
import type { IdentityProviderConfig } from '../auth/auth-options.js';
import type { AccessDeniedWording } from '../auth/deny-messages.js';
import type { WebSocketAuthorizerConfig } from '../auth/lambda-authorizer-options.js';
import type { GatewayFunctions } from '../functions/function-options.js';
import type { PassthroughBehavior } from '../integrations/mapping/types.js';
import type { ThrottleLimit } from '../throttling/index.js';
import type { LambdaProxyIntegrationFields, StageOptions } from '../types.js';
import type { ApiKeyOptions, UsagePlanOptions } from '../usage-plans/index.js';

/**
 * The event a WebSocket route's function is typed with: a {@link WebSocketEvent} whose
 * `requestContext.identity` is optional. API Gateway always sends it; it is optional here so that handlers typed
 * with `@types/aws-lambda`'s `APIGatewayProxyWebsocketHandlerV2` (whose event has no `identity`) fit every route.
 *
 * @example
 * ```ts
 * const onConnect = async (event: WebSocketHandlerEvent) => ({ statusCode: event.queryStringParameters?.name ? 200 : 400 });
 * ```
 */
export interface WebSocketHandlerEvent extends Omit<WebSocketEvent, 'requestContext'> {
  requestContext: Omit<WebSocketRequestContext, 'identity'> & {
    identity?: WebSocketRequestContext['identity'];
  };
}

/**
 * The function of a WebSocket route: a {@link WebSocketHandlerEvent} in (`$connect` carries the handshake's
 * headers and query, messages a body and a `messageId`); the result matters for `$connect` (its `statusCode`
 * accepts or refuses the upgrade) and two-way routes (its `body` is sent back). Handlers typed with
 * `APIGatewayProxyWebsocketHandlerV2` fit; the event parameter is also bivariant, so a handler naming a narrower
 * event (`WebSocketEvent & { body: string }`) fits too.
 *
 * @example
 * ```ts
 * const onMessage: WebSocketHandler = async (event) => ({ statusCode: 200, body: `echo ${event.body}` });
 * ```
 */
export type WebSocketHandler = {
  // A method signature keeps the event bivariant (a handler may name the narrower event of its route).
  bivarianceHack(
    event: WebSocketHandlerEvent,
    context: Context,
    callback: Callback<unknown>,
    // biome-ignore lint/suspicious/noConfusingVoidType: a callback-style handler returns nothing (as in Handler)
  ): void | Promise<unknown>;
}['bivarianceHack'];

/**
 * A Lambda proxy integration of a WebSocket route (`AWS_PROXY`; WebSocket APIs always send payload 1.0 events,
 * so there is no `payloadFormatVersion`). Integration timeout 50–29 000 ms, default 29 000.
 *
 * @example
 * ```ts
 * const integration: WebSocketLambdaIntegration = { type: 'AWS_PROXY', handler, timeoutInMillis: 5_000 };
 * ```
 */
export type WebSocketLambdaIntegration = Omit<LambdaProxyIntegrationFields, 'payloadFormatVersion'> &
  (
    | {
        /** The function's handler; invoked like a warm Lambda (module state persists between events). */
        handler: WebSocketHandler;
        uri?: string;
      }
    | { handler?: undefined; uri: string }
  );

/**
 * One integration response of a WebSocket MOCK integration, stored under its `integrationResponseKey`
 * (`'$default'`, or a status pattern in slashes such as `'/2\\d\\d/'`).
 *
 * @example
 * ```ts
 * const response: WebSocketIntegrationResponse = { responseTemplates: { $default: '{"pong":true}' } };
 * ```
 */
export interface WebSocketIntegrationResponse {
  /** Templates keyed by template key; chosen by `templateSelectionExpression` (default key `$default`). */
  responseTemplates?: Record<string, string>;
  /** `${request.body.x}`, `${integration.response.statuscode}` or static text; `$default` is the catch-all. */
  templateSelectionExpression?: string;
}

/**
 * A WebSocket MOCK integration: the request template chosen by `templateSelectionExpression` renders
 * `{"statusCode": N}`; `N` selects the integration response (`/pattern/` keys, else `$default`), whose
 * response template is what a two-way route sends back.
 *
 * @example
 * ```ts
 * const ping: WebSocketMockIntegration = {
 *   type: 'MOCK',
 *   requestTemplates: { $default: '{"statusCode": 200}' },
 *   templateSelectionExpression: '\\$default',
 *   integrationResponses: { $default: { responseTemplates: { $default: '{"type":"pong"}' } } },
 * };
 * ```
 */
export interface WebSocketMockIntegration {
  type: 'MOCK';
  /** Request templates keyed by template key. */
  requestTemplates?: Record<string, string>;
  /** Picks the request template; unset, `application/json` then `$default` are tried (UNCONFIRMED). */
  templateSelectionExpression?: string;
  /** What happens when no template matches. Default `WHEN_NO_MATCH`. */
  passthroughBehavior?: PassthroughBehavior;
  /** Integration responses keyed by `integrationResponseKey`. */
  integrationResponses?: Record<string, WebSocketIntegrationResponse>;
  /** Integration timeout, 50–29 000 ms. */
  timeoutInMillis?: number;
}

/** The integrations a WebSocket route can have in this version. */
export type WebSocketIntegration = WebSocketLambdaIntegration | WebSocketMockIntegration;

/**
 * A WebSocket route (`$connect`, `$disconnect`, `$default` or a custom route key).
 *
 * @example
 * ```ts
 * const route: WebSocketRouteConfig = {
 *   integration: { type: 'AWS_PROXY', handler },
 *   routeResponseSelectionExpression: '$default', // two-way: the handler's body is sent back
 * };
 * ```
 */
export interface WebSocketRouteConfig {
  integration: WebSocketIntegration;
  /** `'$default'` makes the route two-way (the integration's result is sent back); the only value AWS allows. */
  routeResponseSelectionExpression?: '$default';
  /** `$connect` only: the API key named by `apiKeySelectionExpression` must be in a usage plan of the stage. */
  apiKeyRequired?: boolean;
  /** `$connect` only: `'CUSTOM'` (a Lambda authorizer; the default when `authorizer` is set), `'AWS_IAM'` or `'NONE'`. */
  authorizationType?: 'NONE' | 'AWS_IAM' | 'CUSTOM';
  /** `$connect` only: the name of an entry of the API's `authorizers`. */
  authorizer?: string;
  /** Route-level throttling (the stage's `RouteSettings`). */
  throttle?: ThrottleLimit;
}

/** A route value: a handler (one-way Lambda proxy shorthand) or a {@link WebSocketRouteConfig}. */
export type WebSocketRouteValue = WebSocketHandler | WebSocketRouteConfig;

/**
 * Throttling of a WebSocket API (behaviour.md §6.1, §13): the account bucket (shared by messages, `$connect` and
 * `@connections` calls), the stage default route limit, per-route limits, and the new-connection rate.
 *
 * @example
 * ```ts
 * const throttle: WebSocketThrottleOptions = { methods: { sendMessage: { rateLimit: 10, burstLimit: 5 } } };
 * ```
 */
export interface WebSocketThrottleOptions {
  /** Account limit per Region. Default 10 000 rps / 5 000 burst. */
  account?: ThrottleLimit;
  /** `DefaultRouteSettings` throttling, applied to every route without its own limit. */
  stage?: ThrottleLimit;
  /** Whether `stage` is a bucket per route (`'route'`, default) or one bucket for the stage (`'stage'`). */
  stageScope?: 'route' | 'stage';
  /** `RouteSettings` throttling keyed by route key (`sendMessage`, `$connect`). */
  methods?: Readonly<Record<string, ThrottleLimit>>;
  /** New connections per second (quota 500 per account and Region; burst UNCONFIRMED, default 500). */
  connections?: ThrottleLimit;
}

/**
 * Options of a WebSocket API: `createGateway({ apiType: 'WEBSOCKET', … })` (AWS's `CreateApi` fields in
 * camelCase).
 *
 * @example
 * ```ts
 * const options: WebSocketGatewayOptions = {
 *   apiType: 'WEBSOCKET',
 *   routeSelectionExpression: '$request.body.action',
 *   routes: { $connect: onConnect, sendMessage: onMessage, $disconnect: onDisconnect },
 * };
 * ```
 */
export interface WebSocketGatewayOptions {
  apiType: 'WEBSOCKET';
  /** How a message selects its route, e.g. `'$request.body.action'`. Required, as on AWS. */
  routeSelectionExpression: string;
  /**
   * Where `$connect` reads the API key: the `x-api-key` handshake header, or the `$connect` authorizer's
   * `usageIdentifierKey` (the only two values AWS accepts).
   */
  apiKeySelectionExpression?: '$request.header.x-api-key' | '$context.authorizer.usageIdentifierKey';
  /** `$connect` Lambda authorizers by name (`REQUEST` only; results are not cached on WebSocket APIs). */
  authorizers?: Record<string, WebSocketAuthorizerConfig>;
  /** IAM credentials the gateway accepts SigV4 signatures from, for a `$connect` with `authorizationType: 'AWS_IAM'`. */
  identityProviders?: readonly IdentityProviderConfig[];
  /** Wording of 403 access-denied messages: `current` (default) or `legacy`. */
  accessDeniedWording?: AccessDeniedWording;
  /** Routes keyed by route key: `$connect`, `$disconnect`, `$default` and custom keys (no leading `$`). */
  routes: Record<string, WebSocketRouteValue>;
  /** Stage name (default `dev`) and stage variables. */
  stage?: StageOptions;
  apiId?: string;
  region?: string;
  accountId?: string;
  /** Time source of timeouts, idle and duration limits and throttling. Default `systemClock`. */
  clock?: Clock;
  /** Seed of connection, request and message ids. */
  seed?: string | number;
  /** Default Lambda-side function timeout of every handler. Default 900 000. */
  functionTimeoutMs?: number;
  throttle?: WebSocketThrottleOptions;
  /** API keys, for `$connect` routes with `apiKeyRequired`. */
  apiKeys?: readonly ApiKeyOptions[];
  /** Usage plans of the stage (throttles and quotas per key, counted on `$connect`). */
  usagePlans?: readonly UsagePlanOptions[];
  /** Access logging: a `$context` format; one line per `$connect`, message and `$disconnect`. */
  accessLog?: { format: string };
  /**
   * What a binary frame does. `'CLOSE'` (default): AWS closes the connection with 1003 [DOC]. `'BASE64'`: the
   * frame reaches the integration base64-encoded with `isBase64Encoded: true` (behaviour.md §13's reading).
   */
  binaryFrames?: 'CLOSE' | 'BASE64';
  /** Lambda functions by name or ARN, for integration `uri`s that name a function instead of giving `handler`. */
  functions?: GatewayFunctions;
  /** The account this API belongs to (`createAccount()`): messages and `$connect` draw from its throttle bucket. */
  account?: GatewayAccount;
}
