// Structural facts read from events recorded on real API Gateway (aws/aws-lambda-go events/testdata, the
// 2020 HTTP API no-authorizer capture and the 2024 WebSocket captures; authorizer samples for shapes only).
// The captures are not copied here: each test states the fact in our words and checks our builders.
import { describe, expect, it } from 'vitest';
import {
  buildProxyEventV1,
  buildProxyEventV2,
  buildRequestAuthorizerEvent,
  buildRequestAuthorizerEventV2,
  buildWebSocketEvent,
} from '../../src/events/index.js';

const CLF = /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/;
const SHORT_ID = /^[A-Za-z0-9_-]{15}=$/;
const keys = (value: object) => Object.keys(value).sort();
const authorizerOf = (event: { requestContext: object }) =>
  (event.requestContext as { authorizer?: unknown }).authorizer;

describe('HTTP API payload 2.0 event, as recorded', () => {
  it('a bare GET has exactly version, routeKey, rawPath, rawQueryString, headers, requestContext, isBase64Encoded', () => {
    const event = buildProxyEventV2({ headers: { accept: '*/*', 'user-agent': 'curl/7.58.0' } });
    expect(keys(event)).toEqual(
      [
        'headers',
        'isBase64Encoded',
        'rawPath',
        'rawQueryString',
        'requestContext',
        'routeKey',
        'version',
      ].sort(),
    );
    expect(event.rawQueryString).toBe('');
  });

  it('requestContext without authorizer or mTLS has ten keys; http has five; requestId is 15 characters and "="', () => {
    const { requestContext: rc } = buildProxyEventV2({ headers: { 'user-agent': 'curl/7.58.0' } });
    expect(keys(rc)).toEqual(
      [
        'accountId',
        'apiId',
        'domainName',
        'domainPrefix',
        'http',
        'requestId',
        'routeKey',
        'stage',
        'time',
        'timeEpoch',
      ].sort(),
    );
    expect(keys(rc.http)).toEqual(['method', 'path', 'protocol', 'sourceIp', 'userAgent']);
    expect(rc.requestId).toMatch(SHORT_ID);
    expect(rc.time).toMatch(CLF);
    expect(typeof rc.timeEpoch).toBe('number');
    expect(rc.http.userAgent).toBe('curl/7.58.0');
    expect(rc.domainPrefix).toBe(rc.domainName.split('.')[0]);
  });

  it('a GET carries content-length "0" and the gateway-added headers, all lowercase', () => {
    const { headers } = buildProxyEventV2({});
    expect(headers['content-length']).toBe('0');
    for (const name of [
      'host',
      'x-amzn-trace-id',
      'x-forwarded-for',
      'x-forwarded-port',
      'x-forwarded-proto',
    ]) {
      expect(headers[name]).toEqual(expect.any(String));
    }
    expect(Object.keys(headers).every((n) => n === n.toLowerCase())).toBe(true);
    expect(headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
  });

  it('optional keys appear only with content: cookies (array), queryStringParameters (repeats joined by ","), pathParameters, stageVariables, body', () => {
    const event = buildProxyEventV2({
      routeKey: 'ANY /{proxy+}',
      path: '/hello/world?parameter1=value1&parameter1=value2&parameter2=value',
      cookies: ['cookie1=a', 'cookie2=b'],
      stageVariables: { stageVariable1: 'value1' },
      // HTTP APIs pass only text/*, JSON, XML and JavaScript bodies as text; an untyped body arrives base64.
      headers: { 'content-type': 'application/json' },
      body: '{"a": 1}',
    });
    expect(event.cookies).toEqual(['cookie1=a', 'cookie2=b']);
    expect(event.headers.cookie).toBeUndefined();
    expect(event.queryStringParameters).toEqual({ parameter1: 'value1,value2', parameter2: 'value' });
    expect(event.pathParameters).toEqual({ proxy: 'hello/world' });
    expect(event.stageVariables).toEqual({ stageVariable1: 'value1' });
    expect(event.body).toBe('{"a": 1}');
  });

  it('authorizer shapes: jwt {claims, scopes}; iam with seven keys (cognitoIdentity null outside Cognito); lambda context as returned', () => {
    const jwt = buildProxyEventV2({ authorizer: { jwt: { claims: { sub: 'u1' }, scopes: ['read'] } } });
    expect(authorizerOf(jwt)).toEqual({ jwt: { claims: { sub: 'u1' }, scopes: ['read'] } });
    const iam = buildProxyEventV2({ authorizer: { iam: {} } });
    const block = (authorizerOf(iam) as { iam: Record<string, unknown> }).iam;
    expect(keys(block)).toEqual(
      ['accessKey', 'accountId', 'callerId', 'cognitoIdentity', 'principalOrgId', 'userArn', 'userId'].sort(),
    );
    expect(block.cognitoIdentity).toBeNull();
    const lambda = buildProxyEventV2({ authorizer: { lambda: { n: 1, ok: true } } });
    expect(authorizerOf(lambda)).toEqual({ lambda: { n: 1, ok: true } });
  });
});

describe('REST proxy event (payload 1.0), as recorded', () => {
  it('always has the same eleven top-level keys; absent query, body and stage variables are null', () => {
    const event = buildProxyEventV1({ path: '/hello' });
    expect(keys(event)).toEqual(
      [
        'body',
        'headers',
        'httpMethod',
        'isBase64Encoded',
        'multiValueHeaders',
        'multiValueQueryStringParameters',
        'path',
        'pathParameters',
        'queryStringParameters',
        'requestContext',
        'resource',
        'stageVariables',
      ].sort(),
    );
    expect([
      event.body,
      event.queryStringParameters,
      event.multiValueQueryStringParameters,
      event.stageVariables,
    ]).toEqual([null, null, null, null]);
  });

  it('requestContext: UUID requestId, 15-char+"=" extendedRequestId, CLF requestTime, ms epoch, stage-prefixed path, no authorizer key', () => {
    const { requestContext: rc } = buildProxyEventV1({ path: '/hello/world' });
    expect(rc.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(rc.extendedRequestId).toMatch(SHORT_ID);
    expect(rc.requestTime).toMatch(CLF);
    expect(String(rc.requestTimeEpoch)).toHaveLength(13);
    expect(rc.path).toBe('/dev/hello/world');
    expect(rc.resourcePath).toBe('/{proxy+}');
    expect(rc.resourceId).toMatch(/^[a-z0-9]{6}$/);
    expect(rc.apiId).toMatch(/^[a-z0-9]{10}$/);
    expect('authorizer' in rc).toBe(false);
  });

  it('identity lists its twelve recorded keys, unset ones null', () => {
    const { identity } = buildProxyEventV1({ userAgent: 'PostmanRuntime/2.4.5' }).requestContext;
    for (const key of [
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
    ]) {
      expect(identity).toHaveProperty(key);
    }
    expect(identity.user).toBeNull();
    expect(identity.userAgent).toBe('PostmanRuntime/2.4.5');
  });

  it('every header is in multiValueHeaders as a one-element list, keeping the client casing', () => {
    const event = buildProxyEventV1({
      headers: { 'Content-Type': 'application/json', headerName: 'headerValue' },
    });
    for (const [name, value] of Object.entries(event.headers))
      expect(event.multiValueHeaders[name]).toEqual([value]);
    expect(event.headers.headerName).toBe('headerValue');
  });

  it('a Lambda authorizer adds principalId, a numeric integrationLatency and string context values', () => {
    const event = buildProxyEventV1({
      authorizer: { lambda: { principalId: 'admin', context: { clientId: 1, clientName: 'Exata' } } },
    });
    const auth = event.requestContext.authorizer as Record<string, unknown>;
    expect(auth.principalId).toBe('admin');
    expect(typeof auth.integrationLatency).toBe('number');
    expect(auth.clientId).toBe('1');
    expect(auth.clientName).toBe('Exata');
  });
});

describe('WebSocket events, as recorded (2024)', () => {
  it('MESSAGE: only requestContext, body, isBase64Encoded; messageId set; requestId equals extendedRequestId', () => {
    const event = buildWebSocketEvent({ body: '{"a": 1}' });
    expect(keys(event)).toEqual(['body', 'isBase64Encoded', 'requestContext']);
    const rc = event.requestContext;
    expect(rc.eventType).toBe('MESSAGE');
    expect(rc.messageDirection).toBe('IN');
    expect(rc.messageId).toMatch(SHORT_ID);
    expect(rc.connectionId).toMatch(SHORT_ID);
    expect(rc.requestId).toBe(rc.extendedRequestId);
    expect(rc.requestTime).toMatch(CLF);
    expect(typeof rc.connectedAt).toBe('number');
    expect(keys(rc.identity)).toEqual(['sourceIp', 'userAgent']);
  });

  it('DISCONNECT: a numeric close code, a string reason, and the four recorded headers (three empty)', () => {
    const event = buildWebSocketEvent({ eventType: 'DISCONNECT' });
    expect(event.requestContext.disconnectStatusCode).toBe(1001);
    expect(event.requestContext.disconnectReason).toBe('');
    expect('messageId' in event.requestContext).toBe(false);
    expect(keys(event.headers ?? {})).toEqual(['Host', 'X-Forwarded-For', 'x-api-key', 'x-restapi'].sort());
    expect(event.multiValueHeaders?.['x-api-key']).toEqual(['']);
  });
});

describe('authorizer input events, as sampled', () => {
  it('REST REQUEST: methodArn names the request, pathParameters {} when none, stageVariables {} when none, no body', () => {
    const event = buildRequestAuthorizerEvent({ resource: '/request', path: '/request' });
    expect(event.methodArn).toBe('arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/request');
    expect(event.pathParameters).toEqual({});
    expect(event.stageVariables).toEqual({});
    expect('body' in event).toBe(false);
  });

  it('HTTP API 2.0 REQUEST: version "2.0", routeArn, identitySource as a list of values', () => {
    const event = buildRequestAuthorizerEventV2({ headers: { authorization: 'allow' } });
    expect(event.version).toBe('2.0');
    expect(event.type).toBe('REQUEST');
    expect(event.routeArn).toMatch(
      /^arn:aws:execute-api:us-east-1:123456789012:abcd1234ef\/\$default\/GET\//,
    );
    expect(Array.isArray(event.identitySource)).toBe(true);
  });
});
