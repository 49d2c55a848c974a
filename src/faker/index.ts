// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import '../matchers/matcher-types.js';

export {
  fakeRequestAuthorizerEvent,
  fakeRequestAuthorizerEventV2,
  fakeTokenAuthorizerEvent,
  fakeWebSocketEvent,
} from './fake-other-events.js';
export { fakeProxyEventV1, fakeProxyEventV2 } from './fake-proxy-events.js';
export { fakeIp, fakeUserAgent } from './realistic.js';
export type { FakeOptions } from './seeded-faker.js';
