import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { resolveStageVariables } from '../config/resolve-stage-variables.js';
import type { GatewayFunctions } from '../functions/function-options.js';
import type { GatewayOptions } from '../types.js';
import { apiError, noSuchStage } from './api-errors.js';
import { type ApiDefinition, apiSummary, DEFINITION_KEYS, updatedDefinition } from './definition.js';
import { addStage, canaryOf, checkStageName, type LifecycleState } from './lifecycle-state.js';
import type { DeploymentInfo, DeployOptions, UpdateOptions } from './lifecycle-types.js';
import { buildRuntime } from './stage-runtime.js';
import { type Deployment, rebuildStage } from './stage-state.js';

const DEPLOY_KEYS = ['stage', 'stageName', 'description', 'stageDescription', 'variables', 'canarySettings'];
const CANARY_KEYS = ['percentTraffic', 'stageVariableOverrides', 'useStageCache'];
const STAGE_SETTINGS = ['stage', 'stages', 'throttle', 'cache', 'accessLog'];

/**
 * `CreateDeployment` (behaviour.md §8.1, §20.1): freezes the current definition; with a stage, creates the stage or
 * points it at the new deployment; with `canarySettings`, makes the deployment the existing stage's canary.
 */
export function deploy(state: LifecycleState, options: DeployOptions = {}): DeploymentInfo {
  const where = 'gateway.deploy';
  assertKnownOptions(where, options, DEPLOY_KEYS);
  if (options.stage !== undefined && options.stageName !== undefined && options.stage !== options.stageName) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      `${where}: stage ${JSON.stringify(options.stage)} and stageName ${JSON.stringify(options.stageName)} differ`,
      'Give the stage once (stage is our spelling, stageName AWS’s).',
    );
  }
  const stageName = options.stage ?? options.stageName;
  const canary = options.canarySettings;
  if (canary !== undefined) {
    assertKnownOptions(`${where}: canarySettings`, canary, CANARY_KEYS);
    if (stageName === undefined || stageName === '') {
      throw apiError(
        where,
        'BadRequestException',
        `Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is ${stageName === undefined ? 'null' : ''}`,
        'Name the stage the canary belongs to: deploy({ stage, canarySettings }).',
      );
    }
    if (!state.stages.has(stageName)) {
      throw apiError(
        where,
        'BadRequestException',
        `Invalid deployment content specified.Stage ${stageName} must already be created before making a canary release deployment`,
        `Deploy to ${stageName} without canarySettings first.`,
      );
    }
  }
  if (stageName !== undefined) checkStageName(where, stageName, state.apiType);
  const variables = resolveStageVariables(options.variables) ?? {};
  const deployment = record(state, options.description);
  if (stageName === undefined) return deploymentInfo(deployment);
  const stage = state.stages.get(stageName);
  try {
    if (stage === undefined) {
      addStage(
        state,
        stageName,
        deployment.id,
        {
          variables,
          ...(options.stageDescription === undefined ? {} : { description: options.stageDescription }),
        },
        where,
      );
    } else if (canary !== undefined) {
      // The new deployment becomes the canary; the stage keeps its own; earlier canary settings are replaced.
      stage.canary = canaryOf(state, { ...canary, deploymentId: deployment.id }, stage.deploymentId, where);
      Object.assign(stage.variables, variables);
      touch(state, stage);
    } else {
      if (stage.canary !== undefined) {
        throw apiError(
          where,
          'BadRequestException',
          `Stage ${stageName} has a canary: it cannot be pointed at a new deployment`,
          'Promote the canary (gateway.promoteCanary) or delete it (gateway.deleteCanary) first, or deploy with canarySettings.',
        );
      }
      stage.deploymentId = deployment.id;
      Object.assign(stage.variables, variables);
      touch(state, stage);
    }
  } catch (error) {
    state.deployments.delete(deployment.id);
    throw error;
  }
  return deploymentInfo(deployment);
}

/** Records the current definition as a new deployment. */
function record(state: LifecycleState, description: string | undefined): Deployment {
  const id = state.ids!.alphanumeric(6);
  const definition = snapshot(state.definition);
  const deployment: Deployment = { id, description, createdDate: state.clock.now(), definition };
  state.deployments.set(id, deployment);
  return deployment;
}

/** A copy a later edit of the caller's objects cannot change (routes and named maps are copied). */
export function snapshot(definition: ApiDefinition): ApiDefinition {
  const out: Record<string, unknown> = { ...definition };
  for (const key of ['routes', 'authorizers', 'models', 'requestValidators', 'gatewayResponses'] as const) {
    if (definition[key] !== undefined) out[key] = { ...(definition[key] as object) };
  }
  return Object.freeze(out) as ApiDefinition;
}

/** Rebuilds a stage after a change and dates it. */
export function touch(state: LifecycleState, stage: Parameters<typeof rebuildStage>[1]): void {
  rebuildStage(state, stage);
  stage.lastUpdatedDate = state.clock.now();
  state.changed();
}

/** `GetDeployment` of one record. */
export function deploymentInfo(deployment: Deployment): DeploymentInfo {
  return Object.freeze({
    id: deployment.id,
    description: deployment.description,
    createdDate: deployment.createdDate,
    apiSummary: apiSummary(deployment.definition),
  });
}

/**
 * Edits the API (`PutRestApi` with `mode`): nothing changes for clients until the next deployment, except `functions`
 * (Lambda's, not API Gateway's), which every stage sees at once, and HTTP stages with `autoDeploy`. The new definition
 * is compiled once right away, so a mistake is reported here and not at deploy time.
 */
export function update(
  state: LifecycleState,
  change: Record<string, unknown>,
  options: UpdateOptions = {},
): void {
  const where = 'gateway.update';
  if (typeof change !== 'object' || change === null) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_UPDATE',
      `${where}: the change must be an object of API options`,
      "Write gateway.update({ routes: { 'GET /owners': handler } }).",
    );
  }
  assertKnownOptions(`${where}: options`, options, ['mode']);
  for (const key of Object.keys(change)) {
    if ((DEFINITION_KEYS as readonly string[]).includes(key) || key === 'functions') continue;
    throw new GatewayConfigError(
      'GATEWAY_INVALID_UPDATE',
      `${where}: ${key} is not part of the API definition`,
      STAGE_SETTINGS.includes(key)
        ? `${key} is a stage setting: change it with gateway.updateStage(name, { … }) (applies at once).`
        : `${key} is fixed when the gateway is created; create a new gateway to change it.`,
      { option: key },
    );
  }
  const definition = updatedDefinition(state.definition, change, options);
  const functions =
    change.functions === undefined
      ? state.functions
      : options.mode === 'overwrite'
        ? (change.functions as GatewayFunctions)
        : { ...state.functions, ...(change.functions as GatewayFunctions) };
  const primary = state.stages.get(state.primary) ?? [...state.stages.values()][0];
  // Compile once with a stage's settings: the same validation createGateway does.
  buildRuntime({
    options: {
      ...state.environment,
      ...definition,
      routes: definition.routes ?? {},
      ...(functions === undefined ? {} : { functions }),
      stage: { name: primary?.name ?? state.primary, variables: primary?.variables ?? {} },
    } as GatewayOptions,
    ids: state.ids,
    deploymentId: 'update',
    shared: { accountBucket: state.accountBucket, usagePlans: state.usagePlans, metrics: state.metrics },
    accessLog: [],
    hub: state.hub,
    fetch: state.fetch,
    logStreamName: state.logStreamName,
    canary: undefined,
  });
  state.definition = definition;
  if (functions !== state.functions) {
    state.functions = functions;
    for (const stage of state.stages.values()) touch(state, stage);
  }
  for (const stage of state.stages.values()) {
    if (stage.autoDeploy) deploy(state, { stage: stage.name, description: 'autoDeploy' });
  }
}

/** `DeleteDeployment`: refused while a stage (or a canary) serves it (recorded text). */
export function deleteDeployment(state: LifecycleState, id: string): void {
  const where = 'gateway.deleteDeployment';
  if (!state.deployments.has(id)) {
    throw apiError(
      where,
      'NotFoundException',
      'Invalid Deployment identifier specified',
      'Name a deployment of gateway.deployments().',
    );
  }
  const users = [...state.stages.values()].filter(
    (s) => s.deploymentId === id || s.canary?.deploymentId === id,
  );
  if (users.length > 0) {
    throw apiError(
      where,
      'BadRequestException',
      'Active stages pointing to this deployment must be moved or deleted',
      `Point ${users.map((s) => s.name).join(', ')} at another deployment (gateway.rollback) or delete the stage first.`,
    );
  }
  state.deployments.delete(id);
}

/** `GetStage` by name, refusing an unknown one as AWS does. */
export function stageNamed(state: LifecycleState, name: string, where: string) {
  const stage = state.stages.get(name);
  if (!stage) throw noSuchStage(where, name, [...state.stages.keys()]);
  return stage;
}
