import supertest from 'supertest';
import { InvalidInputError } from '../errors/families.js';
import { type FetchLike, isFetchLike } from '../gateway/adapters/gateway-like.js';
import { type NodeListenerOptions, toNodeListener } from '../gateway/adapters/node-listener.js';

/**
 * The agent {@link request} returns: call `.get(path)`, `.post(path)`, … as with `supertest(app)`.
 *
 * @example
 * ```ts
 * const agent: GatewayTestAgent = request(gateway);
 * await agent.get('/dev/pets').expect(200);
 * ```
 */
export type GatewayTestAgent = ReturnType<typeof supertest>;

/**
 * Returns a supertest agent that sends real HTTP requests (over an ephemeral loopback port supertest opens
 * per request) to the simulated gateway. Paths include the stage for REST APIs (`/dev/pets`).
 *
 * @example
 * ```ts
 * import { createGateway } from 'apigw-testkit/gateway';
 * import { request } from 'apigw-testkit/supertest';
 * const gateway = createGateway({ apiType: 'REST', routes: { 'GET /pets': async () => ({ body: '[]' }) } });
 * await request(gateway).get('/dev/pets').expect(200, '[]');
 * ```
 */
export function request(gateway: FetchLike, options: NodeListenerOptions = {}): GatewayTestAgent {
  if (!isFetchLike(gateway)) {
    throw new InvalidInputError(
      'ADAPTER_NOT_A_GATEWAY',
      'request: expected a gateway with a fetch(request) method',
      'Pass the object createGateway(...) returns.',
    );
  }
  return supertest(toNodeListener(gateway, options));
}
