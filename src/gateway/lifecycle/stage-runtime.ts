import type { IdSource } from '../../ids/ids.js';
import { resolveOptions } from '../config/resolve-options.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { createPolicies, type SharedPolicies } from '../pipeline/policies.js';
import type { GatewayOptions } from '../types.js';

/** The hooks every runtime of a gateway shares (`gateway.nextRequest()` sets them on this one object). */
export interface ProgressHub {
  onIntegrationArmed?: (() => void) | undefined;
  onAnswered?: ((status: number) => void) | undefined;
}

/** What one runtime needs besides its options. */
export interface RuntimeInput {
  /** Complete `createGateway` options of this runtime: environment, a deployment's definition, one stage's settings. */
  options: GatewayOptions;
  /** The gateway's request-id source; `undefined` for the first runtime, whose own source becomes it. */
  ids: IdSource | undefined;
  /** The deployment it serves (`$context.deploymentId`); `undefined` keeps the id the first runtime drew. */
  deploymentId: string | undefined;
  shared: SharedPolicies;
  accessLog: string[];
  hub: ProgressHub;
  fetch: typeof globalThis.fetch;
  logStreamName: PipelineDeps['logStreamName'];
  canary: boolean | undefined;
}

/**
 * Builds the pipeline dependencies of one stage (or one stage's canary) serving one deployment: the options are
 * validated and compiled exactly as `createGateway` always did, so the per-request pipeline reads one stage's settings
 * and pays nothing for the lifecycle around it. The hooks of `gateway.nextRequest()` come from `hub` through the
 * prototype, so one `nextRequest()` watches every stage.
 */
export function buildRuntime(input: RuntimeInput): PipelineDeps {
  const config = resolveOptions(input.options);
  if (input.ids !== undefined) config.ids = input.ids;
  if (input.deploymentId !== undefined) config.deploymentId = input.deploymentId;
  const policies = createPolicies(input.options, config, input.shared);
  const deps = Object.create(input.hub) as PipelineDeps;
  deps.config = config;
  deps.policies = policies;
  deps.accessLog = input.accessLog;
  deps.fetch = input.fetch;
  deps.logStreamName = input.logStreamName;
  deps.canary = input.canary;
  return deps;
}
