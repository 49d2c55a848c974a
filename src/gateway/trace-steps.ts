import type { AuthFailure } from './auth/auth-responses.js';
import type { RequestMappingFailure } from './integrations/mapping/integration-request.js';
import type { ApiKeyRefused } from './usage-plans/usage-plans.js';

/** `SOME_NAME` → `some-name`: how the integration stage spells a request-mapping failure. */
type Dashed<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}-${Dashed<Tail>}` : S;

/** A cache verdict may come from the authorizer's result cache. */
type MaybeCached<S extends string> = S | `${S} (cache hit)`;

/**
 * Every decision each pipeline stage records, by stage: `trace.steps[i].decision` is one of these, so a switch
 * over a step is exhaustive.
 *
 * @example
 * ```ts
 * const verdict: TraceDecisions['cache-lookup'] = 'hit';
 * ```
 */
export interface TraceDecisions {
  request: 'too-large' | 'headers-too-large';
  stage: 'matched' | 'no-stage';
  route: 'matched' | 'no-route' | 'method-override' | 'cors-preflight' | 'preflight-routed';
  authorize: MaybeCached<'allow' | Lowercase<AuthFailure>>;
  'api-key': 'accepted' | ApiKeyRefused['reason'];
  throttle: 'allowed' | 'throttled' | 'quota-exceeded';
  validation: 'valid' | 'missing-parameters' | 'invalid-body';
  'cache-lookup': 'hit' | 'miss' | 'forbidden' | 'bypass';
  integration:
    | 'invoked'
    | 'invoked-async'
    | 'function-error'
    | 'timeout'
    | 'mock'
    | 'endpoint-response'
    | 'network-error'
    | 'configuration-error'
    | 'request-too-large'
    | 'response-too-large'
    | 'unsupported-media-type'
    | Dashed<Lowercase<RequestMappingFailure['failure']>>;
  response: 'valid-result' | 'malformed-result' | 'mapped';
  'cache-store': 'stored' | 'not-stored';
}

/** Pipeline stages that record a decision. */
export type TraceStageName = keyof TraceDecisions;

/**
 * One stage's decision, in pipeline order: `decision` is typed by `stage` ({@link TraceDecisions}).
 *
 * @example
 * ```ts
 * const step: TraceStep = { stage: 'throttle', decision: 'throttled', detail: 'stage limit 10 rps' };
 * ```
 */
export type TraceStep = {
  [S in TraceStageName]: {
    stage: S;
    /** Short verdict, e.g. `matched`, `throttled`, `hit`, `timeout`. */
    decision: TraceDecisions[S];
    /** Plain-words explanation. */
    detail?: string;
    /** Structured data of the decision (limits, keys, latency, …). */
    data?: Readonly<Record<string, unknown>>;
  };
}[TraceStageName];
