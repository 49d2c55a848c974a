import type { ProxyResultReport } from '../response/types.js';
import type { GatewayFailure } from './gateway-responses.js';
import type { AwsServiceCall } from './integrations/aws/types.js';
import type { ThrottleDecision } from './throttling/index.js';
import type { ApiType } from './types.js';

/** Pipeline stages that record a decision. */
export type TraceStageName =
  | 'request'
  | 'stage'
  | 'route'
  | 'authorize'
  | 'api-key'
  | 'throttle'
  | 'validation'
  | 'cache-lookup'
  | 'integration'
  | 'response'
  | 'cache-store';

/** One stage's decision, in pipeline order. */
export interface TraceStep {
  stage: TraceStageName;
  /** Short verdict, e.g. `matched`, `throttled`, `hit`, `timeout`. */
  decision: string;
  /** Plain-words explanation. */
  detail?: string;
  /** Structured data of the decision (limits, keys, latency, …). */
  data?: Readonly<Record<string, unknown>>;
}

/** A Lambda error payload as API Gateway receives it (`{ errorType, errorMessage, trace }`). */
export interface LambdaErrorObject {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

/** How the handler's invocation ended. */
export type InvocationOutcome =
  | { kind: 'result'; value: unknown; note?: string }
  | { kind: 'error'; error: LambdaErrorObject }
  | { kind: 'timeout'; timeoutMs: number };

/**
 * What the gateway did with one request: every stage's decision, the event sent to the handler, what the
 * handler returned, the proxy-result report and the timings.
 *
 * @example
 * ```ts
 * const { response, trace } = await gateway.handle(new Request('https://api.test/dev/pets'));
 * trace.route?.routeKey; // 'GET /pets'
 * trace.steps.map((s) => `${s.stage}:${s.decision}`); // ['stage:matched', 'route:matched', …]
 * ```
 */
export interface GatewayTrace<TEvent = unknown> {
  apiType: ApiType;
  requestId: string;
  /** REST `extendedRequestId` (`x-amz-apigw-id`); HTTP APIs use the request id. */
  extendedRequestId: string;
  method: string;
  /** Raw request path, stage included. */
  path: string;
  stage: string | null;
  route: { routeKey: string; resource: string; pathParameters: Record<string, string> | null } | null;
  steps: TraceStep[];
  /** The event exactly as the handler received it (a copy taken before the call). */
  event?: TEvent;
  /** AWS service integrations: the call as API Gateway renders it (what a `services` responder receives). */
  serviceCall?: AwsServiceCall;
  /** How the handler invocation ended (result, function error, integration timeout). */
  invocation?: InvocationOutcome;
  /** The validation report of the handler's result. */
  proxyResult?: ProxyResultReport;
  /** `hit`, `miss`, or why the cache was not used. */
  cache?: string;
  /** The throttler's decision (which level rejected, its limit). */
  throttle?: ThrottleDecision;
  /**
   * The authorize stage's decision: the route's authorization type, the authorizer that ran, whether its
   * verdict came from the result cache, and the outcome (`allow`, or the failure: `UNAUTHORIZED`,
   * `ACCESS_DENIED`, `AUTHORIZER_CONFIGURATION_ERROR`, …).
   */
  authorization?: {
    type: string;
    authorizer?: string;
    cached?: boolean;
    principalId?: string;
    methodArn: string;
    decision: string;
    reason?: string;
    /** Clock ms the authorize stage took (0 on a cache hit that needed no call). */
    latencyMs?: number;
  };
  /** The API-key / usage-plan decision for `apiKeyRequired` methods. */
  usagePlan?: { ok: boolean; keyId?: string; planId?: string; reason?: string; message: string };
  /** Set when the gateway answered by itself (403, 429, 502, 504, …). */
  gatewayResponse?: { failure: GatewayFailure; responseType: string; message: string; reason: string };
  status: number;
  /** The lines API Gateway's execution log would show for this request, in AWS's wording and order. */
  executionLog?: string[];
  /** Milliseconds spent in the integration (clock time). */
  integrationLatencyMs?: number;
  /** Milliseconds from request to response (clock time). */
  latencyMs: number;
}
