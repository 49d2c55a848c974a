import type { APIGatewayProxyEvent } from 'aws-lambda';
import { collapseLeadingSlashes, defaultResource } from '../resolve-resource.js';
import {
  isBinaryForHttpApi,
  matchesBinaryMediaType,
  mediaTypeOf,
  type ResolvedBody,
  resolveBody,
} from './body.js';
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_ID,
  DEFAULT_REGION,
  DEFAULT_SOURCE_IP,
  defaultDomainName,
  domainPrefixOf,
} from './constants.js';
import {
  copyStageVariables,
  type GatewayEventInput,
  isPlainPath,
  isPlainStage,
  trustedVerb,
} from './gateway-event-input.js';
import { addNewHeader, addPassGatewayHeaders, passHeaders } from './header-maps.js';
import { eventIds } from './id-block.js';
import { buildIdentity } from './identity.js';
import { matchSimpleResource } from './match-simple-resource.js';
import { mergeDeep } from './merge.js';
import { rawQueryToV1Maps, type V1QueryMaps } from './query-maps.js';
import { formatRequestTime } from './time.js';

const WHERE = 'buildProxyEventV1';
const NO_BODY: ResolvedBody = { body: null, isBase64Encoded: false, byteLength: 0, json: false };
const NO_QUERY: V1QueryMaps = { single: null, multi: null };

/**
 * The gateway's fast path to the 1.0 event: the event `buildProxyEventV1(gatewayOptionsV1(input))` gives,
 * built in one pass from inputs the gateway already produced (no option-name check, no re-split of the
 * path or the resource, header and query maps filled directly). Returns `undefined` when anything is
 * unusual (an input the builder would refuse or treat specially), so the caller falls back to the builder,
 * which then gives the same event or the same error. Internal: not exported from the package barrels.
 */
export function gatewayProxyEventV1(input: GatewayEventInput): APIGatewayProxyEvent | undefined {
  const apiType = input.apiType;
  const http = apiType === 'HTTP';
  if (!http && apiType !== 'REST' && apiType !== undefined) return undefined;
  const method = trustedVerb(input.method);
  const rawPath = input.path;
  const query = input.query;
  const stage = input.stage;
  const time = input.time;
  const stageVariables = copyStageVariables(input.stageVariables);
  if (
    method === undefined ||
    !isPlainPath(rawPath, query) ||
    !isPlainStage(stage) ||
    typeof time !== 'number' ||
    !Number.isFinite(time) ||
    stageVariables === false
  ) {
    return undefined;
  }
  const format = http ? 2 : 1;
  const pass = passHeaders(input.headers, format, !http);
  if (pass === undefined) return undefined;
  const body = resolveV1Body(input, mediaTypeOf(pass.contentType));
  if (body === undefined) return undefined;
  const resource =
    input.resource === '$default' || input.resource === undefined ? defaultResource(rawPath) : input.resource;
  const params = matchSimpleResource(resource, rawPath);
  if (params === undefined) return undefined;
  const epoch = Math.trunc(time);
  const identityInput = input.identity as { sourceIp?: string; userAgent?: string | null } | undefined;
  const forwardedFor = pass.forwardedFor;
  const sourceIp =
    identityInput?.sourceIp ?? (forwardedFor ? firstForwarded(forwardedFor) : DEFAULT_SOURCE_IP);
  let userAgent: string | null = pass.userAgent ?? null;
  const wantedAgent = identityInput?.userAgent ?? undefined;
  if (wantedAgent !== undefined && wantedAgent !== null) {
    if (userAgent === null) addNewHeader(pass, format, http ? 'user-agent' : 'User-Agent', wantedAgent);
    userAgent = wantedAgent;
  }
  const apiId = input.apiId ?? DEFAULT_API_ID;
  const region = input.region ?? DEFAULT_REGION;
  const domainName = input.domainName ?? defaultDomainName(apiId, region);
  addPassGatewayHeaders(pass, format, domainName, sourceIp, input.requestId, epoch);
  if (http) addNewHeader(pass, format, 'content-length', String(body.byteLength));
  const queryMaps = query === '' ? NO_QUERY : rawQueryToV1Maps(query, !http);
  const named = !(http && stage === '$default');
  const collapsed = collapseLeadingSlashes(rawPath);
  const requestId = input.requestId ?? eventIds(undefined, undefined).uuid;
  const seed = input.requestId;
  const requestContext = {
    accountId: input.accountId ?? DEFAULT_ACCOUNT_ID,
    apiId,
    deploymentId: input.deploymentId ?? eventIds(seed, undefined).alnum8,
    domainName,
    domainPrefix: domainPrefixOf(domainName),
    extendedRequestId: input.extendedRequestId ?? eventIds(seed, undefined).short4,
    httpMethod: method,
    identity: buildIdentity(WHERE, sourceIp, userAgent, input.identity),
    path: named ? `/${stage}${rawPath}` : rawPath,
    protocol: 'HTTP/1.1',
    requestId,
    requestTime: formatRequestTime(epoch),
    requestTimeEpoch: epoch,
    resourceId: http ? null : (input.resourceId ?? eventIds(seed, undefined).alnum7),
    resourcePath: resource,
    stage,
  };
  const pathParameters = resource.indexOf('{') === -1 ? null : params;
  const authorizer = input.authorizer;
  if (!http) {
    if (authorizer !== undefined) (requestContext as Record<string, unknown>).authorizer = authorizer;
    return {
      resource,
      path: collapsed,
      httpMethod: method,
      headers: pass.headers,
      multiValueHeaders: pass.multi,
      queryStringParameters: queryMaps.single,
      multiValueQueryStringParameters: queryMaps.multi,
      pathParameters,
      stageVariables,
      requestContext,
      body: body.body,
      isBase64Encoded: body.isBase64Encoded,
    } as unknown as APIGatewayProxyEvent;
  }
  // HTTP API 1.0 events always carry `claims` and `scopes`; an authorizer's own keys merge in after them.
  (requestContext as Record<string, unknown>).authorizer =
    authorizer === undefined
      ? { claims: null, scopes: null }
      : mergeDeep({ claims: null, scopes: null }, authorizer);
  return {
    version: '1.0',
    resource,
    path: named ? `/${stage}${collapsed}` : collapsed,
    httpMethod: method,
    headers: pass.headers,
    multiValueHeaders: pass.multi,
    queryStringParameters: queryMaps.single,
    multiValueQueryStringParameters: queryMaps.multi,
    pathParameters,
    stageVariables,
    requestContext,
    body: body.body,
    isBase64Encoded: body.isBase64Encoded,
  } as unknown as APIGatewayProxyEvent;
}

function resolveV1Body(input: GatewayEventInput, mediaType: string): ResolvedBody | undefined {
  const body = input.body;
  if (body === null || body === undefined) return NO_BODY;
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return undefined;
  if (input.apiType === 'HTTP') return resolveBody(WHERE, body, mediaType, isBinaryForHttpApi);
  const types = input.binaryMediaTypes;
  return resolveBody(WHERE, body, mediaType, (type, isBytes) =>
    types === undefined ? isBytes : matchesBinaryMediaType(type, types),
  );
}

/** First `X-Forwarded-For` entry, trimmed; the default address when it is empty. */
export function firstForwarded(forwardedFor: string): string {
  const comma = forwardedFor.indexOf(',');
  return (comma === -1 ? forwardedFor : forwardedFor.slice(0, comma)).trim() || DEFAULT_SOURCE_IP;
}
