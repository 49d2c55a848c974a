import type {
  APIGatewayEventRequestContextWithAuthorizer,
  APIGatewayProxyEvent,
  APIGatewayProxyWithCognitoAuthorizerEvent,
  APIGatewayProxyWithLambdaAuthorizerEvent,
} from 'aws-lambda';
import { EventInputError } from '../errors/families.js';
import { formatValue } from '../errors/format-value.js';
import {
  authorizerKind,
  cognitoAuthorizerV1,
  iamCaller,
  lambdaAuthorizerV1,
  type ProxyEventV1AuthorizerInput,
} from './derive/authorizer.js';
import { isBinaryForHttpApi, matchesBinaryMediaType } from './derive/body.js';
import { DEFAULT_ACCOUNT_ID, domainPrefixOf } from './derive/constants.js';
import { addRequestGatewayEntries } from './derive/header-maps.js';
import { dropSigV4Authorization, toV1HeaderMaps } from './derive/headers.js';
import { buildIdentity, type IdentityInput } from './derive/identity.js';
import { jsonOption } from './derive/json-value.js';
import { knownOptions } from './derive/known-options.js';
import { type DeepPartial, mergeDeep } from './derive/merge.js';
import { restQueryPairs, toV1QueryMaps } from './derive/query.js';
import { HTTP_OPTION_KEYS, type HttpEventOptions, resolveRequest } from './derive/request.js';
import { formatRequestTime } from './derive/time.js';
import { collapseLeadingSlashes, resolveResource } from './resolve-resource.js';

/** Options of {@link buildProxyEventV1}. */
export interface ProxyEventV1Options extends HttpEventOptions {
  /** Resource path template (`/pets/{id}`). Default `/{proxy+}` (or `/` for the root path). */
  resource?: string;
  /** Path parameters, used to build `path` when it is not given (and checked against it when it is). */
  pathParameters?: Readonly<Record<string, string>>;
  /** `REST` (default) or `HTTP` for an HTTP API sending payload format 1.0. */
  apiType?: 'REST' | 'HTTP';
  /** Fields of `requestContext.identity` (API key, Cognito identity, client certificate, …). */
  identity?: IdentityInput;
  /** `{ lambda: { principalId, context } }`, `{ cognito: { claims } }` or `{ iam: { … } }`. */
  authorizer?: ProxyEventV1AuthorizerInput;
  resourceId?: string;
  deploymentId?: string;
  /** Deep-partial override applied last; a key set to `undefined` is removed. */
  requestContext?: DeepPartial<APIGatewayEventRequestContextWithAuthorizer<unknown>> &
    Record<string, unknown>;
}

/**
 * The `@types/aws-lambda` event type {@link buildProxyEventV1} returns for an `authorizer` option:
 * `{ lambda: { context } }` gives `APIGatewayProxyWithLambdaAuthorizerEvent<context>` (its values typed as the
 * strings API Gateway delivers), `{ cognito }` `APIGatewayProxyWithCognitoAuthorizerEvent`; otherwise
 * `APIGatewayProxyEvent`.
 *
 * @example
 * ```ts
 * type Event = ProxyEventV1For<{ cognito: { claims: { sub: string } } }>; // APIGatewayProxyWithCognitoAuthorizerEvent
 * ```
 */
export type ProxyEventV1For<A> = [A] extends [{ lambda: infer L }]
  ? APIGatewayProxyWithLambdaAuthorizerEvent<
      L extends { context?: infer C } ? (C extends object ? C : {}) : {}
    >
  : [A] extends [{ cognito: unknown }]
    ? APIGatewayProxyWithCognitoAuthorizerEvent
    : APIGatewayProxyEvent;

/** Option names {@link buildProxyEventV1} accepts. */
export const PROXY_EVENT_V1_OPTION_KEYS: readonly string[] = [
  ...HTTP_OPTION_KEYS,
  'resource',
  'pathParameters',
  'apiType',
  'identity',
  'authorizer',
  'resourceId',
  'deploymentId',
  'requestContext',
];
const WHERE = 'buildProxyEventV1';
// A REST API without binaryMediaTypes base64-encodes byte bodies only (one function, not a closure per event).
const bytesAreBinary = (_mediaType: string, isBytes: boolean): boolean => isBytes;
const checkOptions = knownOptions(WHERE, PROXY_EVENT_V1_OPTION_KEYS);

/**
 * Builds the event a REST API Lambda proxy integration (payload format 1.0) sends, deriving every field
 * consistently from what a client would send: `null` for absent query/body/stage variables, form-decoded
 * query values (last one wins in the single-value map), percent-encoded `path`/`pathParameters`, the
 * stage-prefixed `requestContext.path`, the headers API Gateway adds and none of those it strips.
 * `apiType: 'HTTP'` gives an HTTP API payload 1.0 event instead (lowercase headers, `version: '1.0'`).
 *
 * @example
 * ```ts
 * const event = buildProxyEventV1({ method: 'GET', resource: '/pets/{id}', path: '/pets/7?verbose=true' });
 * event.pathParameters; // { id: '7' }
 * event.queryStringParameters; // { verbose: 'true' }
 * event.requestContext.path; // '/dev/pets/7'
 * // The type follows the authorizer asked for: APIGatewayProxyWithLambdaAuthorizerEvent<{ tenant: string }>.
 * buildProxyEventV1({ authorizer: { lambda: { context: { tenant: 't1' } } } }).requestContext.authorizer.tenant; // 't1'
 * ```
 */
export function buildProxyEventV1<A extends ProxyEventV1AuthorizerInput | undefined = undefined>(
  options?: ProxyEventV1Options & { authorizer?: A },
): ProxyEventV1For<A>;
export function buildProxyEventV1(options: ProxyEventV1Options = {}): APIGatewayProxyEvent {
  checkOptions(options);
  const http = options.apiType === 'HTTP';
  if (options.apiType !== undefined && !http && options.apiType !== 'REST') {
    throw new EventInputError(
      'EVENT_INVALID_API_TYPE',
      `${WHERE}: invalid apiType: ${formatValue(options.apiType)}`,
      "Use 'REST' (the default) or 'HTTP' (an HTTP API sending payload format 1.0).",
    );
  }
  const binaryTypes = options.binaryMediaTypes;
  if (http && binaryTypes !== undefined) {
    throw new EventInputError(
      'EVENT_INVALID_API_TYPE',
      `${WHERE}: binaryMediaTypes is a REST API setting, but apiType is 'HTTP'`,
      'HTTP APIs have no binaryMediaTypes: they base64-encode every body that is not text/*, application/json, application/xml or application/javascript. Remove binaryMediaTypes, or use apiType REST.',
    );
  }
  const request = resolveRequest(
    WHERE,
    options,
    http ? '$default' : 'dev',
    http
      ? isBinaryForHttpApi
      : binaryTypes === undefined
        ? bytesAreBinary
        : (mediaType) => matchesBinaryMediaType(mediaType, binaryTypes),
  );
  const { resource, rawPath, pathParameters } = resolveResource(
    WHERE,
    request.rawPath,
    options.resource,
    options.pathParameters,
  );
  const ids = request.ids;
  const requestId = options.requestId ?? ids.uuid;
  const extendedRequestId = options.extendedRequestId ?? ids.short4;
  const resourceId = options.resourceId ?? ids.alnum7;
  const deploymentId = options.deploymentId ?? ids.alnum8;
  if (!http) dropSigV4Authorization(request.headers);
  // The gateway-added lines go straight into the maps under constant names, after the request's own.
  const { headers, multiValueHeaders } = toV1HeaderMaps(request.headers, http);
  addRequestGatewayEntries(request, headers, multiValueHeaders, http ? 2 : 1);
  if (http) {
    const length = String(request.body.byteLength);
    headers['content-length'] = length;
    multiValueHeaders['content-length'] = [length];
  }
  const query = toV1QueryMaps(http ? request.query.pairs : restQueryPairs(request.query));
  const stage = request.stage;
  const named = !(http && stage === '$default');
  const path =
    http && named ? `/${stage}${collapseLeadingSlashes(rawPath)}` : collapseLeadingSlashes(rawPath);
  const identityInput =
    typeof options.authorizer === 'object' && options.authorizer !== null && 'iam' in options.authorizer
      ? iamIdentity(options)
      : options.identity;
  const requestContext: Record<string, unknown> = {
    accountId: request.accountId,
    apiId: request.apiId,
    deploymentId,
    domainName: request.domainName,
    domainPrefix: domainPrefixOf(request.domainName),
    extendedRequestId,
    httpMethod: request.method,
    identity: buildIdentity(WHERE, request.sourceIp, request.userAgent, identityInput),
    path: named ? `/${stage}${rawPath}` : rawPath,
    protocol: 'HTTP/1.1',
    requestId,
    requestTime: formatRequestTime(request.time),
    requestTimeEpoch: request.time,
    resourceId: http ? null : resourceId,
    resourcePath: resource,
    stage,
  };
  const authorizer = authorizerV1(options, request.accountId);
  if (authorizer !== undefined) requestContext.authorizer = authorizer;
  else if (http) requestContext.authorizer = { claims: null, scopes: null };
  const event: Record<string, unknown> = {
    resource,
    path,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters,
    stageVariables: request.stageVariables,
    requestContext:
      options.requestContext === undefined
        ? requestContext
        : mergeDeep(requestContext, jsonOption(WHERE, 'requestContext', options.requestContext)),
    body: request.body.body,
    isBase64Encoded: request.body.isBase64Encoded,
  };
  return (http ? { version: '1.0', ...event } : event) as unknown as APIGatewayProxyEvent;
}

function authorizerV1(options: ProxyEventV1Options, accountId: string): Record<string, unknown> | undefined {
  const input = options.authorizer;
  if (input === undefined) return undefined;
  const kind = authorizerKind(WHERE, input, ['lambda', 'cognito', 'iam']);
  if (kind === 'lambda') return lambdaAuthorizerV1(WHERE, (input as { lambda: object }).lambda);
  if (kind === 'cognito') return cognitoAuthorizerV1(WHERE, (input as { cognito: object }).cognito);
  iamCaller(WHERE, (input as { iam: object }).iam, accountId);
  return undefined;
}

function iamIdentity(options: ProxyEventV1Options): IdentityInput {
  const caller = iamCaller(
    WHERE,
    (options.authorizer as { iam: object }).iam,
    options.accountId ?? DEFAULT_ACCOUNT_ID,
  );
  return {
    accessKey: caller.accessKey,
    accountId: caller.accountId,
    caller: caller.caller,
    user: caller.user,
    userArn: caller.userArn,
    principalOrgId: caller.principalOrgId,
    ...options.identity,
  };
}
