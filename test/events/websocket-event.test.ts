import { describe, expect, it } from 'vitest';
import { buildWebSocketEvent } from '../../src/events/index.js';

describe('buildWebSocketEvent', () => {
  it('CONNECT carries the handshake headers, the query and no body', () => {
    const event = buildWebSocketEvent({ eventType: 'CONNECT', query: { token: 'abc' }, stage: 'prod' });
    expect(Object.keys(event.headers!)).toEqual(
      expect.arrayContaining([
        'Host',
        'Sec-WebSocket-Extensions',
        'Sec-WebSocket-Key',
        'Sec-WebSocket-Version',
        'X-Amzn-Trace-Id',
        'X-Forwarded-For',
        'X-Forwarded-Port',
        'X-Forwarded-Proto',
      ]),
    );
    expect(event.headers!['Sec-WebSocket-Version']).toBe('13');
    expect(event.headers!['Sec-WebSocket-Key']).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(event.multiValueHeaders!.Host).toEqual(['abcd1234ef.execute-api.us-east-1.amazonaws.com']);
    expect(event.queryStringParameters).toEqual({ token: 'abc' });
    expect(event.multiValueQueryStringParameters).toEqual({ token: ['abc'] });
    expect('body' in event).toBe(false);
    expect(event.isBase64Encoded).toBe(false);
    expect(event.requestContext).toMatchObject({
      routeKey: '$connect',
      eventType: 'CONNECT',
      messageDirection: 'IN',
      stage: 'prod',
    });
  });

  it('CONNECT without a query has no query keys', () => {
    expect('queryStringParameters' in buildWebSocketEvent({ eventType: 'CONNECT' })).toBe(false);
  });

  it('MESSAGE has messageId and the body, no headers; requestId equals extendedRequestId', () => {
    const event = buildWebSocketEvent({ body: { action: 'send' }, connectionId: 'conn-1' });
    expect(event.body).toBe('{"action":"send"}');
    expect('headers' in event).toBe(false);
    expect(event.requestContext.messageId).toMatch(/^[A-Za-z0-9]{15}=$/);
    expect(event.requestContext.requestId).toBe(event.requestContext.extendedRequestId);
    expect(event.requestContext).toMatchObject({
      routeKey: '$default',
      eventType: 'MESSAGE',
      connectionId: 'conn-1',
    });
  });

  it('a binary frame arrives base64-encoded with isBase64Encoded true', () => {
    expect(buildWebSocketEvent({ body: Uint8Array.from([0, 1, 2]) })).toMatchObject({
      body: 'AAEC',
      isBase64Encoded: true,
    });
  });

  it('DISCONNECT has the close code and reason and the small recorded header set', () => {
    const event = buildWebSocketEvent({
      eventType: 'DISCONNECT',
      disconnectStatusCode: 1000,
      disconnectReason: 'bye',
    });
    expect(event.requestContext).toMatchObject({
      routeKey: '$disconnect',
      eventType: 'DISCONNECT',
      disconnectStatusCode: 1000,
      disconnectReason: 'bye',
    });
    expect(event.headers).toEqual({
      Host: 'abcd1234ef.execute-api.us-east-1.amazonaws.com',
      'x-api-key': '',
      'X-Forwarded-For': '',
      'x-restapi': '',
    });
    expect('messageId' in event.requestContext).toBe(false);
  });

  it('DISCONNECT defaults to close code 1001 and an empty reason', () => {
    expect(buildWebSocketEvent({ eventType: 'DISCONNECT' }).requestContext).toMatchObject({
      disconnectStatusCode: 1001,
      disconnectReason: '',
    });
  });

  it('identity has sourceIp and userAgent; connectedAt defaults to the event time', () => {
    const event = buildWebSocketEvent({
      userAgent: 'wscat',
      sourceIp: '198.51.100.4',
      time: 1_700_000_000_000,
    });
    expect(event.requestContext.identity).toEqual({ sourceIp: '198.51.100.4', userAgent: 'wscat' });
    expect(event.requestContext).toMatchObject({
      connectedAt: 1_700_000_000_000,
      requestTimeEpoch: 1_700_000_000_000,
      requestTime: '14/Nov/2023:22:13:20 +0000',
    });
  });

  it('a $connect authorizer verdict is attached with string context values', () => {
    const event = buildWebSocketEvent({
      eventType: 'CONNECT',
      authorizer: { principalId: 'u1', context: { room: 7 } },
    });
    expect(event.requestContext.authorizer).toEqual({ room: '7', principalId: 'u1', integrationLatency: 0 });
  });
});
