import type { CacheStageOptions } from '../caching/index.js';
import type { GatewayThrottleOptions } from '../types.js';

/**
 * A canary of a REST stage (`Stage.canarySettings`, behaviour.md §8.3, §20.2): a share of the stage's requests runs
 * another deployment, with stage variables overridden.
 *
 * @example
 * ```ts
 * const canary: CanarySettings = { percentTraffic: 10, stageVariableOverrides: { alias: 'next' } };
 * ```
 */
export interface CanarySettings {
  /** The canary's deployment. `deploy({ stage, canarySettings })` sets it to the new deployment. */
  deploymentId?: string;
  /** Share of the stage's requests sent to the canary, 0.0–100.0. Default 0. */
  percentTraffic?: number;
  /** Stage variables the canary sees instead of (or beside) the stage's. */
  stageVariableOverrides?: Record<string, string>;
  /** Canary requests use the stage cache (default false: they skip it). */
  useStageCache?: boolean;
}

/**
 * A stage's settings, which apply at once (no deployment needed, behaviour.md §20.1): variables, throttling, cache,
 * access log, description.
 *
 * @example
 * ```ts
 * const prod: StageSettings = { variables: { alias: 'live' }, throttle: { stage: { rateLimit: 100, burstLimit: 50 } } };
 * ```
 */
export interface StageSettings {
  description?: string;
  /** Stage variables (`event.stageVariables`, `$stageVariables`, `${stageVariables.x}` in URIs and ARNs). */
  variables?: Record<string, string>;
  /** Stage and per-method throttling (the account bucket is the gateway's, see `createAccount`). */
  throttle?: Omit<GatewayThrottleOptions, 'account'>;
  /** REST stage cache (`cacheClusterEnabled` with its settings); `null` turns an inherited cache off. */
  cache?: CacheStageOptions | null;
  /** Access log format of the stage; `null` turns an inherited access log off. */
  accessLog?: { format: string } | null;
  /** REST canary (needs an existing deployment for `deploymentId`, or `deploy({ stage, canarySettings })`). */
  canarySettings?: CanarySettings;
  /** HTTP APIs: every `gateway.update()` deploys to this stage at once (`AutoDeploy`). Default false. */
  autoDeploy?: boolean;
}

/**
 * `gateway.deploy()` options (`CreateDeployment`): without a stage it only records the snapshot.
 *
 * @example
 * ```ts
 * const options: DeployOptions = { stage: 'prod', description: 'v2: adds /owners' };
 * ```
 */
export interface DeployOptions {
  /** The stage to create or point at the new deployment (AWS's `stageName`; both spellings are accepted). */
  stage?: string;
  stageName?: string;
  /** The deployment's description. */
  description?: string;
  /** Description of a stage this deployment creates. */
  stageDescription?: string;
  /** Stage variables set on the stage (merged into an existing stage's variables). */
  variables?: Record<string, string>;
  /**
   * Make the new deployment the stage's canary instead of repointing the stage (the stage must exist); replaces an
   * existing canary's settings wholesale.
   */
  canarySettings?: Omit<CanarySettings, 'deploymentId'>;
}

/**
 * One deployment (`GetDeployment`): an immutable snapshot of the API.
 *
 * @example
 * ```ts
 * const [latest]: readonly DeploymentInfo[] = gateway.deployments();
 * latest.apiSummary['/pets'].GET; // { authorizationType: 'NONE', apiKeyRequired: false }
 * ```
 */
export interface DeploymentInfo {
  readonly id: string;
  readonly description: string | undefined;
  /** Clock time of the deployment (epoch ms). */
  readonly createdDate: number;
  /** `{ path: { METHOD: { authorizationType, apiKeyRequired } } }` of the snapshot. */
  readonly apiSummary: Readonly<
    Record<string, Readonly<Record<string, { authorizationType: string; apiKeyRequired: boolean }>>>
  >;
}

/**
 * A stage as `GetStage` describes it.
 *
 * @example
 * ```ts
 * const prod: StageInfo = gateway.stage('prod');
 * prod.deploymentId; // the deployment it serves
 * ```
 */
export interface StageInfo {
  readonly stageName: string;
  readonly deploymentId: string;
  readonly description: string | undefined;
  readonly variables: Readonly<Record<string, string>>;
  /** Absent when the stage has no canary (as `GetStage` omits it). */
  readonly canarySettings?: Readonly<Required<Omit<CanarySettings, 'stageVariableOverrides'>>> & {
    readonly stageVariableOverrides?: Readonly<Record<string, string>>;
  };
  readonly autoDeploy: boolean;
  /** Epoch ms. */
  readonly createdDate: number;
  readonly lastUpdatedDate: number;
  /** `https://{apiId}.execute-api.{region}.amazonaws.com/{stage}` (HTTP `$default`: no stage segment). */
  readonly invokeUrl: string;
}

/**
 * `gateway.createStage()` options (`CreateStage`).
 *
 * @example
 * ```ts
 * gateway.createStage({ stageName: 'beta', deploymentId: gateway.deployments()[0].id, variables: { alias: 'beta' } });
 * ```
 */
export interface CreateStageOptions extends StageSettings {
  stageName: string;
  deploymentId: string;
}

/**
 * One `UpdateStage` patch operation (JSON-Patch style, as AWS takes them): `/deploymentId`, `/description`,
 * `/variables/{name}`, `/canarySettings/…`, the two promotion copies, throttling and caching method settings,
 * `/cacheClusterEnabled`, `/accessLogSettings/format`.
 *
 * @example
 * ```ts
 * const rollback: StagePatchOperation = { op: 'replace', path: '/deploymentId', value: 'abc123' };
 * ```
 */
export interface StagePatchOperation {
  op: 'add' | 'remove' | 'replace' | 'copy';
  path: string;
  value?: string;
  from?: string;
}

/**
 * How `gateway.update()` applies a new definition (behaviour.md §17.7): `merge` (AWS's default) replaces the routes
 * and named entries it gives and keeps the rest; `overwrite` replaces the whole definition.
 *
 * @example
 * ```ts
 * gateway.update({ routes: { 'GET /owners': listOwners } }, { mode: 'merge' });
 * ```
 */
export interface UpdateOptions {
  mode?: 'merge' | 'overwrite';
}

/**
 * Per-request options of `gateway.fetch` / `gateway.handle` for tests.
 *
 * @example
 * ```ts
 * await gateway.fetch('/prod/pets', {}, { canary: true }); // served by prod's canary, whatever percentTraffic says
 * ```
 */
export interface GatewayRequestOptions {
  /** Force the request to the stage's canary (`true`) or away from it (`false`) instead of the seeded draw. */
  canary?: boolean;
}
