import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GetConnectionCommand,
  GoneException,
  PayloadTooLargeException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionsApiError } from '../../src/gateway/index.js';
import { toMswHandlers } from '../../src/msw/index.js';
import { recorder, wsGateway } from './helpers.js';

const SIGNED = {
  Authorization:
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc',
  'X-Amz-Date': '20240101T000000Z',
};

describe('@connections in-process (gateway.connections)', () => {
  it('post sends a text frame; get answers ConnectedAt, Identity and LastActiveAt; delete closes with 1000', async () => {
    const disconnect = recorder();
    const { gateway, clock } = wsGateway({ $disconnect: disconnect.handler });
    const client = await gateway.connect({ sourceIp: '198.51.100.7', userAgent: 'wscat/6' });
    const connectedAt = clock.now();
    clock.advance(5_000);
    await gateway.connections.post(client.connectionId, '{"hello":1}');
    await gateway.connections.post(client.connectionId, new TextEncoder().encode('bytes'));
    expect([await client.nextMessage(), await client.nextMessage()]).toEqual(['{"hello":1}', 'bytes']);
    expect(await gateway.connections.get(client.connectionId)).toEqual({
      ConnectedAt: new Date(connectedAt),
      Identity: { SourceIp: '198.51.100.7', UserAgent: 'wscat/6' },
      LastActiveAt: new Date(connectedAt + 5_000),
    });
    await gateway.connections.delete(client.connectionId);
    expect(await client.closed).toEqual({ code: 1000, reason: 'Connection Closed Normally', wasClean: true });
    const ctx = disconnect.events[0]!.requestContext;
    expect([ctx.disconnectStatusCode, ctx.disconnectReason]).toEqual([1000, 'Connection Closed Normally']);
  });

  it.each([
    ['post', (api: ReturnType<typeof wsGateway>['gateway']['connections'], id: string) => api.post(id, 'x')],
    ['get', (api: ReturnType<typeof wsGateway>['gateway']['connections'], id: string) => api.get(id)],
    ['delete', (api: ReturnType<typeof wsGateway>['gateway']['connections'], id: string) => api.delete(id)],
  ])('%s to a closed connection is GoneException 410', async (_name, call) => {
    const { gateway } = wsGateway({});
    const client = await gateway.connect();
    await client.close(1000);
    const error = (await call(gateway.connections, client.connectionId).catch(
      (e: unknown) => e,
    )) as ConnectionsApiError;
    expect(error).toBeInstanceOf(ConnectionsApiError);
    expect([error.name, error.statusCode, error.message, error.$metadata.httpStatusCode]).toEqual([
      'GoneException',
      410,
      'UnknownError',
      410,
    ]);
  });

  it.each([
    ['test-connection-123', 'BadRequestException', 400, 'Invalid connectionId'],
    ['AAAAAAAAAAAAAAA=', 'GoneException', 410, 'UnknownError'],
  ])('post to %j is %s %i', async (id, name, status, message) => {
    const { gateway } = wsGateway({});
    await expect(gateway.connections.post(id, 'x')).rejects.toMatchObject({
      name,
      statusCode: status,
      message,
    });
  });

  it('post over 131 072 bytes is PayloadTooLargeException 413', async () => {
    const { gateway } = wsGateway({});
    const client = await gateway.connect();
    await expect(gateway.connections.post(client.connectionId, 'a'.repeat(131_073))).rejects.toMatchObject({
      name: 'PayloadTooLargeException',
      statusCode: 413,
    });
    await gateway.connections.post(client.connectionId, 'a'.repeat(131_072));
    expect(await client.nextMessage()).toHaveLength(131_072);
    await gateway.close();
  });

  it('callbacks draw from the account throttle: an empty bucket is LimitExceededException 429', async () => {
    const { gateway } = wsGateway({}, { throttle: { account: { rateLimit: 1, burstLimit: 1 } } });
    const client = await gateway.connect();
    await expect(gateway.connections.post(client.connectionId, 'x')).rejects.toMatchObject({
      name: 'LimitExceededException',
      statusCode: 429,
    });
    await gateway.close();
  });

  it('post with data that is neither text nor bytes is refused with CONNECTIONS_INVALID_DATA', async () => {
    const { gateway } = wsGateway({});
    await expect(gateway.connections.post('AAAAAAAAAAAAAAA=', { text: 'x' } as never)).rejects.toMatchObject({
      code: 'CONNECTIONS_INVALID_DATA',
    });
  });
});

describe('@connections over HTTP (gateway.fetch)', () => {
  it('answers POST 200, GET 200 JSON, DELETE 204 at {stage}/@connections/{id} (URL-encoded id and %40 accepted)', async () => {
    const { gateway, clock } = wsGateway({});
    const client = await gateway.connect({ sourceIp: '198.51.100.7' });
    const url = `${gateway.info.callbackUrl}/%40connections/${encodeURIComponent(client.connectionId)}`;
    const post = await gateway.fetch(url, { method: 'POST', headers: SIGNED, body: 'hi' });
    expect([post.status, await post.text()]).toEqual([200, '']);
    expect(post.headers.get('x-amzn-RequestId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await client.nextMessage()).toBe('hi');
    const get = await gateway.fetch(`${gateway.info.callbackUrl}/@connections/${client.connectionId}`, {
      headers: SIGNED,
    });
    expect(get.headers.get('content-type')).toBe('application/json');
    const iso = new Date(clock.now()).toISOString();
    expect(await get.text()).toBe(
      `{"connectedAt":"${iso}","identity":{"sourceIp":"198.51.100.7","userAgent":""},"lastActiveAt":"${iso}"}`,
    );
    const del = await gateway.fetch(url, { method: 'DELETE', headers: SIGNED });
    expect(del.status).toBe(204);
    const gone = await gateway.fetch(url, { method: 'POST', headers: SIGNED, body: 'late' });
    expect([gone.status, gone.headers.get('x-amzn-ErrorType'), await gone.text()]).toEqual([
      410,
      'GoneException',
      '',
    ]);
  });

  it.each([
    [
      'an unsigned request',
      '/dev/@connections/AAAAAAAAAAAAAAA=',
      {},
      403,
      'MissingAuthenticationTokenException',
      '{"message":"Missing Authentication Token"}',
    ],
    [
      'another stage',
      '/prod/@connections/AAAAAAAAAAAAAAA=',
      SIGNED,
      403,
      'ForbiddenException',
      '{"message":"Forbidden"}',
    ],
    [
      'a path that is not @connections',
      '/dev/other',
      SIGNED,
      403,
      'ForbiddenException',
      '{"message":"Forbidden"}',
    ],
    [
      'a malformed connection id',
      '/dev/@connections/nope',
      SIGNED,
      400,
      'BadRequestException',
      '{"message":"Invalid connectionId"}',
    ],
  ])('%s is %i %s', async (_name, path, headers, status, errorType, body) => {
    const { gateway } = wsGateway({});
    const response = await gateway.fetch(path, { method: 'POST', headers, body: 'x' });
    expect([response.status, response.headers.get('x-amzn-ErrorType'), await response.text()]).toEqual([
      status,
      errorType,
      body,
    ]);
  });
});

describe('@connections with the real AWS SDK through msw (handlers unchanged)', () => {
  const { gateway } = wsGateway({
    broadcast: async (event) => {
      const { domainName, stage, connectionId } = event.requestContext;
      const api = new ApiGatewayManagementApiClient({
        endpoint: `https://${domainName}/${stage}`,
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      });
      for (const id of gateway.connections.list()) {
        await api.send(new PostToConnectionCommand({ ConnectionId: id, Data: `from ${connectionId}` }));
      }
      return { statusCode: 200 };
    },
  });
  const server = setupServer(...toMswHandlers(gateway));
  const sdk = new ApiGatewayManagementApiClient({
    endpoint: gateway.info.callbackUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(async () => {
    server.close();
    await gateway.close();
  });

  it('a handler broadcasting with PostToConnectionCommand reaches every client', async () => {
    const a = await gateway.connect();
    const b = await gateway.connect();
    await a.send('{"action":"broadcast"}');
    expect([await a.nextMessage(), await b.nextMessage()]).toEqual([
      `from ${a.connectionId}`,
      `from ${a.connectionId}`,
    ]);
  });

  it('GetConnectionCommand parses ConnectedAt and LastActiveAt as Dates; DeleteConnectionCommand closes', async () => {
    const client = await gateway.connect({ userAgent: 'sdk-test' });
    const info = await sdk.send(new GetConnectionCommand({ ConnectionId: client.connectionId }));
    expect(info.ConnectedAt).toBeInstanceOf(Date);
    expect(info.Identity).toEqual({ SourceIp: '203.0.113.9', UserAgent: 'sdk-test' });
    expect(info.LastActiveAt?.getTime()).toBe(info.ConnectedAt?.getTime());
    await sdk.send(new DeleteConnectionCommand({ ConnectionId: client.connectionId }));
    expect((await client.closed).code).toBe(1000);
  });

  it('the SDK raises GoneException (410) after disconnect and PayloadTooLargeException (413)', async () => {
    const client = await gateway.connect();
    await expect(
      sdk.send(new PostToConnectionCommand({ ConnectionId: client.connectionId, Data: 'a'.repeat(131_073) })),
    ).rejects.toBeInstanceOf(PayloadTooLargeException);
    await client.close();
    const error = await sdk
      .send(new PostToConnectionCommand({ ConnectionId: client.connectionId, Data: 'x' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoneException);
    expect((error as GoneException).$metadata.httpStatusCode).toBe(410);
  });
});
