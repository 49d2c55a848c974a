import type { ResolvedGateway } from '../config/resolve-options.js';
import type { GatewayPolicies } from './policies.js';

/** What the stages need besides the request: settings, policy engines and per-gateway state. */
export interface PipelineDeps {
  config: ResolvedGateway;
  policies: GatewayPolicies;
  /** Access-log lines, one per request, when an access-log format is configured. */
  accessLog: string[];
  /**
   * Outbound HTTP (HTTP and HTTP_PROXY backends, AWS-compatible endpoints, JWKS): the `fetch` option, else the
   * global `fetch` read at call time (so msw and test doubles installed later still see the call).
   */
  fetch: typeof globalThis.fetch;
  /** Called when an integration is running with its timeouts armed (`gateway.nextRequest()` listens). */
  onIntegrationArmed?: (() => void) | undefined;
  /** Set while someone waits in `gateway.nextRequest()`: called when a request was answered. */
  onAnswered?: ((status: number) => void) | undefined;
  /** The log stream of a function's warm execution environment: fixed at its first invocation (`start`). */
  logStreamName(functionName: string, start: number, version?: string): string;
  /**
   * `$context.isCanaryRequest` of the requests this runtime serves: `true` for a stage's canary, `false` for the stage
   * itself while it has a canary, `undefined` (the variable is absent) on a stage without one.
   */
  canary?: boolean | undefined;
}
