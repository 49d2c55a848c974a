import type {
  APIGatewayEventRequestContextV2WithAuthorizer,
  APIGatewayProxyEvent,
  APIGatewayProxyEventBase,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayProxyEventV2WithRequestContext,
  APIGatewayProxyWithCognitoAuthorizerEvent,
  APIGatewayProxyWithLambdaAuthorizerEvent,
} from 'aws-lambda';

/**
 * How a route is authorized, as far as its Lambda event is concerned: no authorization, IAM (SigV4), the `type`
 * of the authorizer it names, or `'UNKNOWN'` when the authorizer's type is not known to the compiler (options
 * typed as the general `GatewayOptions`).
 *
 * @example
 * ```ts
 * const auth: RouteAuthorization = 'JWT'; // the route names a JWT authorizer
 * ```
 */
export type RouteAuthorization =
  | 'NONE'
  | 'AWS_IAM'
  | 'TOKEN'
  | 'REQUEST'
  | 'COGNITO_USER_POOLS'
  | 'JWT'
  | 'UNKNOWN';

/**
 * `requestContext.authorizer` of an HTTP API payload 1.0 event behind a JWT authorizer: the claims as text and
 * the scopes (`null` when the route declares none), behaviour.md §18.1.
 *
 * @example
 * ```ts
 * const authorizer: JwtAuthorizerContextV1 = { claims: { sub: 'u1', exp: '1700000300' }, scopes: null };
 * ```
 */
export interface JwtAuthorizerContextV1 {
  claims: { [name: string]: string };
  scopes: string[] | null;
}

/**
 * The payload 1.0 event (REST API, or HTTP API route with `payloadFormatVersion: '1.0'`) of a route authorized
 * by `TAuth`: a Lambda authorizer's `APIGatewayProxyWithLambdaAuthorizerEvent` (its context's shape is the
 * authorizer function's, so it is `any`: annotate your handler's event to name it), Cognito's
 * `APIGatewayProxyWithCognitoAuthorizerEvent`, an HTTP API JWT authorizer's claims and scopes, else
 * `APIGatewayProxyEvent` (IAM callers fill `requestContext.identity`).
 *
 * @example
 * ```ts
 * type Event = RouteEventV1<'COGNITO_USER_POOLS'>; // APIGatewayProxyWithCognitoAuthorizerEvent
 * ```
 */
export type RouteEventV1<TAuth extends RouteAuthorization = 'NONE'> = TAuth extends 'TOKEN' | 'REQUEST'
  ? // biome-ignore lint/suspicious/noExplicitAny: the context is whatever the authorizer function returned
    APIGatewayProxyWithLambdaAuthorizerEvent<any>
  : TAuth extends 'COGNITO_USER_POOLS'
    ? APIGatewayProxyWithCognitoAuthorizerEvent
    : TAuth extends 'JWT'
      ? APIGatewayProxyEventBase<JwtAuthorizerContextV1>
      : TAuth extends 'UNKNOWN'
        ? // biome-ignore lint/suspicious/noExplicitAny: an authorizer of unknown type may put anything there
          APIGatewayProxyEventBase<any>
        : APIGatewayProxyEvent;

/**
 * The payload 2.0 event (HTTP API) of a route authorized by `TAuth`: `APIGatewayProxyEventV2WithJWTAuthorizer`,
 * `APIGatewayProxyEventV2WithLambdaAuthorizer` (context `any`: annotate your handler's event to name it),
 * `APIGatewayProxyEventV2WithIAMAuthorizer`, or `APIGatewayProxyEventV2` without authorization.
 *
 * @example
 * ```ts
 * type Event = RouteEventV2<'JWT'>; // APIGatewayProxyEventV2WithJWTAuthorizer
 * ```
 */
export type RouteEventV2<TAuth extends RouteAuthorization = 'NONE'> = TAuth extends 'JWT'
  ? APIGatewayProxyEventV2WithJWTAuthorizer
  : TAuth extends 'REQUEST'
    ? // biome-ignore lint/suspicious/noExplicitAny: the context is whatever the authorizer function returned
      APIGatewayProxyEventV2WithLambdaAuthorizer<any>
    : TAuth extends 'AWS_IAM'
      ? APIGatewayProxyEventV2WithIAMAuthorizer
      : TAuth extends 'NONE'
        ? APIGatewayProxyEventV2
        : APIGatewayProxyEventV2WithRequestContext<
            // biome-ignore lint/suspicious/noExplicitAny: an authorizer of unknown type may put anything there
            APIGatewayEventRequestContextV2WithAuthorizer<any>
          >;
