import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyResultV2,
} from 'aws-lambda';
import type { LambdaHandler } from './types.js';

/**
 * The result of a REST API (or HTTP API payload 1.0) Lambda proxy handler: the fields of
 * `APIGatewayProxyResult`, each optional as API Gateway treats them (behaviour.md §3): a missing `statusCode` is
 * 200, a missing `body` is empty; even `{}` is a valid result. A key it does not know (a 502 on AWS) does not
 * compile.
 *
 * @example
 * ```ts
 * const noContent: ProxyResultV1 = { statusCode: 204 };
 * ```
 */
export type ProxyResultV1 = { [K in keyof APIGatewayProxyResult]?: APIGatewayProxyResult[K] | undefined };

/**
 * What a payload 2.0 handler may return besides a structured result or a string: any other JSON value. An object
 * without `statusCode` is sent as the JSON body with status 200 (API Gateway infers the response, behaviour.md
 * §1.2); an object with a `statusCode` must be a structured result.
 *
 * @example
 * ```ts
 * const inferred: InferredResultV2 = { id: 7, name: 'Rex' }; // 200, body {"id":7,"name":"Rex"}
 * ```
 */
export type InferredResultV2 =
  | number
  | boolean
  | null
  | readonly unknown[]
  | (object & { statusCode?: never });

/**
 * The result of an HTTP API payload 2.0 handler: `APIGatewayProxyResultV2` (a structured result or a string) or
 * any other JSON value ({@link InferredResultV2}).
 *
 * @example
 * ```ts
 * const structured: ProxyResultV2 = { statusCode: 201, cookies: ['s=1'], body: '{}' };
 * const text: ProxyResultV2 = 'hello'; // 200, body "hello"
 * ```
 */
export type ProxyResultV2 = APIGatewayProxyResultV2<InferredResultV2>;

/**
 * A Lambda proxy handler of a REST API route or an HTTP API payload 1.0 route: the event (by default
 * `APIGatewayProxyEvent`) in, a {@link ProxyResultV1} out.
 *
 * @example
 * ```ts
 * const handler: ProxyHandlerV1 = async (event) => ({ statusCode: 200, body: event.httpMethod });
 * ```
 */
export type ProxyHandlerV1<TEvent = APIGatewayProxyEvent> = LambdaHandler<TEvent, ProxyResultV1>;

/**
 * A Lambda proxy handler of an HTTP API payload 2.0 route: the event (by default `APIGatewayProxyEventV2`) in, a
 * {@link ProxyResultV2} out.
 *
 * @example
 * ```ts
 * const handler: ProxyHandlerV2 = async (event) => ({ statusCode: 200, body: event.requestContext.http.method });
 * ```
 */
export type ProxyHandlerV2<TEvent = APIGatewayProxyEventV2> = LambdaHandler<TEvent, ProxyResultV2>;
