import type { Callback, Context } from 'aws-lambda';
import type { IntegrationResponseConfig, PassthroughBehavior } from './mapping/types.js';

/**
 * Conversion of a payload between text and binary (behaviour.md §4.8), on the integration request
 * (`contentHandling` of the integration) or on an integration response.
 *
 * @example
 * ```ts
 * const handling: ContentHandling = 'CONVERT_TO_BINARY'; // base64 text in, bytes to the backend
 * ```
 */
export type ContentHandling = 'CONVERT_TO_TEXT' | 'CONVERT_TO_BINARY';

/**
 * The REST mapping fields every non-proxy integration (`AWS`, `HTTP`; `MOCK` has its own type) shares, named as
 * `GetIntegration` names them.
 *
 * @example
 * ```ts
 * const mapping: NonProxyMapping = {
 *   requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')"}' },
 *   requestParameters: { 'integration.request.header.X-Id': 'method.request.path.id' },
 *   integrationResponses: [{ statusCode: '200' }],
 * };
 * ```
 */
export interface NonProxyMapping {
  /** VTL request templates keyed by content type; chosen by the request's `Content-Type`. */
  requestTemplates?: Record<string, string>;
  /**
   * `integration.request.{header|querystring|path}.<name>` → `method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.<name>`,
   * `method.request.body[.<JSONPath>]`, `stageVariables.<name>`, `context.<name>` or `'static'`.
   */
  requestParameters?: Record<string, string>;
  /** Body handling when no template matches the Content-Type. Default `WHEN_NO_MATCH`. */
  passthroughBehavior?: PassthroughBehavior;
  /** Text ⇄ binary conversion of the integration request body. Default: none (passthrough). */
  contentHandling?: ContentHandling;
  /** AWS-shaped integration responses (array, or object keyed by status code); needs the route's `methodResponses`. */
  integrationResponses?:
    | IntegrationResponseConfig[]
    | Record<string, Omit<IntegrationResponseConfig, 'statusCode'> & { statusCode?: string | number }>;
  /** Gateway-side integration timeout in ms (REST 50–29 000, default 29 000). */
  timeoutInMillis?: number;
}

/**
 * `AWS` integration with a Lambda function, non-proxy ("Lambda custom"): the request template's output is the
 * event; the result (or `{errorMessage, errorType, stackTrace}`) is mapped by integration responses selected by
 * `errorMessage`.
 *
 * @example
 * ```ts
 * const integration: LambdaCustomIntegration = {
 *   type: 'AWS',
 *   handler: async (event: { id: string }) => ({ id: event.id }),
 *   requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')"}' },
 *   integrationResponses: [{ statusCode: '200' }, { statusCode: '400', selectionPattern: 'Bad.*' }],
 * };
 * ```
 */
export interface LambdaCustomIntegration extends NonProxyMapping {
  type: 'AWS';
  /** The function's handler; invoked like a warm Lambda, exactly as for `AWS_PROXY`. */
  handler: CustomEventHandler;
  /** Integration method; Lambda is invoked with POST. Default POST. */
  httpMethod?: string;
  functionTimeoutMs?: number;
  functionName?: string;
  memoryLimitInMB?: number;
}

/**
 * A handler of a Lambda custom integration: its event is whatever the request template rendered (parsed JSON),
 * so it is `unknown` unless you name its shape: annotate the parameter (`async (event: { id: string }) => …`,
 * accepted because the parameter is bivariant) or give `TEvent`. It may return any value (integration responses
 * map it); as for every Lambda, a value returned synchronously is not a result.
 *
 * @example
 * ```ts
 * const handler: CustomEventHandler<{ id: string }> = async (event) => ({ id: event.id });
 * ```
 */
export type CustomEventHandler<TEvent = unknown> = {
  // A method signature keeps the event bivariant: the template's output is the user's to describe.
  bivarianceHack(
    event: TEvent,
    context: Context,
    callback: Callback<unknown>,
    // biome-ignore lint/suspicious/noConfusingVoidType: a callback-style handler returns nothing (as in Handler)
  ): void | Promise<unknown>;
}['bivarianceHack'];

/**
 * `AWS` integration calling an AWS service action: `uri` is `arn:aws:apigateway:{region}:{service}:action/{Action}`
 * or `arn:aws:apigateway:{region}:{service}:path/{path}`. The call goes to the gateway's `services` responder or
 * to its `awsEndpoint` (docs/integrations.md).
 *
 * @example
 * ```ts
 * const integration: AwsServiceIntegration = {
 *   type: 'AWS',
 *   uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem',
 *   httpMethod: 'POST',
 *   credentials: 'arn:aws:iam::123456789012:role/apigw-dynamodb',
 *   requestTemplates: { 'application/json': '{"TableName": "pets", "Item": {"id": {"S": "$context.requestId"}}}' },
 *   integrationResponses: [{ statusCode: '200' }],
 * };
 * ```
 */
export interface AwsServiceIntegration extends NonProxyMapping {
  type: 'AWS';
  uri: string;
  /** The method of the call to the service (`POST` for actions; `GET`, `PUT`, … for path URIs). */
  httpMethod: string;
  /** The IAM role API Gateway assumes for the call (`arn:aws:iam::<account>:role/<name>`). */
  credentials?: string;
}

/**
 * `HTTP` integration (non-proxy): the request is rebuilt from templates and parameter mappings and sent to `uri`;
 * the backend's status selects the integration response.
 *
 * @example
 * ```ts
 * const integration: HttpIntegration = {
 *   type: 'HTTP',
 *   uri: 'https://backend.example.com/pets/{id}',
 *   httpMethod: 'GET',
 *   requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
 *   integrationResponses: [{ statusCode: '200' }, { statusCode: '404', selectionPattern: '404' }],
 * };
 * ```
 */
export interface HttpIntegration extends NonProxyMapping {
  type: 'HTTP';
  uri: string;
  httpMethod: string;
}

/**
 * `HTTP_PROXY` integration: the request is forwarded to `uri` (path variables, `{proxy}` and
 * `${stageVariables.x}` substituted) and the backend's answer passed through. REST APIs take REST
 * `requestParameters`; HTTP APIs take apigatewayv2 parameter mapping (`append:header.x`, `overwrite:path`, …) and
 * `responseParameters` keyed by status code.
 *
 * @example
 * ```ts
 * const integration: HttpProxyIntegration = { type: 'HTTP_PROXY', uri: 'https://backend.example.com/{proxy}' };
 * ```
 */
export interface HttpProxyIntegration {
  type: 'HTTP_PROXY';
  uri: string;
  /** Integration method; default (and `ANY`): the client's method. */
  httpMethod?: string;
  /** REST: `integration.request.*` mappings; HTTP API: `append|overwrite|remove:{header|querystring}.<name>`, `overwrite:path`. */
  requestParameters?: Record<string, string>;
  /** HTTP API only: status code → `append|overwrite|remove:header.<name>` / `overwrite:statuscode` → value. */
  responseParameters?: Record<string, Record<string, string>>;
  /** REST 50–29 000 (default 29 000); HTTP API 50–30 000 (default 30 000). */
  timeoutInMillis?: number;
  /** HTTP APIs: `'1.0'`, the only value AWS accepts for HTTP_PROXY (REST integrations have none). */
  payloadFormatVersion?: '1.0';
}
