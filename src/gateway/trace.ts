import type { ProxyResultReport } from '../response/types.js';
import type { AuthorizationType } from './auth/auth-options.js';
import type { AuthFailure } from './auth/auth-responses.js';
import type { GatewayFailure } from './gateway-responses.js';
import type { AwsServiceCall } from './integrations/aws/types.js';
import type { AnsweredResponseType } from './responses/types.js';
import type { ThrottleDecision } from './throttling/index.js';
import type { TraceStep } from './trace-steps.js';
import type { ApiType } from './types.js';

/**
 * What the stage cache did with a request: `hit`, `miss`, `forbidden` (a client's `Cache-Control: max-age=0` the
 * method may not honour), or `bypass (why)`.
 *
 * @example
 * ```ts
 * const verdict: CacheVerdict = 'bypass (caching is off for this method)';
 * ```
 */
export type CacheVerdict = 'hit' | 'miss' | 'forbidden' | `bypass (${string})`;

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
 * handler returned, the proxy-result report, the response's header lines and the timings. `TEvent` is the type
 * of the events the gateway's routes receive (`createGateway` infers it).
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
  /**
   * The event exactly as the function received it (a copy taken before the call): the Lambda proxy event of the
   * route's payload format, or what a Lambda custom integration's template rendered.
   */
  event?: TEvent;
  /**
   * True when the request reached the integration: the function was invoked (even if it then failed or timed
   * out), the HTTP backend or AWS service was called, or the MOCK integration rendered its request. False when
   * the gateway answered first (a refusal, a cache hit, a request that could not be mapped or is too large).
   */
  integrationCalled: boolean;
  /** AWS service integrations: the call as API Gateway renders it (what a `services` responder receives). */
  serviceCall?: AwsServiceCall;
  /** How the handler invocation ended (result, function error, integration timeout). */
  invocation?: InvocationOutcome;
  /** The validation report of the handler's result. */
  proxyResult?: ProxyResultReport;
  /** `hit`, `miss`, `forbidden`, or why the cache was not used. */
  cache?: CacheVerdict;
  /** The throttler's decision (which level rejected, its limit). */
  throttle?: ThrottleDecision;
  /**
   * The authorize stage's decision: the route's authorization type, the authorizer that ran, whether its
   * verdict came from the result cache, and the outcome (`allow`, or the failure: `UNAUTHORIZED`,
   * `ACCESS_DENIED`, `AUTHORIZER_CONFIGURATION_ERROR`, …).
   */
  authorization?: {
    type: AuthorizationType;
    authorizer?: string;
    cached?: boolean;
    principalId?: string;
    methodArn: string;
    decision: 'pending' | 'allow' | AuthFailure;
    reason?: string;
    /** Clock ms the authorize stage took (0 on a cache hit that needed no call). */
    latencyMs?: number;
  };
  /** The API-key / usage-plan decision for `apiKeyRequired` methods. */
  usagePlan?: { ok: boolean; keyId?: string; planId?: string; reason?: string; message: string };
  /** Set when the gateway answered by itself (403, 429, 502, 504, …). */
  gatewayResponse?: {
    failure: GatewayFailure;
    /** The gateway response type (HTTP APIs: `NOT_FOUND`, `CORS_PREFLIGHT` and REST's names). */
    responseType: AnsweredResponseType;
    message: string;
    reason: string;
  };
  status: number;
  /**
   * The response's header lines in order, names spelled as sent (`x-amzn-RequestId`, a function's
   * `x-amzn-Remapped-Content-Length`), for every response: an integration's, a cached one, a gateway response.
   * Values are the text API Gateway sent (a fetch `Response` shows non-Latin-1 values as their UTF-8 bytes).
   */
  responseHeaders: readonly (readonly [string, string])[];
  /** The lines API Gateway's execution log would show for this request, in AWS's wording and order. */
  executionLog?: string[];
  /** Milliseconds spent in the integration (clock time). */
  integrationLatencyMs?: number;
  /** Milliseconds from request to response (clock time). */
  latencyMs: number;
}
