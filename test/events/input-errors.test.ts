import { describe, expect, it } from 'vitest';
import { EventInputError, InvalidInputError } from '../../src/errors/index.js';
import {
  buildLambdaContext,
  buildProxyEventV1,
  buildProxyEventV2,
  buildRequestAuthorizerEvent,
  buildTokenAuthorizerEvent,
  buildWebSocketEvent,
} from '../../src/events/index.js';
import { errorOf } from './helpers/error-code.js';

describe('event builders refuse inconsistent input with a stable code and a hint', () => {
  it.each([
    [
      'path not matching its resource',
      () => buildProxyEventV1({ resource: '/pets/{id}', path: '/owners/1' }),
      'EVENT_PATH_MISMATCH',
    ],
    [
      'pathParameters disagreeing with path',
      () => buildProxyEventV1({ resource: '/pets/{id}', path: '/pets/1', pathParameters: { id: '2' } }),
      'EVENT_PATH_MISMATCH',
    ],
    [
      'a missing path parameter',
      () => buildProxyEventV1({ resource: '/pets/{id}' }),
      'EVENT_MISSING_PATH_PARAMETER',
    ],
    ['an invalid method', () => buildProxyEventV1({ method: 'FETCH' }), 'EVENT_INVALID_METHOD'],
    ['ANY as a request method', () => buildProxyEventV1({ method: 'ANY' }), 'EVENT_INVALID_METHOD'],
    [
      'a header name with a space',
      () => buildProxyEventV1({ headers: { 'X Bad': '1' } }),
      'EVENT_INVALID_HEADER_NAME',
    ],
    [
      'a header name with a colon',
      () => buildProxyEventV1({ headers: { 'X:Bad': '1' } }),
      'EVENT_INVALID_HEADER_NAME',
    ],
    ['an empty header name', () => buildProxyEventV1({ headers: [['', 'v']] }), 'EVENT_INVALID_HEADER_NAME'],
    [
      'a non-ASCII header name',
      () => buildProxyEventV1({ headers: { 'X-Ünï': '1' } }),
      'EVENT_INVALID_HEADER_NAME',
    ],
    [
      'a header value with CRLF',
      () => buildProxyEventV1({ headers: { 'X-A': 'a\r\nB: c' } }),
      'EVENT_INVALID_HEADER_VALUE',
    ],
    [
      'a non-string header value',
      () => buildProxyEventV1({ headers: { 'X-A': 1 as unknown as string } }),
      'EVENT_INVALID_HEADER_VALUE',
    ],
    ['a path without a leading slash', () => buildProxyEventV1({ path: 'pets' }), 'EVENT_INVALID_PATH'],
    ['a path with a space', () => buildProxyEventV1({ path: '/a b' }), 'EVENT_INVALID_PATH'],
    [
      'a bad resource template',
      () => buildProxyEventV1({ resource: '/{proxy+}/x', path: '/a/x' }),
      'EVENT_INVALID_RESOURCE',
    ],
    ['an unknown option', () => buildProxyEventV1({ pth: '/x' } as never), 'UNKNOWN_OPTION'],
    [
      'an unknown v2 option',
      () => buildProxyEventV2({ binaryMediaTypes: ['*/*'] } as never),
      'UNKNOWN_OPTION',
    ],
    [
      'an unknown identity field',
      () => buildProxyEventV1({ identity: { ip: 'x' } as never }),
      'UNKNOWN_OPTION',
    ],
    ['an invalid time', () => buildProxyEventV1({ time: new Date('nope') }), 'EVENT_INVALID_TIME'],
    ['a stage with a slash', () => buildProxyEventV1({ stage: 'a/b' }), 'EVENT_INVALID_STAGE'],
    [
      'a non-string stage variable',
      () => buildProxyEventV1({ stageVariables: { a: 1 as unknown as string } }),
      'EVENT_INVALID_STRING_MAP',
    ],
    [
      'a non-string query value',
      () => buildProxyEventV1({ query: { a: 1 as unknown as string } }),
      'EVENT_INVALID_QUERY',
    ],
    ['a cookie without a name', () => buildProxyEventV1({ cookies: ['=x'] }), 'EVENT_INVALID_COOKIE'],
    ['a body of the wrong type', () => buildProxyEventV1({ body: 42 as never }), 'EVENT_INVALID_BODY'],
    ['an unknown apiType', () => buildProxyEventV1({ apiType: 'WS' as never }), 'EVENT_INVALID_API_TYPE'],
    [
      'two authorizer kinds',
      () => buildProxyEventV1({ authorizer: { lambda: {}, cognito: {} } as never }),
      'EVENT_INVALID_AUTHORIZER',
    ],
    [
      'an object in a Lambda authorizer context',
      () => buildProxyEventV1({ authorizer: { lambda: { context: { a: {} as never } } } }),
      'EVENT_INVALID_AUTHORIZER_CONTEXT',
    ],
    ['a malformed route key', () => buildProxyEventV2({ routeKey: 'GET pets' }), 'EVENT_INVALID_ROUTE_KEY'],
    [
      'a method different from the route key',
      () => buildProxyEventV2({ routeKey: 'GET /pets', method: 'POST' }),
      'EVENT_ROUTE_METHOD_MISMATCH',
    ],
    [
      'a body on a WebSocket CONNECT',
      () => buildWebSocketEvent({ eventType: 'CONNECT', body: 'x' }),
      'EVENT_BODY_NOT_ALLOWED',
    ],
    [
      'headers on a WebSocket MESSAGE',
      () => buildWebSocketEvent({ headers: { a: 'b' } }),
      'EVENT_HEADERS_NOT_ALLOWED',
    ],
    [
      'an unknown WebSocket event type',
      () => buildWebSocketEvent({ eventType: 'PING' as never }),
      'EVENT_INVALID_EVENT_TYPE',
    ],
    ['an empty TOKEN', () => buildTokenAuthorizerEvent({ token: '' }), 'EVENT_INVALID_TOKEN'],
    [
      'a body on a REQUEST authorizer event',
      () => buildRequestAuthorizerEvent({ body: 'x' } as never),
      'UNKNOWN_OPTION',
    ],
    ['a Lambda timeout below 1 s', () => buildLambdaContext({ timeoutMs: 10 }), 'EVENT_INVALID_TIMEOUT'],
    [
      'a Lambda memory size out of range',
      () => buildLambdaContext({ memoryLimitInMB: 64 }),
      'EVENT_INVALID_MEMORY',
    ],
  ])('%s', (_what, fn, code) => {
    const error = errorOf(fn);
    expect(error.code).toBe(code);
    expect(error.hint.length).toBeGreaterThan(10);
  });

  it('errors are EventInputError (an InvalidInputError) with message "what is wrong: value. How to fix it."', () => {
    try {
      buildProxyEventV1({ resource: '/pets/{id}', path: '/owners/1' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EventInputError);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as Error).message).toBe(
        'buildProxyEventV1: path /owners/1 does not match resource /pets/{id}. Give a path that fits the template (each {name} is one segment, {name+} one or more), or omit path and pass pathParameters.',
      );
    }
  });

  it('an unknown option suggests the closest known one', () => {
    expect(errorOf(() => buildProxyEventV1({ heders: {} } as never)).hint).toMatch(
      /^Did you mean "headers"\?/,
    );
  });
});
