import type { AuthorizationType, AuthorizerConfig } from './auth/auth-options.js';
import type { Gateway } from './create-gateway.js';
import type { ProxyHandlerV1, ProxyHandlerV2 } from './handler-types.js';
import type {
  AwsServiceIntegration,
  HttpIntegration,
  HttpProxyIntegration,
  LambdaCustomIntegration,
} from './integrations/integration-options.js';
import type { RouteAuthorization, RouteEventV1, RouteEventV2 } from './route-events.js';
import type {
  ApiType,
  GatewayOptionsBase,
  LambdaProxyIntegration,
  MockIntegration,
  PayloadFormatVersion,
  RouteConfig,
} from './types.js';
import type { WebSocketGateway } from './websocket/create-websocket-gateway.js';
import type { WebSocketGatewayOptions } from './websocket/websocket-types.js';

/**
 * The `type` of each of a gateway's authorizers by name, as `createGateway` reads it from `authorizers`.
 *
 * @example
 * ```ts
 * const types: AuthorizerTypes = { Jwt: 'JWT', TokenAuth: 'TOKEN' };
 * ```
 */
export type AuthorizerTypes = Record<string, AuthorizerConfig['type']>;

/** No authorizers (the default of {@link createGateway}'s type parameter). */
export type NoAuthorizers = Record<never, never>;

type LambdaProxySettings = Omit<LambdaProxyIntegration, 'handler' | 'payloadFormatVersion'>;

/** A REST Lambda proxy integration: payload 1.0 events of type `TEvent` (the only version REST APIs send). */
type RestLambdaProxy<TEvent> = LambdaProxySettings & {
  handler: ProxyHandlerV1<TEvent>;
  payloadFormatVersion?: '1.0';
};

/** An HTTP API Lambda proxy integration with `payloadFormatVersion: '1.0'`. */
type LambdaProxyV1<TEvent> = LambdaProxySettings & {
  handler: ProxyHandlerV1<TEvent>;
  payloadFormatVersion: '1.0';
};

/** A Lambda proxy integration whose handler receives payload 2.0 events of type `TEvent`. */
type LambdaProxyV2<TEvent> = LambdaProxySettings & {
  handler: ProxyHandlerV2<TEvent>;
  payloadFormatVersion?: '2.0';
};

/** A Lambda proxy integration naming its function by ARN (`uri`, resolved through `functions`): no handler to type. */
type LambdaProxyByUri<TVersion extends PayloadFormatVersion> = LambdaProxySettings & {
  handler?: undefined;
  uri: string;
  payloadFormatVersion?: TVersion;
};

/**
 * The integrations that do not call a Lambda proxy handler (their types do not depend on the route). They have no
 * `payloadFormatVersion`; saying so lets an `AWS_PROXY` integration without one be told apart from a payload 1.0
 * one when its handler is contextually typed.
 */
type OtherIntegration = (
  | MockIntegration
  | LambdaCustomIntegration
  | AwsServiceIntegration
  | HttpIntegration
  | HttpProxyIntegration
) & { payloadFormatVersion?: undefined };

/** REST routes: every integration; Lambda proxy handlers get payload 1.0 events. */
type RestIntegration<TAuth extends RouteAuthorization> =
  | RestLambdaProxy<RouteEventV1<TAuth>>
  | LambdaProxyByUri<'1.0'>
  | OtherIntegration;

/** HTTP API routes: payload 2.0 by default, 1.0 when `payloadFormatVersion: '1.0'`. */
type HttpApiIntegration<TAuth extends RouteAuthorization> =
  | LambdaProxyV2<RouteEventV2<TAuth>>
  | LambdaProxyV1<RouteEventV1<TAuth>>
  | LambdaProxyByUri<PayloadFormatVersion>
  | OtherIntegration;

type IntegrationFor<TApi extends ApiType, TAuth extends RouteAuthorization> = TApi extends 'HTTP'
  ? HttpApiIntegration<TAuth>
  : RestIntegration<TAuth>;

/** Every route setting but the integration and the authorization, which choose the handler's event type. */
type RouteSettings = Omit<RouteConfig, 'integration' | 'authorizer' | 'authorizationType'>;

type RouteWith<TApi extends ApiType, TAuth extends RouteAuthorization, TFields> = RouteSettings &
  TFields & { integration: IntegrationFor<TApi, TAuth> };

/**
 * A route object whose Lambda proxy handler is typed by the API type, the payload format version and the route's
 * authorization: no authorizer, `authorizationType: 'AWS_IAM'`, or `authorizer` naming an entry of `TAuthorizers`.
 * When the authorizers are not known (string keys: the general `GatewayOptions`), one shape takes every route and
 * its event's `requestContext.authorizer` is `any`.
 */
type TypedRouteConfig<TApi extends ApiType, TAuthorizers> = string extends keyof TAuthorizers
  ? RouteWith<TApi, 'UNKNOWN', { authorizer?: string; authorizationType?: AuthorizationType }>
  :
      | RouteWith<
          TApi,
          'NONE',
          { authorizer?: undefined; authorizationType?: Exclude<AuthorizationType, 'AWS_IAM'> }
        >
      | RouteWith<TApi, 'AWS_IAM', { authorizer?: undefined; authorizationType: 'AWS_IAM' }>
      | NamedAuthorizerRoute<TApi, TAuthorizers>;

/** A route naming one of `TAuthorizers`, typed by that authorizer's type. */
type NamedAuthorizerRoute<TApi extends ApiType, TAuthorizers> = {
  [N in keyof TAuthorizers & string]: RouteWith<
    TApi,
    TAuthorizers[N] & RouteAuthorization,
    { authorizer: N; authorizationType?: AuthorizationType }
  >;
}[keyof TAuthorizers & string];

/**
 * A route value typed for its API: a handler (Lambda proxy shorthand: REST `APIGatewayProxyEvent` →
 * `APIGatewayProxyResult`, HTTP API `APIGatewayProxyEventV2` → a payload 2.0 result) or a route object, whose
 * Lambda proxy handler's event follows `payloadFormatVersion` and the authorizer the route names.
 *
 * @example
 * ```ts
 * const route: RouteValueFor<'HTTP'> = async (event) => ({ statusCode: 200, body: event.rawPath });
 * ```
 */
export type RouteValueFor<TApi extends ApiType, TAuthorizers = NoAuthorizers> =
  | ((TApi extends 'HTTP' ? ProxyHandlerV2<RouteEventV2> : ProxyHandlerV1<RouteEventV1>) & NoRouteFields)
  | TypedRouteConfig<TApi, TAuthorizers>;

/**
 * The route fields a handler (the shorthand) does not have. Declaring them absent makes them properties of the
 * whole route-value union, so a route object without `authorizationType` is told apart from an `AWS_IAM` one
 * when its handler is contextually typed.
 */
interface NoRouteFields {
  authorizer?: undefined;
  authorizationType?: undefined;
}

/**
 * `authorizers` as {@link createGateway} reads it: each entry's `type` is remembered, so that a route naming the
 * authorizer gets the event type it implies.
 */
export type TypedAuthorizers<TAuthorizers> = {
  [N in keyof TAuthorizers]: AuthorizerConfig & { type: TAuthorizers[N] };
};

/**
 * Options of {@link createGateway} for a REST or HTTP API, with the types `createGateway` infers: the API type,
 * the type of each authorizer, the routes.
 *
 * @example
 * ```ts
 * const options: GatewayOptionsFor<'HTTP'> = { apiType: 'HTTP', routes: { 'GET /': async () => 'ok' } };
 * ```
 */
export type GatewayOptionsFor<
  TApi extends ApiType,
  TAuthorizers = NoAuthorizers,
  TRoutes = RoutesFor<TApi, TAuthorizers>,
> = GatewayOptionsBase & {
  apiType?: TApi;
  authorizers?: TypedAuthorizers<TAuthorizers>;
  routes: TRoutes;
};

type AuthorizationOf<TAuthorizers, TRoute> = TRoute extends { authorizer: infer N }
  ? N extends keyof TAuthorizers
    ? TAuthorizers[N] & RouteAuthorization
    : 'UNKNOWN'
  : TRoute extends { authorizationType: 'AWS_IAM' }
    ? 'AWS_IAM'
    : 'NONE';

/**
 * The event a route's function receives, as `trace.event` holds it: the Lambda proxy event of its API type,
 * payload format and authorization; `unknown` for a Lambda custom integration (what its request template
 * rendered); `never` for integrations that call no function (MOCK, HTTP, AWS services).
 *
 * @example
 * ```ts
 * type Event = RouteEvent<'HTTP', NoAuthorizers, { integration: { type: 'AWS_PROXY'; payloadFormatVersion: '1.0'; handler: ProxyHandlerV1 } }>; // APIGatewayProxyEvent
 * ```
 */
export type RouteEvent<TApi extends ApiType, TAuthorizers, TRoute> = TRoute extends (
  ...args: never[]
) => unknown
  ? TApi extends 'HTTP'
    ? RouteEventV2
    : RouteEventV1
  : TRoute extends { integration: infer I }
    ? I extends { type: 'AWS_PROXY' }
      ? TApi extends 'HTTP'
        ? I extends { payloadFormatVersion: '1.0' }
          ? RouteEventV1<AuthorizationOf<TAuthorizers, TRoute>>
          : RouteEventV2<AuthorizationOf<TAuthorizers, TRoute>>
        : RouteEventV1<AuthorizationOf<TAuthorizers, TRoute>>
      : I extends { type: 'AWS'; handler: unknown }
        ? unknown
        : never
    : never;

/**
 * The union of the events a gateway's routes receive: the type of `trace.event` from `gateway.handle()`.
 *
 * @example
 * ```ts
 * type Event = GatewayEvent<'REST', NoAuthorizers, { 'GET /pets': ProxyHandlerV1 }>; // APIGatewayProxyEvent
 * ```
 */
export type GatewayEvent<TApi extends ApiType, TAuthorizers, TRoutes> = {
  [K in keyof TRoutes]: RouteEvent<TApi, TAuthorizers, TRoutes[K]>;
}[keyof TRoutes];

/** Routes of a REST or HTTP API, typed for it (the constraint of {@link createGateway}'s `TRoutes`). */
// NoInfer: a route's `authorizer` names an entry of `authorizers`; it never defines one.
export type RoutesFor<TApi, TAuthorizers> = Record<
  string,
  RouteValueFor<TApi & ApiType, NoInfer<TAuthorizers>>
>;

/**
 * The parameter of {@link createGateway}: WebSocket options for `apiType: 'WEBSOCKET'`, else REST or HTTP API
 * options whose handlers are typed by `TApi` and `TAuthorizers`. The second member (the same routes, not inferred)
 * is the same contract; it lets a value of the general `GatewayOptions` union be passed as is.
 *
 * @example
 * ```ts
 * const options: CreateGatewayOptions<'HTTP'> = { apiType: 'HTTP', routes: { $default: async () => 'ok' } };
 * ```
 */
export type CreateGatewayOptions<
  TApi extends ApiType | 'WEBSOCKET',
  TAuthorizers = NoAuthorizers,
  TRoutes = RoutesFor<TApi, TAuthorizers>,
> = TApi extends 'WEBSOCKET'
  ? WebSocketGatewayOptions
  :
      | GatewayOptionsFor<TApi & ApiType, TAuthorizers, TRoutes>
      | GatewayOptionsFor<TApi & ApiType, TAuthorizers>;

/**
 * What {@link createGateway} returns: a `WebSocketGateway` for WebSocket options, else a `Gateway` whose
 * `trace.event` has the type of its routes' events (`unknown` when the API type is not known statically).
 *
 * @example
 * ```ts
 * type G = CreatedGateway<'HTTP', NoAuthorizers, { $default: ProxyHandlerV2 }>; // Gateway<APIGatewayProxyEventV2>
 * ```
 */
export type CreatedGateway<TApi extends ApiType | 'WEBSOCKET', TAuthorizers, TRoutes> = [TApi] extends [
  'WEBSOCKET',
]
  ? WebSocketGateway
  : Gateway<
      [TApi] extends ['REST'] | ['HTTP'] ? GatewayEvent<TApi & ApiType, TAuthorizers, TRoutes> : unknown
    >;

/**
 * Options of a REST API: routes keyed by route key (`'GET /pets/{id}'`, `'ANY /{proxy+}'`), handlers receiving
 * payload 1.0 events.
 *
 * @example
 * ```ts
 * const options: RestGatewayOptions = { routes: { 'GET /pets': async () => ({ statusCode: 200, body: '[]' }) } };
 * ```
 */
export interface RestGatewayOptions extends GatewayOptionsBase {
  apiType?: 'REST';
  routes: Record<string, RouteValueFor<'REST', AuthorizerTypes>>;
  /** Authorizers by name (`CreateAuthorizer` fields, plus `handler` for Lambda ones); routes name them in `authorizer`. */
  authorizers?: Record<string, AuthorizerConfig>;
}

/**
 * Options of an HTTP API: routes keyed by route key (`'GET /pets/{id}'`, `'$default'`), handlers receiving
 * payload 2.0 events unless the integration says `payloadFormatVersion: '1.0'`.
 *
 * @example
 * ```ts
 * const options: HttpGatewayOptions = { apiType: 'HTTP', routes: { $default: async () => 'ok' } };
 * ```
 */
export interface HttpGatewayOptions extends GatewayOptionsBase {
  apiType: 'HTTP';
  routes: Record<string, RouteValueFor<'HTTP', AuthorizerTypes>>;
  /** Authorizers by name (`CreateAuthorizer` fields, plus `handler` for Lambda ones); routes name them in `authorizer`. */
  authorizers?: Record<string, AuthorizerConfig>;
}
