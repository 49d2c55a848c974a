// Lambda handlers of the example chat (a WebSocket API). They are what you would deploy: connection ids live in a
// store (a Map standing in for a DynamoDB table), and messages are broadcast with the real AWS SDK's
// ApiGatewayManagementApiClient through the API's @connections callback URL. Module state persists between
// invocations, as in a warm Lambda.
import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';

/** connectionId → display name (the "table"). */
export const connections = new Map();

/**
 * The callback URL of the API: `https://{domainName}/{stage}` on AWS. Locally (`apigw-testkit serve` on
 * 127.0.0.1) the domain is the server's host, served over plain http.
 */
export function callbackUrl(event) {
  const { domainName, stage } = event.requestContext;
  const local = /^(localhost|127\.|\[::1\])/.test(domainName);
  return `${local ? 'http' : 'https'}://${domainName}/${stage}`;
}

/** $connect: `?name=Ada` names the user; a missing name is refused with 400 (the upgrade fails). */
export async function onConnect(event) {
  const name = event.queryStringParameters?.name;
  if (!name) return { statusCode: 400, body: 'name is required: connect to …?name=Ada' };
  connections.set(event.requestContext.connectionId, name);
  return { statusCode: 200 };
}

/** $disconnect: forget the connection (best effort on AWS: the socket is already gone). */
export async function onDisconnect(event) {
  connections.delete(event.requestContext.connectionId);
  return { statusCode: 200 };
}

/** sendMessage: `{"action":"sendMessage","text":"hi"}` is broadcast to everyone as `{"from":…,"text":…}`. */
export async function sendMessage(event) {
  const { connectionId } = event.requestContext;
  const { text } = JSON.parse(event.body);
  const client = new ApiGatewayManagementApiClient({ endpoint: callbackUrl(event) });
  const data = JSON.stringify({ from: connections.get(connectionId), text });
  await Promise.all(
    [...connections.keys()].map(async (id) => {
      try {
        await client.send(new PostToConnectionCommand({ ConnectionId: id, Data: data }));
      } catch (error) {
        // A connection that went away without $disconnect: forget it.
        if (error instanceof GoneException) connections.delete(id);
        else throw error;
      }
    }),
  );
  return { statusCode: 200 };
}

/** $default (two-way): anything else gets a usage hint back. */
export async function onOther() {
  return { statusCode: 200, body: JSON.stringify({ error: 'send {"action":"sendMessage","text":"…"}' }) };
}
