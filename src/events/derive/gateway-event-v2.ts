import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isBinaryForHttpApi, mediaTypeOf, type ResolvedBody, resolveBody } from './body.js';
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_ID,
  DEFAULT_REGION,
  DEFAULT_SOURCE_IP,
  defaultDomainName,
  domainPrefixOf,
  HTTP_METHODS,
} from './constants.js';
import {
  copyStageVariables,
  type GatewayEventInput,
  isPlainPath,
  isPlainStage,
  trustedVerb,
} from './gateway-event-input.js';
import { firstForwarded } from './gateway-event-v1.js';
import { addNewHeader, addPassGatewayHeaders, passHeaders } from './header-maps.js';
import { eventIds } from './id-block.js';
import { matchSimpleResource } from './match-simple-resource.js';
import { rawQueryToV2Map } from './query-maps.js';
import { decodePath } from './route-key.js';
import { setEntry } from './safe-record.js';
import { formatRequestTime } from './time.js';

const WHERE = 'buildProxyEventV2';
const NO_BODY: ResolvedBody = { body: null, isBase64Encoded: false, byteLength: 0, json: false };

/**
 * The gateway's fast path to the 2.0 event: the event `buildProxyEventV2(gatewayOptionsV2(input))` gives,
 * built in one pass (see `gatewayProxyEventV1`). Returns `undefined` when anything is unusual, so the
 * caller falls back to the builder, which gives the same event or the same error. Internal.
 */
export function gatewayProxyEventV2(input: GatewayEventInput): APIGatewayProxyEventV2 | undefined {
  const routeKey = input.routeKey ?? '$default';
  const method = trustedVerb(input.method);
  if (method === undefined || typeof routeKey !== 'string') return undefined;
  let template: string | null = null;
  if (routeKey !== '$default') {
    const space = routeKey.indexOf(' ');
    const routeMethod = routeKey.slice(0, space);
    template = routeKey.slice(space + 1);
    if (space <= 0 || template.charCodeAt(0) !== 47) return undefined;
    if (routeMethod !== 'ANY' && (routeMethod !== method || !HTTP_METHODS.includes(routeMethod)))
      return undefined;
  }
  const rawPath = input.path;
  const query = input.query;
  const stage = input.stage;
  const time = input.time;
  const stageVariables = copyStageVariables(input.stageVariables);
  if (
    !isPlainPath(rawPath, query) ||
    !isPlainStage(stage) ||
    typeof time !== 'number' ||
    !Number.isFinite(time) ||
    stageVariables === false
  ) {
    return undefined;
  }
  const pass = passHeaders(input.headers, 3, false);
  if (pass === undefined) return undefined;
  const inputBody = input.body;
  let body = NO_BODY;
  if (inputBody !== null && inputBody !== undefined) {
    if (typeof inputBody !== 'string' && !(inputBody instanceof Uint8Array)) return undefined;
    body = resolveBody(WHERE, inputBody, mediaTypeOf(pass.contentType), isBinaryForHttpApi);
  }
  let pathParameters: Record<string, string> | null = null;
  if (template !== null) {
    const params = matchSimpleResource(template, rawPath);
    if (params === undefined) return undefined;
    if (template.indexOf('{') !== -1) {
      pathParameters = {};
      for (const key in params) setEntry(pathParameters, key, decodePath(params[key]!));
    }
  }
  const epoch = Math.trunc(time);
  const forwardedFor = pass.forwardedFor;
  const sourceIp = forwardedFor ? firstForwarded(forwardedFor) : DEFAULT_SOURCE_IP;
  const apiId = input.apiId ?? DEFAULT_API_ID;
  const region = input.region ?? DEFAULT_REGION;
  const domainName = input.domainName ?? defaultDomainName(apiId, region);
  addPassGatewayHeaders(pass, 3, domainName, sourceIp, input.requestId, epoch);
  addNewHeader(pass, 3, 'content-length', String(body.byteLength));
  const decoded = decodePath(rawPath);
  const eventPath = stage === '$default' ? decoded : `/${stage}${decoded}`;
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey,
    rawPath: eventPath,
    rawQueryString: query,
  };
  if (pass.cookies.length > 0) event.cookies = pass.cookies;
  event.headers = pass.headers;
  const queryMap = query === '' ? undefined : rawQueryToV2Map(query);
  if (queryMap !== undefined) event.queryStringParameters = queryMap;
  event.requestContext = {
    accountId: input.accountId ?? DEFAULT_ACCOUNT_ID,
    apiId,
    domainName,
    domainPrefix: domainPrefixOf(domainName),
    http: {
      method,
      path: eventPath,
      protocol: 'HTTP/1.1',
      sourceIp,
      userAgent: pass.userAgent ?? '',
    },
    requestId: input.requestId ?? eventIds(undefined, undefined).short0,
    routeKey,
    stage,
    time: formatRequestTime(epoch),
    timeEpoch: epoch,
  };
  if (input.authorizer !== undefined) {
    (event.requestContext as Record<string, unknown>).authorizer = input.authorizer;
  }
  if (body.body !== null) event.body = body.body;
  if (pathParameters !== null) event.pathParameters = pathParameters;
  event.isBase64Encoded = body.isBase64Encoded;
  if (stageVariables !== null) event.stageVariables = stageVariables;
  return event as unknown as APIGatewayProxyEventV2;
}
