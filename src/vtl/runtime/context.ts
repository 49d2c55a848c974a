import { createIdSource } from '../../ids/ids.js';
import { javaToString } from '../java/print.js';
import { JavaDouble, SilentMap } from '../java/values.js';
import type { MappingContext, MappingInput, TemplateOverrides } from '../types.js';
import { toJava } from './to-java.js';

const DEFAULT_TIME = Date.UTC(2024, 0, 1);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The 12 keys `$context.identity` always has on AWS (unset ones null). */
export const IDENTITY_KEYS = [
  'accessKey',
  'accountId',
  'caller',
  'cognitoAuthenticationProvider',
  'cognitoAuthenticationType',
  'cognitoIdentityId',
  'cognitoIdentityPoolId',
  'principalOrgId',
  'sourceIp',
  'user',
  'userAgent',
  'userArn',
] as const;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `dd/MMM/yyyy:HH:mm:ss +0000`, the format of `$context.requestTime`. */
function formatRequestTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

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
 * Builds `$context` for one render: every §12.2 variable, given values first, the rest derived (ids from the
 * seeded id source, times from `requestTimeEpoch`, default 2024-01-01T00:00:00Z).
 */
export function buildContext(input: MappingInput): SilentMap {
  const given: MappingContext = input.context ?? {};
  const ids = createIdSource();
  const stage = given.stage ?? 'dev';
  const resourcePath = given.resourcePath ?? '/';
  const epoch = given.requestTimeEpoch ?? DEFAULT_TIME;
  const apiId = given.apiId ?? 'abcd1234ef';
  const domainName = given.domainName ?? `${apiId}.execute-api.us-east-1.amazonaws.com`;
  const headers = input.params?.header ?? {};
  const userAgent = Object.keys(headers).find((k) => k.toLowerCase() === 'user-agent');
  const identity: Record<string, unknown> = {};
  for (const key of IDENTITY_KEYS) identity[key] = null;
  identity.sourceIp = '203.0.113.9';
  if (userAgent) identity.userAgent = headers[userAgent];
  Object.assign(identity, given.identity ?? {});
  const requestOverride = given.requestOverride ?? {};
  const responseOverride = given.responseOverride ?? {};
  const defaults: Record<string, unknown> = {
    accountId: '123456789012',
    apiId,
    authorizer: silent(given.authorizer, true),
    awsEndpointRequestId: ids.uuid(),
    deploymentId: 'dep123',
    domainName,
    domainPrefix: domainName.split('.')[0],
    error: silent({
      message: null,
      messageString: null,
      responseType: null,
      validationErrorString: null,
      ...given.error,
    }),
    extendedRequestId: ids.shortId(),
    httpMethod: 'POST',
    identity: silent(identity),
    isCanaryRequest: false,
    path: `/${stage}${resourcePath}`,
    protocol: 'HTTP/1.1',
    requestId: ids.uuid(),
    requestOverride: new SilentMap([
      ['header', silent(requestOverride.header)],
      ['path', silent(requestOverride.path)],
      ['querystring', silent(requestOverride.querystring)],
    ]),
    responseOverride: silent({ ...responseOverride, header: silent(responseOverride.header) }),
    requestTime: given.requestTime ?? formatRequestTime(epoch),
    requestTimeEpoch: epoch,
    resourceId: 'res123',
    resourcePath,
    stage,
    wafResponseCode: null,
    webaclArn: null,
  };
  const handled = new Set([
    'authorizer',
    'error',
    'identity',
    'requestOverride',
    'responseOverride',
    'requestTime',
    'requestTimeEpoch',
  ]);
  const context = new SilentMap();
  for (const key of Object.keys(defaults)) {
    context.set(
      key,
      !handled.has(key) && Object.hasOwn(given, key) ? toJava(given[key], true) : defaults[key],
    );
  }
  for (const key of Object.keys(given)) if (!context.has(key)) context.set(key, toJava(given[key], true));
  return context;
}

/** Reads the override maps back out of `$context` after a render. */
export function readOverrides(context: SilentMap | undefined, input: MappingInput): TemplateOverrides {
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
