import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { InvalidInputError } from '../errors/families.js';
import { buildProxyEventV1, type ProxyEventV1Options } from '../events/proxy-event-v1.js';
import { buildProxyEventV2, type ProxyEventV2Options } from '../events/proxy-event-v2.js';

/** Everything the gateway knows about a request when it builds the Lambda event. */
export interface GatewayEventInput {
  payloadFormat: '1.0' | '2.0';
  apiType: 'REST' | 'HTTP';
  method: string;
  /** Path after the stage, raw (not decoded, extra leading slashes not yet collapsed). */
  path: string;
  /** Raw query string without `?` (`''` when none). */
  query: string;
  headers: [string, string][];
  body: string | Uint8Array | null;
  /** Resource path of the matched route (`/pets/{id}`); `$default` for the HTTP API default route. */
  resource: string;
  routeKey: string;
  stage: string;
  stageVariables: Readonly<Record<string, string>> | null;
  apiId: string;
  accountId: string;
  region: string;
  domainName: string;
  requestId: string;
  extendedRequestId: string;
  resourceId: string;
  deploymentId: string;
  time: number;
  binaryMediaTypes: readonly string[];
  /** Extra `requestContext.identity` fields (API key and key id when the method requires a key). */
  identity: { apiKey?: string; apiKeyId?: string } | undefined;
}

/**
 * Builds the Lambda proxy event for a request the gateway routed, through the same builders users call
 * (`buildProxyEventV1` / `buildProxyEventV2`), so a unit test's built event and the simulator's event agree.
 */
export function gatewayRequestToEvent(
  input: GatewayEventInput,
): APIGatewayProxyEvent | APIGatewayProxyEventV2 {
  const path = input.query === '' ? input.path : `${input.path}?${input.query}`;
  const body = input.body ?? undefined;
  // One object literal per call (no spread + late additions): V8 keeps it a fast object, which more than
  // halves the builder's cost on the gateway's hot path. Undefined values mean "not given" to the builders.
  if (input.payloadFormat === '2.0') {
    return buildProxyEventV2({
      method: input.method,
      path,
      headers: input.headers,
      body,
      stage: input.stage,
      stageVariables: input.stageVariables,
      apiId: input.apiId,
      accountId: input.accountId,
      region: input.region,
      domainName: input.domainName,
      requestId: input.requestId,
      time: input.time,
      routeKey: input.routeKey,
    } as ProxyEventV2Options);
  }
  return buildProxyEventV1({
    method: input.method,
    path,
    headers: input.headers,
    body,
    stage: input.stage,
    stageVariables: input.stageVariables,
    apiId: input.apiId,
    accountId: input.accountId,
    region: input.region,
    domainName: input.domainName,
    requestId: input.requestId,
    time: input.time,
    extendedRequestId: input.extendedRequestId,
    binaryMediaTypes: input.binaryMediaTypes,
    resourceId: input.resourceId,
    deploymentId: input.deploymentId,
    apiType: input.apiType,
    // An HTTP API `$default` route has no resource template; the builder's `/{proxy+}` default stands in
    // (the real value is UNCONFIRMED, behaviour.md §1.3).
    resource: input.resource === '$default' ? undefined : input.resource,
    identity: input.identity,
  } as ProxyEventV1Options);
}

/** Options of {@link requestToEvent}: event fields a `Request` does not carry. */
export type RequestToEventOptions =
  | ({ payloadFormat?: '1.0' } & Omit<ProxyEventV1Options, 'method' | 'path' | 'headers' | 'body' | 'query'>)
  | ({ payloadFormat: '2.0' } & Omit<ProxyEventV2Options, 'method' | 'path' | 'headers' | 'body' | 'query'>);

/**
 * Converts a fetch `Request` into the Lambda proxy event API Gateway would send for it. The URL's path is
 * the path after the stage; its host becomes `requestContext.domainName` unless `domainName` is given.
 * Header names arrive lowercased (a `Request` does not keep casing).
 *
 * @example
 * ```ts
 * const event = await requestToEvent(new Request('https://api.test/pets/7'), { resource: '/pets/{id}' });
 * event.pathParameters; // { id: '7' }
 * ```
 */
export async function requestToEvent(
  request: Request,
  options: RequestToEventOptions = {},
): Promise<APIGatewayProxyEvent | APIGatewayProxyEventV2> {
  if (!(request instanceof Request)) {
    throw new InvalidInputError(
      'HTTP_NOT_A_REQUEST',
      'requestToEvent: the first argument is not a fetch Request',
      'Pass new Request(url, init), or use buildProxyEventV1 with plain options.',
    );
  }
  const url = new URL(request.url);
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => {
    headers.push([name, value]);
  });
  const bytes = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
  const { payloadFormat, ...rest } = options;
  const base = {
    domainName: url.host,
    ...rest,
    method: request.method,
    path: `${url.pathname}${url.search}`,
    headers,
  };
  const withBody = bytes && bytes.byteLength > 0 ? { ...base, body: bytes } : base;
  return payloadFormat === '2.0'
    ? buildProxyEventV2(withBody as ProxyEventV2Options)
    : buildProxyEventV1(withBody as ProxyEventV1Options);
}
