// A structural check of API Gateway events per kind (behaviour.md §1–2): which keys exist and their types.
// Used to prove valid fixtures have the AWS shape and every invalid.json does not.
import type { EventFixtureKind } from '../../../src/events/index.js';

type Check = (value: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number';
const bool: Check = (v) => typeof v === 'boolean';
const obj: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const nullable =
  (c: Check): Check =>
  (v) =>
    v === null || c(v);
const optional =
  (c: Check): Check =>
  (v) =>
    v === undefined || c(v);
const strMap: Check = (v) => obj(v) && Object.values(v as object).every(str);
const strListMap: Check = (v) =>
  obj(v) && Object.values(v as object).every((l) => Array.isArray(l) && l.every(str));
const strList: Check = (v) => Array.isArray(v) && v.every(str);

const V1: Record<string, Check> = {
  resource: str,
  path: str,
  httpMethod: str,
  headers: nullable(strMap),
  multiValueHeaders: nullable(strListMap),
  queryStringParameters: nullable(strMap),
  multiValueQueryStringParameters: nullable(strListMap),
  pathParameters: nullable(strMap),
  stageVariables: nullable(strMap),
  requestContext: obj,
  body: nullable(str),
  isBase64Encoded: bool,
};
const V1_CONTEXT: Record<string, Check> = {
  accountId: str,
  apiId: str,
  httpMethod: str,
  identity: obj,
  path: str,
  protocol: str,
  requestId: str,
  requestTime: str,
  requestTimeEpoch: num,
  resourcePath: str,
  stage: str,
};
const V2: Record<string, Check> = {
  version: (v) => v === '2.0',
  routeKey: str,
  rawPath: str,
  rawQueryString: str,
  cookies: optional(strList),
  headers: strMap,
  queryStringParameters: optional(strMap),
  requestContext: obj,
  body: optional(str),
  pathParameters: optional(strMap),
  isBase64Encoded: bool,
  stageVariables: optional(strMap),
};
const V2_CONTEXT: Record<string, Check> = {
  accountId: str,
  apiId: str,
  domainName: str,
  http: obj,
  requestId: str,
  routeKey: str,
  stage: str,
  time: str,
  timeEpoch: num,
};
const WS_CONTEXT: Record<string, Check> = {
  routeKey: str,
  eventType: (v) => v === 'CONNECT' || v === 'MESSAGE' || v === 'DISCONNECT',
  extendedRequestId: str,
  requestTime: str,
  messageDirection: (v) => v === 'IN',
  stage: str,
  connectedAt: num,
  requestTimeEpoch: num,
  requestId: str,
  domainName: str,
  connectionId: str,
  apiId: str,
};

function check(
  where: string,
  value: unknown,
  spec: Record<string, Check>,
  exact: boolean,
  out: string[],
): void {
  if (!obj(value)) {
    out.push(`${where} is not an object`);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [key, ok] of Object.entries(spec))
    if (!ok(record[key])) out.push(`${where}.${key} has the wrong type`);
  if (exact)
    for (const key of Object.keys(record)) if (!(key in spec)) out.push(`${where}.${key} is not expected`);
}

/** Lists what is wrong with `event` for its kind; `[]` when it has the shape AWS sends. */
export function shapeProblems(kind: EventFixtureKind, event: unknown): string[] {
  const out: string[] = [];
  const e = event as Record<string, unknown>;
  switch (kind) {
    case 'proxy-v1':
      check('$', event, V1, true, out);
      if (obj(e?.requestContext)) check('$.requestContext', e.requestContext, V1_CONTEXT, false, out);
      break;
    case 'proxy-v2':
      check('$', event, V2, true, out);
      if (obj(e?.requestContext)) check('$.requestContext', e.requestContext, V2_CONTEXT, false, out);
      break;
    case 'websocket':
      check('$', event, { requestContext: obj, isBase64Encoded: bool, body: optional(str) }, false, out);
      if (obj(e?.requestContext)) check('$.requestContext', e.requestContext, WS_CONTEXT, false, out);
      break;
    case 'token-authorizer':
      check('$', event, { type: (v) => v === 'TOKEN', authorizationToken: str, methodArn: str }, true, out);
      break;
    case 'request-authorizer-v1': {
      const { body: _body, isBase64Encoded: _b64, ...rest } = V1;
      check(
        '$',
        event,
        {
          ...rest,
          type: (v) => v === 'REQUEST',
          methodArn: str,
          pathParameters: strMap,
          stageVariables: strMap,
        },
        true,
        out,
      );
      break;
    }
    case 'request-authorizer-v2': {
      const { body: _body, isBase64Encoded: _b64, ...rest } = V2;
      check(
        '$',
        event,
        { ...rest, type: (v) => v === 'REQUEST', routeArn: str, identitySource: strList },
        true,
        out,
      );
      if (obj(e?.requestContext)) check('$.requestContext', e.requestContext, V2_CONTEXT, false, out);
      break;
    }
  }
  return out;
}
