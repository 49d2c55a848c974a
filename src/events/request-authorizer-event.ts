import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { executeApiArn } from './derive/arn.js';
import { DEFAULT_REGION } from './derive/constants.js';
import { contextText, identitySourceOption } from './derive/json-value.js';
import { knownOptions } from './derive/known-options.js';
import { buildProxyEventV1, PROXY_EVENT_V1_OPTION_KEYS, type ProxyEventV1Options } from './proxy-event-v1.js';

/** Options of {@link buildRequestAuthorizerEvent}: the request being authorized, as for a proxy event. */
export interface RequestAuthorizerEventOptions
  extends Omit<ProxyEventV1Options, 'body' | 'authorizer' | 'binaryMediaTypes'> {
  /** Use this ARN instead of deriving it from the request. */
  methodArn?: string;
  /** HTTP API payload 1.0 only: the identity-source values (default: the Authorization header). */
  identitySource?: readonly string[];
}

const WHERE = 'buildRequestAuthorizerEvent';
const KNOWN: readonly string[] = [
  ...PROXY_EVENT_V1_OPTION_KEYS.filter((k) => k !== 'body' && k !== 'authorizer' && k !== 'binaryMediaTypes'),
  'methodArn',
  'identitySource',
];
const checkOptions = knownOptions(WHERE, KNOWN);

/**
 * Builds the input of a REST `REQUEST` Lambda authorizer (or, with `apiType: 'HTTP'`, of an HTTP API
 * payload 1.0 authorizer): the proxy event's request fields plus `type` and `methodArn`, without `body`;
 * the query maps, `pathParameters` and `stageVariables` are `{}` when empty, never `null` (behaviour.md §2.1,
 * recorded). The HTTP 1.0 variant also
 * has `identitySource` and `authorizationToken`, both the identity values joined with commas.
 *
 * @example
 * ```ts
 * const event = buildRequestAuthorizerEvent({ resource: '/pets/{id}', path: '/pets/7', headers: { Auth: 'x' } });
 * event.methodArn; // 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets/7'
 * ```
 */

export function buildRequestAuthorizerEvent(
  options: RequestAuthorizerEventOptions = {},
): APIGatewayRequestAuthorizerEvent {
  checkOptions(options);
  const { methodArn, identitySource, ...proxyOptions } = options;
  const proxy = buildProxyEventV1(proxyOptions);
  const sources = identitySourceOption(WHERE, identitySource);
  const stage = contextText(WHERE, proxy.requestContext, 'stage');
  const http = options.apiType === 'HTTP';
  const path = http && stage !== '$default' ? proxy.path.slice(stage.length + 1) : proxy.path;
  const auth = proxy.headers.authorization;
  return requestAuthorizerEventFromProxy(proxy, {
    methodArn:
      methodArn ??
      executeApiArn(
        options.region ?? DEFAULT_REGION,
        contextText(WHERE, proxy.requestContext, 'accountId'),
        contextText(WHERE, proxy.requestContext, 'apiId'),
        stage,
        proxy.httpMethod,
        path,
      ),
    identitySource: http ? (sources ?? (auth === undefined ? [] : [auth])) : undefined,
  });
}

/**
 * The REQUEST authorizer event for the request a 1.0 proxy event describes (shared by the builder and the
 * gateway): the proxy event's request fields without `body`, query, path-parameter and stage-variable maps `{}`
 * when empty (recorded: never `null` here), `requestContext` without `authorizer`. `identitySource` given: the
 * HTTP API 1.0 variant (`version`, `identitySource` and `authorizationToken`, the values joined with commas).
 */
export function requestAuthorizerEventFromProxy(
  proxy: APIGatewayProxyEvent,
  options: { methodArn: string; identitySource: readonly string[] | undefined },
): APIGatewayRequestAuthorizerEvent {
  const context = { ...proxy.requestContext } as Record<string, unknown>;
  delete context.authorizer;
  const event: Record<string, unknown> = {};
  const identitySource = options.identitySource;
  if (identitySource !== undefined) event.version = '1.0';
  event.type = 'REQUEST';
  event.methodArn = options.methodArn;
  if (identitySource !== undefined) {
    const joined = identitySource.join(',');
    event.identitySource = joined;
    event.authorizationToken = joined;
  }
  Object.assign(event, {
    resource: proxy.resource,
    path: proxy.path,
    httpMethod: proxy.httpMethod,
    headers: proxy.headers,
    multiValueHeaders: proxy.multiValueHeaders,
    queryStringParameters: proxy.queryStringParameters ?? {},
    multiValueQueryStringParameters: proxy.multiValueQueryStringParameters ?? {},
    pathParameters: proxy.pathParameters ?? {},
    stageVariables: proxy.stageVariables ?? {},
    requestContext: context,
  });
  return event as unknown as APIGatewayRequestAuthorizerEvent;
}
