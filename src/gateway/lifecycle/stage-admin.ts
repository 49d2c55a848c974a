import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { resolveStageVariables } from '../config/resolve-stage-variables.js';
import { apiError, noSuchDeployment } from './api-errors.js';
import { stageNamed, touch } from './deploy.js';
import { addStage, canaryOf, checkStageName, type LifecycleState, stageInfo } from './lifecycle-state.js';
import type { CreateStageOptions, StageInfo, StagePatchOperation, StageSettings } from './lifecycle-types.js';
import type { StageState } from './stage-state.js';
import { applyPatch, type StageDraft } from './update-stage.js';

const SETTINGS_KEYS = [
  'description',
  'variables',
  'throttle',
  'cache',
  'accessLog',
  'canarySettings',
  'autoDeploy',
];

/** `CreateStage`: a new stage serving an existing deployment. */
export function createStage(state: LifecycleState, options: CreateStageOptions): StageInfo {
  const where = 'gateway.createStage';
  assertKnownOptions(where, options, ['stageName', 'deploymentId', ...SETTINGS_KEYS]);
  const { stageName, deploymentId, ...settings } = options;
  checkStageName(where, stageName, state.apiType);
  if (state.stages.has(stageName)) {
    throw apiError(
      where,
      'ConflictException',
      'Stage already exists',
      `Update ${stageName} with gateway.updateStage, or pick another name.`,
    );
  }
  if (!state.deployments.has(deploymentId)) {
    throw noSuchDeployment(where);
  }
  return stageInfo(state, addStage(state, stageName, deploymentId, settings, where));
}

/**
 * `UpdateStage`: patch operations as AWS takes them, or settings by name (`{ variables, throttle, cache, accessLog,
 * canarySettings, description }`, each replacing the stage's). Stage settings apply at once; no deployment is made.
 */
export function updateStage(
  state: LifecycleState,
  name: string,
  change: readonly StagePatchOperation[] | StageSettings,
): StageInfo {
  const where = 'gateway.updateStage';
  const stage = stageNamed(state, name, where);
  const draft = Array.isArray(change)
    ? applyPatch(stage, change, {
        where,
        apiType: state.apiType === 'HTTP' ? 'HTTP' : 'REST',
        hasDeployment: (id) => state.deployments.has(id),
      })
    : settingsDraft(state, stage, change as StageSettings, where);
  commit(state, stage, draft);
  return stageInfo(state, stage);
}

function settingsDraft(
  state: LifecycleState,
  stage: StageState,
  settings: StageSettings,
  where: string,
): StageDraft {
  if (typeof settings !== 'object' || settings === null) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_UPDATE',
      `${where}: give patch operations or an object of stage settings`,
      "Write updateStage('prod', { variables: { alias: 'v2' } }) or updateStage('prod', [{ op: 'replace', path: '/variables/alias', value: 'v2' }]).",
    );
  }
  assertKnownOptions(where, settings, SETTINGS_KEYS);
  const draft: StageDraft = { ...stage };
  if ('description' in settings) draft.description = settings.description;
  if (settings.variables !== undefined)
    draft.variables = { ...(resolveStageVariables(settings.variables) ?? {}) };
  if ('throttle' in settings) draft.throttle = settings.throttle;
  if ('cache' in settings) draft.cache = settings.cache ?? undefined;
  if ('accessLog' in settings) draft.accessLogSettings = settings.accessLog ?? undefined;
  if (settings.autoDeploy !== undefined) draft.autoDeploy = settings.autoDeploy;
  if (settings.canarySettings !== undefined) {
    draft.canary = canaryOf(state, settings.canarySettings, stage.deploymentId, where);
  }
  return draft;
}

/** Applies a draft to the stage and rebuilds its runtimes; on a refusal the stage is left as it was. */
function commit(state: LifecycleState, stage: StageState, draft: StageDraft): void {
  const before: StageDraft = { ...stage };
  const cacheChanged = JSON.stringify(before.cache) !== JSON.stringify(draft.cache);
  Object.assign(stage, draft);
  try {
    if (cacheChanged) stage.caches = new Map();
    touch(state, stage);
  } catch (error) {
    Object.assign(stage, before);
    touch(state, stage);
    throw error;
  }
}

/** `DeleteStage`. */
export function deleteStage(state: LifecycleState, name: string): void {
  stageNamed(state, name, 'gateway.deleteStage');
  state.stages.delete(name);
  state.changed();
}

/** Rollback: `UpdateStage replace /deploymentId` (the older snapshot serves at once). */
export function rollback(state: LifecycleState, name: string, deploymentId: string): StageInfo {
  return updateStage(state, name, [{ op: 'replace', path: '/deploymentId', value: deploymentId }]);
}

/** Canary promotion as AWS documents it: one `UpdateStage` with the two copies and percentTraffic 0. */
export function promoteCanary(state: LifecycleState, name: string): StageInfo {
  return updateStage(state, name, [
    { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
    { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
    { op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' },
  ]);
}

/** Deletes the canary: `UpdateStage remove /canarySettings`. */
export function deleteCanary(state: LifecycleState, name: string): StageInfo {
  return updateStage(state, name, [{ op: 'remove', path: '/canarySettings' }]);
}
