import type { APIGatewayProxyEventV2, APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { executeApiArn } from './derive/arn.js';
import { DEFAULT_REGION } from './derive/constants.js';
import { contextText, identitySourceOption } from './derive/json-value.js';
import { knownOptions } from './derive/known-options.js';
import { buildProxyEventV2, PROXY_EVENT_V2_OPTION_KEYS, type ProxyEventV2Options } from './proxy-event-v2.js';

/** Options of {@link buildRequestAuthorizerEventV2}: the request being authorized, as for a 2.0 event. */
export interface RequestAuthorizerEventV2Options extends Omit<ProxyEventV2Options, 'body' | 'authorizer'> {
  /** Values of the authorizer's identity sources, in order. Default: the `authorization` header, if any. */
  identitySource?: readonly string[];
  /** Use this ARN instead of deriving it from the request. */
  routeArn?: string;
}

const WHERE = 'buildRequestAuthorizerEventV2';
const KNOWN: readonly string[] = [
  ...PROXY_EVENT_V2_OPTION_KEYS.filter((k) => k !== 'body' && k !== 'authorizer'),
  'identitySource',
  'routeArn',
];
const checkOptions = knownOptions(WHERE, KNOWN);

/**
 * Builds the input of an HTTP API Lambda authorizer with payload format 2.0: `version`, `type: 'REQUEST'`,
 * `routeArn`, `identitySource` (array of values), and the request fields of the 2.0 proxy event without
 * `body` (behaviour.md §2.1).
 *
 * @example
 * ```ts
 * const event = buildRequestAuthorizerEventV2({ routeKey: 'GET /pets/{id}', path: '/pets/7', headers: { authorization: 'Bearer t' } });
 * event.identitySource; // ['Bearer t']
 * ```
 */

export function buildRequestAuthorizerEventV2(
  options: RequestAuthorizerEventV2Options = {},
): APIGatewayRequestAuthorizerEventV2 {
  checkOptions(options);
  const { identitySource, routeArn, ...proxyOptions } = options;
  const sources = identitySourceOption(WHERE, identitySource);
  const proxy = buildProxyEventV2(proxyOptions);
  const stage = contextText(WHERE, proxy.requestContext, 'stage');
  const path = stage === '$default' ? proxy.rawPath : proxy.rawPath.slice(stage.length + 1);
  const auth = proxy.headers.authorization;
  return requestAuthorizerEventV2FromProxy(proxy, {
    routeArn:
      routeArn ??
      executeApiArn(
        options.region ?? DEFAULT_REGION,
        contextText(WHERE, proxy.requestContext, 'accountId'),
        contextText(WHERE, proxy.requestContext, 'apiId'),
        stage,
        contextText(WHERE, proxy.requestContext.http ?? {}, 'method'),
        path,
      ),
    identitySource: sources ? [...sources] : auth === undefined ? [] : [auth],
  });
}

/**
 * The 2.0 authorizer event for the request a 2.0 proxy event describes (shared by the builder and the
 * gateway): `version`, `type`, `routeArn`, `identitySource`, then the proxy event's request fields without
 * `body` and `isBase64Encoded`.
 */
export function requestAuthorizerEventV2FromProxy(
  proxy: APIGatewayProxyEventV2,
  options: { routeArn: string; identitySource: readonly string[] },
): APIGatewayRequestAuthorizerEventV2 {
  const event: Record<string, unknown> = {
    version: '2.0',
    type: 'REQUEST',
    routeArn: options.routeArn,
    identitySource: [...options.identitySource],
    routeKey: proxy.routeKey,
    rawPath: proxy.rawPath,
    rawQueryString: proxy.rawQueryString,
  };
  if (proxy.cookies) event.cookies = proxy.cookies;
  event.headers = proxy.headers;
  if (proxy.queryStringParameters) event.queryStringParameters = proxy.queryStringParameters;
  event.requestContext = proxy.requestContext;
  if (proxy.pathParameters) event.pathParameters = proxy.pathParameters;
  if (proxy.stageVariables) event.stageVariables = proxy.stageVariables;
  return event as unknown as APIGatewayRequestAuthorizerEventV2;
}
