import { formatRequestTime } from '../../events/derive/time.js';
import { createIdSource } from '../../ids/ids.js';
import { javaHashMapOrder } from '../java/hash-map-order.js';
import { javaToString } from '../java/print.js';
import { JavaDouble, SilentMap } from '../java/values.js';
import type { MappingContext, MappingInput, TemplateOverrides } from '../types.js';
import { toJava } from './to-java.js';

const DEFAULT_TIME = Date.UTC(2024, 0, 1);

function silent(record: Readonly<Record<string, unknown>> | null | undefined, asString = false): SilentMap {
  const map = new SilentMap();
  if (record) {
    for (const key of Object.keys(record)) {
      const v = record[key];
      map.set(
        key,
        asString && v !== null && v !== undefined && typeof v !== 'object' ? String(v) : toJava(v, true),
      );
    }
  }
  return map;
}

/**
 * The keys AWS's `$context` holds for a plain request (no authorizer, API key, canary or gateway error): recorded
 * on AWS (LocalStack's `test_sqs_amz_json_protocol` snapshot). Other §12.2 keys (`authorizer`, `error`,
 * `isCanaryRequest`, `awsEndpointRequestId`, `wafResponseCode`, `webaclArn`, …) exist only when given.
 */
// Listed in the recorded order, which is also the insertion order that reproduces it: keys sharing a HashMap
// bucket (path/accountId, requestId/identity, domainName/deploymentId) iterate in insertion order.
const CONTEXT_KEYS = [
  'resourceId',
  'resourcePath',
  'httpMethod',
  'extendedRequestId',
  'requestTime',
  'path',
  'accountId',
  'protocol',
  'requestOverride',
  'stage',
  'domainPrefix',
  'requestTimeEpoch',
  'requestId',
  'identity',
  'domainName',
  'deploymentId',
  'responseOverride',
  'apiId',
] as const;
const BASE: ReadonlySet<string> = new Set(CONTEXT_KEYS);
/** Keys whose given value is folded into the default instead of replacing it. */
const HANDLED: ReadonlySet<string> = new Set([
  'authorizer',
  'error',
  'identity',
  'requestOverride',
  'responseOverride',
  'requestTime',
  'requestTimeEpoch',
]);

/** `identity`'s 12 keys in the recorded order (sourceIp and principalOrgId share a bucket: insertion order). */
const IDENTITY_KEYS = [
  'cognitoIdentityPoolId',
  'accountId',
  'cognitoIdentityId',
  'caller',
  'sourceIp',
  'principalOrgId',
  'accessKey',
  'cognitoAuthenticationType',
  'cognitoAuthenticationProvider',
  'userArn',
  'userAgent',
  'user',
] as const;

/** What a compiled template remembers between renders to build `$context` cheaply. */
export interface ContextMemo {
  /** extendedRequestId, requestId: the default id source is seeded, so they never change. */
  ids?: readonly [string, string];
}

/**
 * Builds `$context` for one render: the recorded keys plus every given one, given values first, the rest derived
 * (ids from the seeded id source, times from `requestTimeEpoch`, default 2024-01-01T00:00:00Z). Maps iterate in
 * the order AWS's `java.util.HashMap`s do ({@link javaHashMapOrder}). With `keys`, only those entries are built
 * (the template reads no others); `memo` carries the ids from one render to the next.
 */
export function buildContext(
  input: MappingInput,
  memo: ContextMemo = {},
  keys: ReadonlySet<string> | null = null,
): SilentMap {
  const given: MappingContext = input.context ?? {};
  const context = new SilentMap();
  for (const key of contextKeyOrder(given)) {
    if (keys !== null && !keys.has(key)) continue;
    context.set(
      key,
      HANDLED.has(key) || !Object.hasOwn(given, key)
        ? defaultValue(key, input, given, memo)
        : toJava(given[key], true),
    );
  }
  return context;
}

function contextKeyOrder(given: MappingContext): readonly string[] {
  const extra: string[] = [];
  for (const key of Object.keys(given)) {
    if (!BASE.has(key) && given[key] !== undefined) extra.push(key);
  }
  return javaHashMapOrder(extra.length > 0 ? [...CONTEXT_KEYS, ...extra] : CONTEXT_KEYS);
}

/** A `$context` sub-map (identity, authorizer, error, …) in Java HashMap order. */
function ordered(record: Record<string, unknown>, asString = false): SilentMap {
  const sorted: Record<string, unknown> = {};
  for (const key of javaHashMapOrder(Object.keys(record))) sorted[key] = record[key];
  return silent(sorted, asString);
}

function defaultValue(key: string, input: MappingInput, given: MappingContext, memo: ContextMemo): unknown {
  switch (key) {
    case 'accountId':
      return '123456789012';
    case 'apiId':
      return given.apiId ?? 'abcd1234ef';
    case 'authorizer':
      return given.authorizer ? ordered({ ...given.authorizer }, true) : null;
    case 'deploymentId':
      return 'dep123';
    case 'domainName':
      return domainNameOf(given);
    case 'domainPrefix':
      return domainNameOf(given).split('.')[0];
    case 'error':
      return given.error ? ordered({ ...given.error }) : null;
    case 'extendedRequestId':
      return idsOf(memo)[0];
    case 'httpMethod':
      return 'POST';
    case 'identity':
      return ordered(identityOf(input, given));
    case 'path':
      return `/${given.stage ?? 'dev'}${given.resourcePath ?? '/'}`;
    case 'protocol':
      return 'HTTP/1.1';
    case 'requestId':
      return idsOf(memo)[1];
    case 'requestOverride': {
      const requestOverride = given.requestOverride ?? {};
      // HashMap order of header/path/querystring, recorded: path, header, querystring.
      return new SilentMap([
        ['path', silent(requestOverride.path)],
        ['header', silent(requestOverride.header)],
        ['querystring', silent(requestOverride.querystring)],
      ]);
    }
    case 'responseOverride': {
      const responseOverride = given.responseOverride ?? {};
      return ordered({ ...responseOverride, header: silent(responseOverride.header) });
    }
    case 'requestTime':
      return given.requestTime ?? formatRequestTime(given.requestTimeEpoch ?? DEFAULT_TIME);
    case 'requestTimeEpoch':
      return given.requestTimeEpoch ?? DEFAULT_TIME;
    case 'resourceId':
      return 'res123';
    case 'resourcePath':
      return given.resourcePath ?? '/';
    case 'stage':
      return given.stage ?? 'dev';
    default:
      return null;
  }
}

function idsOf(memo: ContextMemo): readonly [string, string] {
  if (memo.ids === undefined) {
    const ids = createIdSource();
    ids.uuid(); // the draw that used to be awsEndpointRequestId: keeps the derived ids as they were
    const extendedRequestId = ids.shortId();
    memo.ids = [extendedRequestId, ids.uuid()];
  }
  return memo.ids;
}

function domainNameOf(given: MappingContext): string {
  return given.domainName ?? `${given.apiId ?? 'abcd1234ef'}.execute-api.us-east-1.amazonaws.com`;
}

function identityOf(input: MappingInput, given: MappingContext): Record<string, unknown> {
  const headers = input.params?.header ?? {};
  const userAgent = Object.keys(headers).find((k) => k.toLowerCase() === 'user-agent');
  const identity: Record<string, unknown> = {};
  for (const key of IDENTITY_KEYS) identity[key] = null;
  identity.sourceIp = '203.0.113.9';
  if (userAgent) identity.userAgent = headers[userAgent];
  Object.assign(identity, given.identity ?? {});
  return identity;
}

/** Reads the override maps back out of `$context` after a render. */
export function readOverrides(context: SilentMap | undefined, input: MappingInput): TemplateOverrides {
  // A template that never names $context cannot set an override: without given ones, every map is empty (what
  // reading back freshly built empty maps gives, without building them).
  if (
    context === undefined &&
    (input.context?.requestOverride ?? undefined) === undefined &&
    (input.context?.responseOverride ?? undefined) === undefined
  ) {
    return {
      requestOverride: { header: {}, path: {}, querystring: {} },
      responseOverride: { header: {} },
    };
  }
  const c = context ?? buildOverridesOnly(input);
  const req = c.get('requestOverride');
  const res = c.get('responseOverride');
  const status = res instanceof Map ? toStatus(res.get('status')) : undefined;
  return {
    requestOverride: {
      header: stringsOf(req instanceof Map ? req.get('header') : undefined),
      path: stringsOf(req instanceof Map ? req.get('path') : undefined),
      querystring: stringsOf(req instanceof Map ? req.get('querystring') : undefined),
    },
    responseOverride: {
      ...(status === undefined ? {} : { status }),
      header: stringsOf(res instanceof Map ? res.get('header') : undefined),
    },
  };
}

function buildOverridesOnly(input: MappingInput): SilentMap {
  const req = input.context?.requestOverride ?? {};
  const res = input.context?.responseOverride ?? {};
  return new SilentMap([
    [
      'requestOverride',
      new SilentMap([
        ['header', silent(req.header)],
        ['path', silent(req.path)],
        ['querystring', silent(req.querystring)],
      ]),
    ],
    ['responseOverride', silent({ ...res, header: silent(res.header) })],
  ]);
}

function stringsOf(map: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (map instanceof Map)
    for (const [k, v] of map) if (v !== null && v !== undefined) out[javaToString(k)] = javaToString(v);
  return out;
}

/** A status override must be an integer (a number or digits); anything else is not an override. */
function toStatus(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (value instanceof JavaDouble && Number.isInteger(value.value)) return value.value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
