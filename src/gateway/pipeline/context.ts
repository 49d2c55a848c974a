import type { ClientResponse } from '../../response/types.js';
import type { CacheMiss } from '../caching/index.js';
import type { CompiledRoute } from '../config/resolve-routes.js';
import type { GatewayErrorResponse } from '../gateway-responses.js';
import { truncateLogLine } from '../observability/execution-log.js';
import type { GatewayTrace } from '../trace.js';
import type { TraceStep } from '../trace-steps.js';
import type { GatewayRequest } from './gateway-request.js';

/**
 * The state of one request as it flows through the pipeline. Stages read and fill it; a stage that ends
 * the request returns a {@link GatewayErrorResponse} instead of the context.
 */
export interface PipelineContext {
  request: GatewayRequest;
  /** Clock time the request arrived. */
  startedAt: number;
  /**
   * Clock time as of the last stage that may have waited: the arrival, then again after an asynchronous
   * authorizer. The synchronous stages between (throttle, cache lookup, the Lambda invocation's start) share it
   * instead of reading the clock each: seven reads per cached GET miss became three (`Date.now` was 3.6 % of that
   * request's CPU profile).
   */
  now: number;
  requestId: string;
  extendedRequestId: string;
  traceHeader: string;
  /** Method used for routing and the event (REST honours `X-HTTP-Method-Override`). */
  method: string;
  /** Path after the stage as the event builders take it (raw; REST collapses extra leading slashes). */
  eventPath: string;
  /** Stage-less path segments used for matching. */
  segments: readonly string[];
  route: CompiledRoute | undefined;
  pathParameters: Record<string, string> | null;
  /** The API key presented and accepted (REST `apiKeyRequired` methods). */
  apiKey: { id: string; value: string } | undefined;
  /** Opaque per-client limits from the usage plans, handed to the throttler. */
  clientLimits: unknown;
  /** The cache miss to fill once the integration answers (REST stage cache). */
  cacheMiss: CacheMiss | undefined;
  /** true: served from the cache; false: a miss on a caching-enabled route; undefined: cache not involved. */
  cacheHit: boolean | undefined;
  /** Headers a policy adds to the response (the cache-control warning). */
  extraHeaders: readonly (readonly [string, string])[] | undefined;
  /** True for `gateway.handle()`: record the steps and keep a copy of the event in the trace. */
  detailed: boolean;
  /** The response to send (from the integration or the cache). */
  response: ClientResponse | undefined;
  /** Integration latency in clock ms, when the integration ran. */
  integrationLatencyMs: number | undefined;
  /** The status an HTTP backend or an AWS service (endpoint or responder) answered with, when one was called. */
  endpointStatus: number | undefined;
  /** Set by the integration when the answer is a gateway failure. */
  failure: GatewayErrorResponse | undefined;
  /**
   * What the authorize stage established (authorizers, IAM, Cognito, JWT): the `requestContext.authorizer`
   * the integration receives, identity fields, and an API key value from `usageIdentifierKey`. `undefined`
   * when the route has no authorization.
   */
  authorization: RequestAuthorization | undefined;
  /** `$context.error.validationErrorString` when request validation failed. */
  validationErrorString?: string;
  trace: GatewayTrace;
}

/** The outcome of a successful authorization, as later stages and the integration read it. */
export interface RequestAuthorization {
  /**
   * `requestContext.authorizer` exactly as the integration's event carries it: REST Lambda authorizer
   * `{ principalId, integrationLatency, ...context as strings }`, Cognito `{ claims }`; HTTP API 2.0
   * `{ lambda: {...} }`, `{ jwt: { claims, scopes } }` or `{ iam: {...} }`; HTTP API 1.0 as REST.
   */
  authorizer?: Readonly<Record<string, unknown>>;
  /** `requestContext.identity` / `$context.identity` fields the authorization filled (IAM caller, Cognito ids). */
  identity?: Readonly<Record<string, string | null>>;
  /** `usageIdentifierKey` of a Lambda authorizer, for `apiKeySource: 'AUTHORIZER'`. */
  usageIdentifierKey?: string;
}

/** A pipeline stage: returns the context to continue, or a gateway response to stop. */
export type StageResult = PipelineContext | GatewayErrorResponse;

/**
 * Appends a decision to the trace. Only `gateway.handle()` returns the trace, so `fetch` skips the steps (hot
 * success paths also skip building them: `if (ctx.detailed) record(…)`).
 */
export function record(ctx: PipelineContext, step: TraceStep): void {
  if (ctx.detailed) ctx.trace.steps.push(step);
}

/**
 * Appends lines to the request's execution log (`trace.executionLog`): what API Gateway's CloudWatch execution
 * log would show, in AWS's wording ("Method request path: {id=7}", "Endpoint request URI: …"). Only
 * `gateway.handle()` keeps it; pass a function so `fetch` does not even build the text.
 */
export function logExecution(ctx: PipelineContext, lines: () => string | readonly string[]): void {
  if (!ctx.detailed) return;
  const out = lines();
  ctx.trace.executionLog ??= [];
  const log = ctx.trace.executionLog;
  // Each event is cut at 1 024 bytes, as CloudWatch shows API Gateway's (behaviour.md §12.2).
  if (typeof out === 'string') log.push(truncateLogLine(out));
  else for (const line of out) log.push(truncateLogLine(line));
}
