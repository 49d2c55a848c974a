import type { ApiDefinition } from './definition.js';
import { deleteDeployment, deploy, deploymentInfo, snapshot, stageNamed, update } from './deploy.js';
import { type LifecycleState, stageInfo } from './lifecycle-state.js';
import type {
  CreateStageOptions,
  DeploymentInfo,
  DeployOptions,
  StageInfo,
  StagePatchOperation,
  StageSettings,
  UpdateOptions,
} from './lifecycle-types.js';
import {
  createStage,
  deleteCanary,
  deleteStage,
  promoteCanary,
  rollback,
  updateStage,
} from './stage-admin.js';

/**
 * Deployments and stages of a gateway (docs/stages.md): edit the API, deploy it to stages, roll back, run canaries.
 *
 * @example
 * ```ts
 * gateway.update({ routes: { 'GET /owners': listOwners } }); // not live yet
 * const v2 = gateway.deploy({ stage: 'dev', description: 'adds /owners' });
 * gateway.rollback('dev', firstDeploymentId);
 * ```
 */
export interface GatewayLifecycle {
  /**
   * `CreateDeployment`: freezes the current definition; with `stage`, creates that stage or points it at the new
   * deployment; with `canarySettings`, makes it the stage's canary.
   */
  deploy(options?: DeployOptions): DeploymentInfo;
  /** Points the stage back at an earlier deployment (`UpdateStage replace /deploymentId`); it serves at once. */
  rollback(stage: string, deploymentId: string): StageInfo;
  /**
   * Edits the API (`PutRestApi`, `mode` merge — the default — or overwrite): live after the next `deploy`.
   * `functions` change at once (they are Lambda's).
   */
  update(definition: Partial<ApiDefinition> & { functions?: unknown }, options?: UpdateOptions): void;
  /**
   * The current definition (what the next `deploy` freezes), or — given a stage — the definition of the deployment
   * that stage serves (what `exportOpenApi` writes out).
   */
  definition(stage?: string): ApiDefinition;
  /** `GetDeployments`, newest first. */
  deployments(): readonly DeploymentInfo[];
  /** `DeleteDeployment`; refused while a stage or canary serves it. */
  deleteDeployment(deploymentId: string): void;
  /** `GetStage`. */
  stage(name: string): StageInfo;
  /** `GetStages`. */
  stages(): readonly StageInfo[];
  /** `CreateStage` on an existing deployment. */
  createStage(options: CreateStageOptions): StageInfo;
  /** `UpdateStage`: AWS patch operations, or settings by name; applies at once. */
  updateStage(name: string, change: readonly StagePatchOperation[] | StageSettings): StageInfo;
  /** `DeleteStage`. */
  deleteStage(name: string): void;
  /** Promotes the stage's canary the way AWS documents it (deployment and overrides copied, traffic 0). */
  promoteCanary(stage: string): StageInfo;
  /** Deletes the stage's canary (`remove /canarySettings`). */
  deleteCanary(stage: string): StageInfo;
}

/** The lifecycle methods over a gateway's state. */
export function lifecycleMethods(state: LifecycleState): GatewayLifecycle {
  return {
    deploy: (options) => deploy(state, options),
    rollback: (stage, deploymentId) => rollback(state, stage, deploymentId),
    update: (definition, options) => update(state, definition as Record<string, unknown>, options),
    definition: (stage) =>
      stage === undefined
        ? snapshot(state.definition)
        : state.deployments.get(stageNamed(state, stage, 'gateway.definition').deploymentId)!.definition,
    deployments: () =>
      Object.freeze(
        [...state.deployments.values()].reverse().map((deployment) => deploymentInfo(deployment)),
      ),
    deleteDeployment: (id) => deleteDeployment(state, id),
    stage: (name) => stageInfo(state, stageNamed(state, name, 'gateway.stage')),
    stages: () => Object.freeze([...state.stages.values()].map((stage) => stageInfo(state, stage))),
    createStage: (options) => createStage(state, options),
    updateStage: (name, change) => updateStage(state, name, change),
    deleteStage: (name) => deleteStage(state, name),
    promoteCanary: (stage) => promoteCanary(state, stage),
    deleteCanary: (stage) => deleteCanary(state, stage),
  };
}
