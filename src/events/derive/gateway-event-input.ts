import type { ProxyEventV1Options } from '../proxy-event-v1.js';
import type { ProxyEventV2Options } from '../proxy-event-v2.js';
import { HTTP_METHODS } from './constants.js';

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
  /**
   * Extra `requestContext.identity` fields (REST and payload 1.0): the API key and key id when the method
   * requires a key, the IAM caller's fields after SigV4 authorization.
   */
  identity: Readonly<Record<string, string | null>> | undefined;
  /** `requestContext.authorizer` exactly as the event carries it (set by the authorize stage). */
  authorizer: Readonly<Record<string, unknown>> | undefined;
}

const pathWithQuery = (input: GatewayEventInput): string =>
  input.query === '' ? input.path : `${input.path}?${input.query}`;

/**
 * The `buildProxyEventV1` options that describe a gateway request: the reference the gateway's fast path
 * (`gatewayProxyEventV1`) must agree with.
 */
export function gatewayOptionsV1(input: GatewayEventInput): ProxyEventV1Options {
  return {
    ...sharedOptions(input),
    extendedRequestId: input.extendedRequestId,
    // HTTP APIs have no binaryMediaTypes (the builder refuses the option with apiType 'HTTP').
    binaryMediaTypes: input.apiType === 'HTTP' ? undefined : input.binaryMediaTypes,
    resourceId: input.resourceId,
    deploymentId: input.deploymentId,
    apiType: input.apiType,
    // An HTTP API `$default` route has no resource template; the builder's `/{proxy+}` default stands in
    // (the real value is UNCONFIRMED, behaviour.md §1.3).
    resource: input.resource === '$default' ? undefined : input.resource,
    identity: input.identity,
    requestContext: input.authorizer === undefined ? undefined : { authorizer: input.authorizer },
  } as ProxyEventV1Options;
}

/** The `buildProxyEventV2` options that describe a gateway request (see {@link gatewayOptionsV1}). */
export function gatewayOptionsV2(input: GatewayEventInput): ProxyEventV2Options {
  const options = { ...sharedOptions(input), routeKey: input.routeKey } as ProxyEventV2Options;
  if (input.authorizer !== undefined) options.requestContext = { authorizer: input.authorizer };
  return options;
}

/** The options both payload versions take from a gateway request, in the order the builders list them. */
function sharedOptions(input: GatewayEventInput) {
  return {
    method: input.method,
    path: pathWithQuery(input),
    headers: input.headers,
    body: input.body ?? undefined,
    stage: input.stage,
    stageVariables: input.stageVariables,
    apiId: input.apiId,
    accountId: input.accountId,
    region: input.region,
    domainName: input.domainName,
    requestId: input.requestId,
    time: input.time,
  };
}

/** The uppercase verb, or `undefined` when it is not one a builder accepts (the builder then reports it). */
export function trustedVerb(method: unknown): string | undefined {
  if (typeof method !== 'string') return undefined;
  // The usual spelling (the gateway's methods are uppercase already) needs no case conversion.
  if (HTTP_METHODS.includes(method)) return method;
  const upper = method.toUpperCase();
  return HTTP_METHODS.includes(upper) ? upper : undefined;
}

/**
 * True when `path` + `?query` is a path the builders take as is: starts with `/`, no `?` or `#` in the path,
 * no `#` in the query, nothing at or below space and no DEL (what `checkPath` refuses).
 */
export function isPlainPath(path: unknown, query: unknown): boolean {
  if (typeof path !== 'string' || typeof query !== 'string' || path.charCodeAt(0) !== 47) return false;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c <= 32 || c === 127 || c === 63 || c === 35) return false;
  }
  for (let i = 0; i < query.length; i++) {
    const c = query.charCodeAt(i);
    if (c <= 32 || c === 127 || c === 35) return false;
  }
  return true;
}

/** True for a stage name `checkStage` accepts. */
export const isPlainStage = (stage: unknown): stage is string =>
  typeof stage === 'string' && stage !== '' && !stage.includes('/');

/** A copy of valid stage variables (`null` for none or `{}`), or `false` when `checkStringMap` would refuse them. */
export function copyStageVariables(value: unknown): Record<string, string> | null | false {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  let empty = true;
  for (const key in value as Record<string, unknown>) {
    empty = false;
    if (typeof (value as Record<string, unknown>)[key] !== 'string') return false;
  }
  return empty ? null : { ...(value as Record<string, string>) };
}
