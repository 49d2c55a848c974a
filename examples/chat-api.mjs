// A small chat on a simulated WebSocket API (stage "chat"). `npm start` serves it beside the pets API:
//   npx wscat -c 'ws://127.0.0.1:3000/chat?name=Ada'      then type  {"action":"sendMessage","text":"hi"}
// Routes:
//   $connect      Lambda: needs ?name=…, else the upgrade is refused with 400
//   sendMessage   Lambda: broadcasts to every connection with the AWS SDK (PostToConnection)
//   ping          MOCK, two-way: answers {"type":"pong"} without any backend
//   $default      Lambda, two-way: answers a usage hint
//   $disconnect   Lambda: forgets the connection
import { createGateway } from 'apigw-testkit/gateway';
import { onConnect, onDisconnect, onOther, sendMessage } from './chat/handlers.mjs';

// The handlers create their SDK client as on Lambda, from the environment. The simulator accepts any SigV4
// credentials, so local runs only need some.
process.env.AWS_REGION ??= 'us-east-1';
process.env.AWS_ACCESS_KEY_ID ??= 'AKIDLOCALEXAMPLE';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local-secret';

export const options = {
  apiType: 'WEBSOCKET',
  apiId: 'chat4demo1',
  routeSelectionExpression: '$request.body.action',
  stage: { name: 'chat' },
  routes: {
    $connect: onConnect,
    $disconnect: onDisconnect,
    sendMessage,
    ping: {
      integration: {
        type: 'MOCK',
        requestTemplates: { $default: '{"statusCode": 200}' },
        templateSelectionExpression: '\\$default',
        integrationResponses: { $default: { responseTemplates: { $default: '{"type":"pong"}' } } },
      },
      routeResponseSelectionExpression: '$default',
    },
    $default: {
      integration: { type: 'AWS_PROXY', handler: onOther },
      routeResponseSelectionExpression: '$default',
    },
  },
};

/** The WebSocket gateway `apigw-testkit serve` serves. */
export default createGateway(options);

/** The wscat line and the messages `serve` suggests typing into it. */
export const webSocketExamples = [
  { title: 'Join the chat (without ?name the upgrade is refused: 400)', query: 'name=Ada' },
  { title: 'Broadcast to everyone connected', message: '{"action":"sendMessage","text":"hi"}' },
  { title: 'A MOCK route answers by itself', message: '{"action":"ping"}' },
  { title: 'No route matches: the $default route answers', message: 'hello?' },
];
