import type {
  APIGatewayAuthorizerResult,
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
  PolicyDocument,
} from 'aws-lambda';
import type { LambdaHandler } from '../types.js';

/**
 * A REST `TOKEN` authorizer function: `APIGatewayTokenAuthorizerEvent` in, an IAM-policy result
 * (`APIGatewayAuthorizerResult`) out, or a thrown/called-back `'Unauthorized'` (behaviour.md §2.2, §2.3).
 *
 * @example
 * ```ts
 * const authorize: TokenAuthorizerHandler = async (event) => ({
 *   principalId: 'user-7',
 *   policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] },
 * });
 * ```
 */
export type TokenAuthorizerHandler = LambdaHandler<
  APIGatewayTokenAuthorizerEvent,
  APIGatewayAuthorizerResult
>;

/**
 * A `REQUEST` authorizer function of a REST API, or of an HTTP API with `authorizerPayloadFormatVersion: '1.0'`:
 * `APIGatewayRequestAuthorizerEvent` in, an IAM-policy result out.
 *
 * @example
 * ```ts
 * const authorize: RequestAuthorizerHandler = async (event) => ({
 *   principalId: event.headers?.['x-user'] ?? 'anonymous',
 *   policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] },
 * });
 * ```
 */
export type RequestAuthorizerHandler = LambdaHandler<
  APIGatewayRequestAuthorizerEvent,
  APIGatewayAuthorizerResult
>;

/**
 * The IAM-policy result of an HTTP API payload 2.0 authorizer (without simple responses). Its `context` may hold
 * any JSON (it reaches the integration as `requestContext.authorizer.lambda`).
 *
 * @example
 * ```ts
 * const result: PolicyAuthorizerResultV2 = { principalId: 'u1', policyDocument, context: { plan: 'pro' } };
 * ```
 */
export interface PolicyAuthorizerResultV2 {
  principalId: string;
  policyDocument: PolicyDocument;
  context?: object | null;
  usageIdentifierKey?: string | null;
}

/**
 * An HTTP API `REQUEST` authorizer function with `authorizerPayloadFormatVersion: '2.0'` and IAM-policy results.
 *
 * @example
 * ```ts
 * const authorize: RequestAuthorizerHandlerV2 = async (event) => ({
 *   principalId: 'u1',
 *   policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.routeArn }] },
 * });
 * ```
 */
export type RequestAuthorizerHandlerV2 = LambdaHandler<
  APIGatewayRequestAuthorizerEventV2,
  PolicyAuthorizerResultV2
>;

/**
 * The simple response of an HTTP API authorizer with `enableSimpleResponses: true`; `context` (any JSON) reaches
 * the integration as `requestContext.authorizer.lambda`.
 *
 * @example
 * ```ts
 * const result: SimpleAuthorizerResultV2 = { isAuthorized: true, context: { plan: 'pro' } };
 * ```
 */
export interface SimpleAuthorizerResultV2 {
  isAuthorized: boolean;
  context?: object | null;
}

/**
 * An HTTP API `REQUEST` authorizer function with `authorizerPayloadFormatVersion: '2.0'` and
 * `enableSimpleResponses: true`.
 *
 * @example
 * ```ts
 * const authorize: SimpleAuthorizerHandlerV2 = async (event) => ({ isAuthorized: event.identitySource?.[0] === 'let-me-in' });
 * ```
 */
export type SimpleAuthorizerHandlerV2 = LambdaHandler<
  APIGatewayRequestAuthorizerEventV2,
  SimpleAuthorizerResultV2
>;

/**
 * Any Lambda authorizer function, typed for the event and result of its configuration: the `handler` of an entry
 * of `authorizers` is typed by its `type`, `authorizerPayloadFormatVersion` and `enableSimpleResponses`.
 *
 * @example
 * ```ts
 * const authorize: AuthorizerHandler = async (event: APIGatewayTokenAuthorizerEvent) => ({ principalId: 'u', policyDocument });
 * ```
 */
export type AuthorizerHandler =
  | TokenAuthorizerHandler
  | RequestAuthorizerHandler
  | RequestAuthorizerHandlerV2
  | SimpleAuthorizerHandlerV2;
