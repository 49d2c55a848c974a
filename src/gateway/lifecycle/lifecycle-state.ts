import type { Clock } from '../../clock/clock.js';
import { GatewayConfigError } from '../../errors/families.js';
import { createIdSource } from '../../ids/ids.js';
import { resolveStageVariables, STAGE_NAME } from '../config/resolve-stage-variables.js';
import type { ApiType } from '../types.js';
import { apiError, noSuchDeployment } from './api-errors.js';
import type { ApiDefinition } from './definition.js';
import type { CanarySettings, StageInfo, StageSettings } from './lifecycle-types.js';
import { type GatewayState, rebuildStage, type StageState } from './stage-state.js';
import type { CanaryState, StageDraft } from './update-stage.js';

/** Stages per API (behaviour.md §8.1). */
export const MAX_STAGES = 10;

/** Everything the lifecycle of one gateway holds. */
export interface LifecycleState extends GatewayState {
  apiType: ApiType;
  clock: Clock;
  seed: string | number;
  /** The current (editable, undeployed) definition. */
  definition: ApiDefinition;
  stages: Map<string, StageState>;
  /** The stage `gateway.url()`, `accessLog` and `info` refer to. */
  primary: string;
  /** The only stage, while there is exactly one (the dispatcher's fast path). */
  single: StageState | undefined;
  /** The stage settings given at the top level of the options: the defaults of other stages. */
  defaults: Pick<StageDraft, 'throttle' | 'cache' | 'accessLogSettings'>;
  /** `https://{apiId}.execute-api.{region}.amazonaws.com`. */
  origin: string;
  /** Called after the stages changed (the dispatcher keeps a fast path for one stage). */
  changed(): void;
}

/** Validates a stage name as `CreateStage` does (HTTP APIs also have `$default`). */
export function checkStageName(where: string, name: unknown, apiType: ApiType): string {
  if (typeof name === 'string' && (STAGE_NAME.test(name) || (apiType === 'HTTP' && name === '$default'))) {
    return name;
  }
  throw new GatewayConfigError(
    'GATEWAY_INVALID_STAGE',
    `${where}: invalid stage name ${JSON.stringify(name)}`,
    `Use 1–128 letters, digits, "-" or "_"${apiType === 'HTTP' ? ", or '$default'" : ''}.`,
  );
}

/**
 * Creates a stage serving `deploymentId` with `settings` (what they leave out comes from the top-level options) and
 * builds its runtimes.
 */
export function addStage(
  state: LifecycleState,
  name: string,
  deploymentId: string,
  settings: StageSettings,
  where: string,
): StageState {
  if (state.stages.size >= MAX_STAGES) {
    throw apiError(
      where,
      'LimitExceededException',
      `An API can have at most ${MAX_STAGES} stages`,
      'Delete a stage first (a fixed quota of API Gateway).',
    );
  }
  const now = state.clock.now();
  const stage = {
    name,
    description: settings.description,
    deploymentId,
    variables: { ...(resolveStageVariables(settings.variables) ?? {}) },
    canary: undefined,
    throttle: settings.throttle ?? state.defaults.throttle,
    cache: settings.cache === null ? undefined : (settings.cache ?? state.defaults.cache),
    accessLogSettings:
      settings.accessLog === null ? undefined : (settings.accessLog ?? state.defaults.accessLogSettings),
    autoDeploy: settings.autoDeploy === true,
    createdDate: now,
    lastUpdatedDate: now,
    accessLog: [],
    canaryAccessLog: [],
    split: createIdSource({ seed: `${String(state.seed)}/canary/${name}` }),
    caches: new Map(),
    throttler: undefined,
  } as unknown as StageState;
  if (settings.autoDeploy !== undefined && state.apiType !== 'HTTP') {
    throw new GatewayConfigError(
      'GATEWAY_HTTP_ONLY',
      `${where}: autoDeploy is an HTTP API stage setting`,
      'REST stages are deployed with gateway.deploy({ stage }).',
      { option: 'autoDeploy' },
    );
  }
  if (settings.canarySettings !== undefined) {
    stage.canary = canaryOf(state, settings.canarySettings, deploymentId, where);
  }
  state.stages.set(name, stage);
  try {
    rebuildStage(state, stage);
  } catch (error) {
    state.stages.delete(name);
    throw error;
  }
  state.changed();
  return stage;
}

/** A canary from its settings (behaviour.md §20.2): the stage's deployment unless another is named. */
export function canaryOf(
  state: LifecycleState,
  settings: CanarySettings,
  stageDeployment: string,
  where: string,
): CanaryState {
  if (state.apiType !== 'REST') {
    throw new GatewayConfigError(
      'GATEWAY_REST_ONLY',
      `${where}: canarySettings: HTTP APIs have no canary releases (AWS offers them on REST APIs only)`,
      'Remove canarySettings, or use two stages.',
      { option: 'canarySettings' },
    );
  }
  const deploymentId = settings.deploymentId ?? stageDeployment;
  if (!state.deployments.has(deploymentId)) {
    throw noSuchDeployment(where);
  }
  const share = settings.percentTraffic ?? 0;
  if (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 100) {
    throw apiError(
      where,
      'BadRequestException',
      `Invalid value for percentTraffic: ${String(share)}. It must be between 0.0 and 100.0`,
      'Give a share of the requests from 0.0 to 100.0.',
    );
  }
  return {
    deploymentId,
    percentTraffic: share,
    stageVariableOverrides: { ...(resolveStageVariables(settings.stageVariableOverrides) ?? {}) },
    useStageCache: settings.useStageCache === true,
  };
}

/** `GetStage`. */
export function stageInfo(state: LifecycleState, stage: StageState): StageInfo {
  const c = stage.canary;
  const info: StageInfo = {
    stageName: stage.name,
    deploymentId: stage.deploymentId,
    description: stage.description,
    variables: { ...stage.variables },
    autoDeploy: stage.autoDeploy,
    createdDate: stage.createdDate,
    lastUpdatedDate: stage.lastUpdatedDate,
    invokeUrl: stage.name === '$default' ? state.origin : `${state.origin}/${stage.name}`,
    ...(c
      ? {
          canarySettings: {
            deploymentId: c.deploymentId,
            percentTraffic: c.percentTraffic,
            useStageCache: c.useStageCache,
            // GetStage leaves stageVariableOverrides out when there are none (recorded).
            ...(Object.keys(c.stageVariableOverrides).length > 0
              ? { stageVariableOverrides: { ...c.stageVariableOverrides } }
              : {}),
          },
        }
      : {}),
  };
  return info;
}
