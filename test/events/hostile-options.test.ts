// What the fuzzer (npm run fuzz) found the builders doing with mistyped or hostile options, pinned: each is a
// typed EventInputError with a stable code, and the message is written even when the value cannot be
// stringified (a BigInt inside an object, an object without a prototype).
import { describe, expect, it } from 'vitest';
import {
  buildLambdaContext,
  buildProxyEventV1,
  buildProxyEventV2,
  buildRequestAuthorizerEvent,
  buildRequestAuthorizerEventV2,
  buildTokenAuthorizerEvent,
  buildWebSocketEvent,
} from '../../src/events/index.js';
import { errorOf } from './helpers/error-code.js';

const bare = Object.create(null) as Record<string, unknown>;
/** The message without the hint TestkitError appends (`problem. hint`). */
const problemOf = (error: { message: string; hint: string }) =>
  error.message.slice(0, -(error.hint.length + 2));

describe('builders refuse options that are not an options object (EVENT_INVALID_OPTIONS)', () => {
  it.each([
    ['buildProxyEventV1', () => buildProxyEventV1(null as never), 'got null'],
    ['buildProxyEventV2', () => buildProxyEventV2('GET /' as never), 'got string'],
    ['buildWebSocketEvent', () => buildWebSocketEvent([] as never), 'got an array'],
    ['buildTokenAuthorizerEvent', () => buildTokenAuthorizerEvent(7 as never), 'got number'],
    ['buildRequestAuthorizerEvent', () => buildRequestAuthorizerEvent(null as never), 'got null'],
    ['buildRequestAuthorizerEventV2', () => buildRequestAuthorizerEventV2(null as never), 'got null'],
    ['buildLambdaContext', () => buildLambdaContext(null as never), 'got null'],
  ])('%s', (name, call, got) => {
    const error = errorOf(call);
    expect(error).toMatchObject({ code: 'EVENT_INVALID_OPTIONS' });
    expect(problemOf(error)).toBe(`${name}: options must be an object, ${got}`);
  });
});

describe('builders refuse plain-valued options of the wrong type (EVENT_INVALID_OPTION_TYPE)', () => {
  it.each([
    [
      () => buildProxyEventV1({ apiId: 7 as never }),
      'buildProxyEventV1: apiId must be a string, got number 7',
    ],
    [
      () => buildProxyEventV2({ region: [] as never }),
      'buildProxyEventV2: region must be a string, got an object',
    ],
    [
      () => buildProxyEventV1({ userAgent: bare as never }),
      'buildProxyEventV1: userAgent must be a string, got an object',
    ],
    [
      () => buildProxyEventV1({ randomIds: 'yes' as never }),
      'buildProxyEventV1: randomIds must be a boolean, got string yes',
    ],
    [
      () => buildProxyEventV1({ seed: null as never }),
      'buildProxyEventV1: seed must be a string or number, got null',
    ],
    [
      () => buildProxyEventV1({ binaryMediaTypes: 'image/png' as never }),
      'buildProxyEventV1: binaryMediaTypes must be an array of strings, got string image/png',
    ],
    [
      () => buildWebSocketEvent({ connectedAt: '2024' as never }),
      'buildWebSocketEvent: connectedAt must be a number, got string 2024',
    ],
    [
      () => buildLambdaContext({ memoryLimitInMB: 10n as never }),
      'buildLambdaContext: memoryLimitInMB must be a number, got bigint 10',
    ],
    [
      () => buildProxyEventV1({ requestContext: { stage: 10n } as never }),
      'buildProxyEventV1: requestContext.stage is a bigint, which an API Gateway event cannot carry',
    ],
    [
      () => buildProxyEventV2({ requestContext: { http: { method: Number.NaN } } as never }),
      'buildProxyEventV2: requestContext.http.method is the number NaN, which an API Gateway event cannot carry',
    ],
    [
      () => buildWebSocketEvent({ requestContext: 'x' as never }),
      'buildWebSocketEvent: requestContext must be an object of fields to override, got string',
    ],
    [
      () => buildRequestAuthorizerEvent({ requestContext: { stage: undefined } }),
      'buildRequestAuthorizerEvent: requestContext.stage is missing, but the event derives other fields from it',
    ],
    [
      () => buildRequestAuthorizerEventV2({ identitySource: 'Bearer x' as never }),
      'buildRequestAuthorizerEventV2: identitySource must be an array of strings',
    ],
    [
      () => buildProxyEventV1({ identity: null as never }),
      'buildProxyEventV1: identity must be an object of identity fields, got null',
    ],
    [
      () => buildProxyEventV1({ identity: { caller: 10n } as never }),
      'buildProxyEventV1: identity.caller is a bigint, which an API Gateway event cannot carry',
    ],
  ])('%#: %s', (call, message) => {
    const error = errorOf(call);
    expect(error).toMatchObject({ code: 'EVENT_INVALID_OPTION_TYPE' });
    expect(problemOf(error)).toBe(message);
  });
});

describe('messages about values JSON cannot hold are still written', () => {
  it('a body object with a BigInt is EVENT_INVALID_BODY naming the JSON error', () => {
    const error = errorOf(() => buildProxyEventV1({ method: 'POST', body: { n: 10n } as never }));
    expect(error).toMatchObject({ code: 'EVENT_INVALID_BODY' });
    expect(problemOf(error)).toBe(
      'buildProxyEventV1: the body object cannot be JSON-encoded (Do not know how to serialize a BigInt)',
    );
  });

  it('a stage object holding a BigInt is EVENT_INVALID_STAGE, the value described', () => {
    const error = errorOf(() => buildProxyEventV1({ stage: { n: 10n } as never }));
    expect(error).toMatchObject({ code: 'EVENT_INVALID_STAGE' });
    expect(problemOf(error)).toBe('buildProxyEventV1: invalid stage name: [object Object]');
  });

  it('an eventType without a prototype is EVENT_INVALID_EVENT_TYPE', () => {
    const error = errorOf(() => buildWebSocketEvent({ eventType: bare as never }));
    expect(error).toMatchObject({ code: 'EVENT_INVALID_EVENT_TYPE' });
    expect(problemOf(error)).toBe('buildWebSocketEvent: invalid eventType: {}');
  });

  it('a cookie value that is not text is EVENT_INVALID_COOKIE', () => {
    const error = errorOf(() => buildProxyEventV1({ cookies: { a: bare as never } }));
    expect(error).toMatchObject({ code: 'EVENT_INVALID_COOKIE' });
    expect(problemOf(error)).toBe('buildProxyEventV1: invalid cookie: {}');
  });
});

describe('null where an event itself says "none"', () => {
  it('pathParameters: null is no path parameters (the path gives them)', () => {
    const event = buildProxyEventV1({
      resource: '/pets/{id}',
      path: '/pets/7',
      pathParameters: null as never,
    });
    expect(event.pathParameters).toEqual({ id: '7' });
  });

  it('a Lambda authorizer output that is null is EVENT_INVALID_AUTHORIZER', () => {
    const error = errorOf(() => buildWebSocketEvent({ eventType: 'CONNECT', authorizer: null as never }));
    expect(error).toMatchObject({ code: 'EVENT_INVALID_AUTHORIZER' });
    expect(problemOf(error)).toBe(
      'buildWebSocketEvent: the Lambda authorizer output (authorizer.lambda, or a WebSocket authorizer) must be an object',
    );
  });
});
