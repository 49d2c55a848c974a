// The examples of docs/websocket.md, run as written (with `expect` where the page shows a value in a comment).
import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { setupServer } from 'msw/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway, type WebSocketAuthorizerConfig } from '../../src/gateway/index.js';
import { toMswHandlers } from '../../src/msw/index.js';

type Event = APIGatewayProxyWebsocketEventV2 & { queryStringParameters?: Record<string, string> };

describe('docs/websocket.md examples', () => {
  const env = { ...process.env };
  beforeEach(() => {
    process.env.AWS_REGION = 'us-east-1';
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
  });
  afterEach(() => {
    process.env = { ...env };
  });

  it('a chat, tested: $connect refuses without a name, the SDK broadcasts, $disconnect forgets', async () => {
    const connections = new Map<string, string>();
    const onConnect = async (event: Event) => {
      const name = event.queryStringParameters?.name;
      if (!name) return { statusCode: 400 };
      connections.set(event.requestContext.connectionId, name);
      return { statusCode: 200 };
    };
    const onDisconnect = async (event: Event) => {
      connections.delete(event.requestContext.connectionId);
      return { statusCode: 200 };
    };
    const sendMessage = async (event: Event) => {
      const { domainName, stage, connectionId } = event.requestContext;
      const api = new ApiGatewayManagementApiClient({ endpoint: `https://${domainName}/${stage}` });
      const data = JSON.stringify({
        from: connections.get(connectionId),
        text: JSON.parse(event.body ?? '').text,
      });
      for (const id of connections.keys()) {
        try {
          await api.send(new PostToConnectionCommand({ ConnectionId: id, Data: data }));
        } catch (error) {
          if (error instanceof GoneException) connections.delete(id);
          else throw error;
        }
      }
      return { statusCode: 200 };
    };

    const gateway = createGateway({
      apiType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
      routes: {
        $connect: onConnect as never,
        $disconnect: onDisconnect as never,
        sendMessage: sendMessage as never,
      },
    });
    const server = setupServer(...toMswHandlers(gateway));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      expect(await gateway.connect().catch((error) => error.statusCode)).toBe(400);
      const ada = await gateway.connect({ query: { name: 'Ada' } });
      const bob = await gateway.connect({ query: { name: 'Bob' } });
      await ada.send(JSON.stringify({ action: 'sendMessage', text: 'hi' }));
      expect(await bob.nextMessage()).toBe('{"from":"Ada","text":"hi"}');
      expect(await ada.nextMessage()).toBe('{"from":"Ada","text":"hi"}');
      await bob.close();
      expect(connections.size).toBe(1);
      await gateway.close();
      expect(await ada.closed).toEqual({ code: 1001, reason: 'Going away', wasClean: true });
      expect(connections.size).toBe(0);
    } finally {
      server.close();
    }
  });

  it('$connect authorizers: 401 without the token (not invoked), 403 on a deny, the context on later events', async () => {
    let invocations = 0;
    const tokenAuth: WebSocketAuthorizerConfig = {
      type: 'REQUEST',
      identitySource: ['route.request.querystring.token'],
      handler: async (event) => {
        invocations++;
        return {
          principalId: `user-${event.queryStringParameters.token}`,
          policyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: event.queryStringParameters.token === 'secret' ? 'Allow' : 'Deny',
                Action: 'execute-api:Invoke',
                Resource: event.methodArn,
              },
            ],
          },
          context: { plan: 'pro' },
        };
      },
    };
    const secured = createGateway({
      apiType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
      clock: createManualClock(),
      authorizers: { Token: tokenAuth },
      routes: {
        $connect: {
          authorizer: 'Token',
          integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 200 }) },
        },
        whoami: {
          routeResponseSelectionExpression: '$default',
          integration: {
            type: 'AWS_PROXY',
            handler: async (event) => ({
              statusCode: 200,
              body: JSON.stringify(event.requestContext.authorizer),
            }),
          },
        },
      },
    });
    expect(await secured.connect().catch((error) => [error.statusCode, error.body])).toEqual([
      401,
      '{"message":"Unauthorized"}',
    ]);
    expect(invocations).toBe(0);
    expect(await secured.connect({ query: { token: 'wrong' } }).catch((error) => error.statusCode)).toBe(403);
    const member = await secured.connect({ query: { token: 'secret' } });
    await member.send('{"action":"whoami"}');
    expect(await member.nextMessage()).toBe(
      '{"plan":"pro","principalId":"user-secret","integrationLatency":0}',
    );
    await secured.close();
  });

  it('route selection: no match and no $default is the Forbidden frame', async () => {
    const join = async () => ({ statusCode: 200 });
    const gateway = createGateway({
      apiType: 'WEBSOCKET',
      routeSelectionExpression: `\${request.body.service}/\${request.body.action}`,
      routes: { 'chat/join': join },
    });
    const client = await gateway.connect();
    await client.send('{"service":"chat","action":"leave"}');
    expect(await client.nextMessage()).toMatch(
      new RegExp(
        `^\\{"message": "Forbidden", "connectionId":"${client.connectionId}", "requestId":"[^"]+"\\}$`,
      ),
    );
    await gateway.close();
  });

  it('a MOCK ping route answers by itself', async () => {
    const routes = {
      ping: {
        integration: {
          type: 'MOCK' as const,
          requestTemplates: { $default: '{"statusCode": 200}' },
          templateSelectionExpression: '\\$default',
          integrationResponses: {
            $default: { responseTemplates: { $default: '{"type":"pong","id":"$context.connectionId"}' } },
          },
        },
        routeResponseSelectionExpression: '$default' as const,
      },
    };
    const gateway = createGateway({
      apiType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
      routes,
    });
    const client = await gateway.connect();
    await client.send('{"action":"ping"}');
    expect(await client.nextMessage()).toBe(`{"type":"pong","id":"${client.connectionId}"}`);
    await gateway.close();
  });

  it('the idle timeout on a manual clock', async () => {
    const clock = createManualClock();
    const gateway = createGateway({
      apiType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
      clock,
      routes: {},
    });
    const client = await gateway.connect();
    clock.advance(10 * 60_000);
    expect(await client.closed).toEqual({ code: 1001, reason: 'Going away', wasClean: true });
    expect(clock.pendingTimers()).toBe(0);
  });
});
