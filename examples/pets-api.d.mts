// Types of examples/pets-api.mjs for the TypeScript tests that import it.
import type { Gateway, GatewayOptions, WebSocketGateway } from '../src/gateway/index.js';

export declare const API_KEY: string;
export declare const options: GatewayOptions;
export declare const examples: readonly {
  title: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}[];
declare const gateway: Gateway;
export default gateway;
/** The chat WebSocket API of examples/chat-api.mjs, served on the same port. */
export declare const webSocket: WebSocketGateway;
export declare const webSocketExamples: readonly { title: string; query?: string; message?: string }[];
