import type { IdSource } from '../../ids/ids.js';
import type { GatewayResponseCache } from '../caching/response-cache.js';
import type { GatewayFunctions } from '../functions/function-options.js';
import type { Metrics } from '../observability/index.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import type { SharedPolicies } from '../pipeline/policies.js';
import type { TokenBucket } from '../throttling/index.js';
import type { GatewayThrottler } from '../throttling/throttler.js';
import type { GatewayOptions } from '../types.js';
import type { UsagePlans } from '../usage-plans/index.js';
import type { ApiDefinition } from './definition.js';
import { buildRuntime, type ProgressHub } from './stage-runtime.js';
import type { StageDraft } from './update-stage.js';

/** A deployment: the definition it froze and when. */
export interface Deployment {
  id: string;
  description: string | undefined;
  createdDate: number;
  definition: ApiDefinition;
}

/** One stage: its settings, the runtimes serving it (and its canary), and the state that outlives redeploys. */
export interface StageState extends StageDraft {
  name: string;
  createdDate: number;
  lastUpdatedDate: number;
  main: PipelineDeps;
  /** The canary's runtime while the stage has a canary. */
  canaryDeps: PipelineDeps | undefined;
  accessLog: string[];
  canaryAccessLog: string[];
  /** Seeded draws deciding which requests go to the canary (reproducible per gateway seed and stage). */
  split: IdSource;
  /** Stage caches by deployment: a rollback finds its deployment's entries again (behaviour.md §20.2). */
  caches: Map<string, GatewayResponseCache>;
  /** The stage's throttler with the settings it was built from (kept while they do not change). */
  throttler: { key: string; throttler: GatewayThrottler } | undefined;
}

/** What rebuilding runtimes needs from the gateway. */
export interface GatewayState {
  /** Creation options without the definition and the stage settings: the environment every runtime shares. */
  environment: GatewayOptions;
  functions: GatewayFunctions | undefined;
  deployments: Map<string, Deployment>;
  ids: IdSource | undefined;
  hub: ProgressHub;
  fetch: typeof globalThis.fetch;
  logStreamName: PipelineDeps['logStreamName'];
  accountBucket: TokenBucket | undefined;
  usagePlans: UsagePlans | undefined;
  metrics: Metrics | undefined;
  canaryMetrics: Metrics | undefined;
}

/**
 * (Re)builds a stage's runtimes from its settings and deployments: the stage itself (and, with a canary, the
 * canary's deployment with the stage's variables overlaid by `stageVariableOverrides`). The stage keeps its token
 * buckets while its throttling is unchanged, finds the cache of a deployment it served before, and shares the
 * gateway's account bucket, usage plans and metrics (the canary's reported under `<stage>/Canary`).
 */
export function rebuildStage(gateway: GatewayState, stage: StageState): void {
  const deployment = gateway.deployments.get(stage.deploymentId)!;
  const hasCanary = stage.canary !== undefined;
  stage.main = runtime(gateway, stage, deployment, stage.variables, hasCanary ? false : undefined);
  const canary = stage.canary;
  if (!canary) {
    stage.canaryDeps = undefined;
    return;
  }
  const canaryDeployment = gateway.deployments.get(canary.deploymentId)!;
  const variables = { ...stage.variables, ...canary.stageVariableOverrides };
  stage.canaryDeps = runtime(gateway, stage, canaryDeployment, variables, true);
  // useStageCache false: canary requests skip the cache (behaviour.md §20.2).
  if (!canary.useStageCache) stage.canaryDeps.policies.cache = undefined;
}

function runtime(
  gateway: GatewayState,
  stage: StageState,
  deployment: Deployment,
  variables: Record<string, string>,
  canary: boolean | undefined,
): PipelineDeps {
  const options = {
    ...gateway.environment,
    ...deployment.definition,
    routes: deployment.definition.routes ?? {},
    stage: { name: stage.name, variables },
  } as GatewayOptions;
  if (gateway.functions !== undefined) options.functions = gateway.functions;
  if (stage.throttle !== undefined) options.throttle = stage.throttle;
  if (stage.cache !== undefined) options.cache = stage.cache;
  if (stage.accessLogSettings !== undefined) options.accessLog = stage.accessLogSettings;
  const throttleKey = JSON.stringify([stage.throttle, routeThrottles(deployment)]);
  const shared: SharedPolicies = {
    accountBucket: gateway.accountBucket,
    usagePlans: gateway.usagePlans,
    metrics: canary ? gateway.canaryMetrics : gateway.metrics,
    throttler: canary || stage.throttler?.key === throttleKey ? stage.throttler?.throttler : undefined,
    cache: stage.caches.get(deployment.id),
  };
  const deps = buildRuntime({
    options,
    ids: gateway.ids,
    deploymentId: gateway.ids === undefined ? undefined : deployment.id,
    shared,
    accessLog: canary ? stage.canaryAccessLog : stage.accessLog,
    hub: gateway.hub,
    fetch: gateway.fetch,
    logStreamName: gateway.logStreamName,
    canary,
  });
  // The first runtime's id source and engines become the gateway's.
  gateway.ids ??= deps.config.ids;
  gateway.usagePlans ??= deps.policies.usagePlans;
  gateway.metrics ??= deps.policies.metrics;
  if (!canary) stage.throttler = { key: throttleKey, throttler: deps.policies.throttler };
  if (deps.policies.cache) stage.caches.set(deployment.id, deps.policies.cache);
  return deps;
}

/** The per-route throttle limits a deployment declares (part of what the stage throttler is built from). */
function routeThrottles(deployment: Deployment): unknown[] {
  return Object.entries(deployment.definition.routes ?? {}).flatMap(([key, route]) =>
    typeof route === 'object' && route.throttle !== undefined ? [[key, route.throttle]] : [],
  );
}
