import type { ClientResponse } from '../../response/types.js';
import type { CacheMiss } from '../caching/index.js';
import type { CompiledRoute } from '../config/resolve-routes.js';
import type { GatewayErrorResponse } from '../gateway-responses.js';
import type { GatewayTrace, TraceStep } from '../trace.js';
import type { GatewayRequest } from './gateway-request.js';

/**
 * The state of one request as it flows through the pipeline. Stages read and fill it; a stage that ends
 * the request returns a {@link GatewayErrorResponse} instead of the context.
 */
export interface PipelineContext {
  request: GatewayRequest;
  /** Clock time the request arrived. */
  startedAt: number;
  requestId: string;
  extendedRequestId: string;
  traceHeader: string;
  /** Method used for routing and the event (REST honours `X-HTTP-Method-Override`). */
  method: string;
  /** Path after the stage as the event builders take it (raw; REST collapses extra leading slashes). */
  eventPath: string;
  /** Stage-less path segments used for matching. */
  segments: string[];
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
  /** Set by the integration when the answer is a gateway failure. */
  failure: GatewayErrorResponse | undefined;
  trace: GatewayTrace;
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
