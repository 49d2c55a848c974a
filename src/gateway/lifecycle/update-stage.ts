import type { CacheStageOptions } from '../caching/index.js';
import { resolveStageVariables } from '../config/resolve-stage-variables.js';
import type { GatewayThrottleOptions } from '../types.js';
import { apiError, noSuchDeployment } from './api-errors.js';
import type { StagePatchOperation } from './lifecycle-types.js';

/** A stage's canary, defaults filled. */
export interface CanaryState {
  deploymentId: string;
  percentTraffic: number;
  stageVariableOverrides: Record<string, string>;
  useStageCache: boolean;
}

/** The settings of a stage that `UpdateStage` changes. */
export interface StageDraft {
  description: string | undefined;
  deploymentId: string;
  variables: Record<string, string>;
  canary: CanaryState | undefined;
  throttle: Omit<GatewayThrottleOptions, 'account'> | undefined;
  cache: CacheStageOptions | undefined;
  accessLogSettings: { format: string } | undefined;
  autoDeploy: boolean;
}

// AWS's own list, as its message prints it (run-together entries included): LocalStack's AWS-validated snapshot.
const VALID_PATHS =
  '[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]';
const CANARY_FIELDS = ['deploymentId', 'percentTraffic', 'useStageCache', 'stageVariableOverrides'];
const METHOD_SETTING =
  /^\/(.+)\/([A-Z*]+)\/(throttling|caching)\/(rateLimit|burstLimit|ttlInSeconds|enabled)$/;

/** What applying patch operations needs from the gateway. */
export interface PatchContext {
  where: string;
  hasDeployment(id: string): boolean;
  apiType: 'REST' | 'HTTP';
}

/**
 * Applies `UpdateStage` patch operations to a copy of the stage (all or nothing), with AWS's semantics and refusals
 * (behaviour.md §8.3, §20.1, §20.2): rollback by `/deploymentId`, variables, canary fields (a canary is created by
 * its first `replace`), the two promotion copies, `remove /canarySettings`, stage-wide and per-method throttling and
 * caching, the cache cluster and the access-log format.
 */
export function applyPatch(
  stage: StageDraft,
  operations: readonly StagePatchOperation[],
  at: PatchContext,
): StageDraft {
  const draft: StageDraft = {
    ...stage,
    variables: { ...stage.variables },
    canary: stage.canary && {
      ...stage.canary,
      stageVariableOverrides: { ...stage.canary.stageVariableOverrides },
    },
  };
  for (const operation of operations) apply(draft, operation, at);
  resolveStageVariables(draft.variables);
  if (draft.canary) resolveStageVariables(draft.canary.stageVariableOverrides);
  return draft;
}

function apply(draft: StageDraft, operation: StagePatchOperation, at: PatchContext): void {
  const { op, path } = operation;
  const value = operation.value;
  const bad = (message: string, hint = 'Fix the patch operation (docs/stages.md lists the paths).') =>
    apiError(at.where, 'BadRequestException', message, hint);
  if (!['add', 'remove', 'replace', 'copy'].includes(op)) {
    throw bad(`Invalid patch operation specified. Must be one of: [add, remove, replace, copy]`);
  }
  if (op === 'copy') {
    copy(draft, operation, bad);
    return;
  }
  if (path === '/deploymentId' && op === 'replace') {
    if (value === undefined || !at.hasDeployment(value)) throw noSuchDeployment(at.where);
    if (draft.canary && value !== draft.canary.deploymentId && value !== draft.deploymentId) {
      throw bad(
        'The stage has a canary: it cannot be pointed at another deployment than its own or the canary’s',
        'Promote the canary (gateway.promoteCanary) or delete it (gateway.deleteCanary) first, as AWS requires.',
      );
    }
    draft.deploymentId = value;
    return;
  }
  if (path === '/description' && op !== 'add') {
    draft.description = op === 'remove' ? undefined : value;
    return;
  }
  if (path.startsWith('/variables/')) {
    const name = path.slice('/variables/'.length);
    if (op === 'remove') delete draft.variables[name];
    else draft.variables[name] = value ?? '';
    return;
  }
  if (path === '/canarySettings' || path.startsWith('/canarySettings/')) {
    canary(draft, operation, at, bad);
    return;
  }
  const method = METHOD_SETTING.exec(path);
  if (method && op === 'replace') {
    methodSetting(draft, method, value, bad);
    return;
  }
  if (path === '/cacheClusterEnabled' && op === 'replace') {
    draft.cache = value === 'true' ? { ...draft.cache } : undefined;
    return;
  }
  if (path === '/cacheClusterSize' && op === 'replace') {
    draft.cache = { ...draft.cache, cacheClusterSize: Number(value) as never };
    return;
  }
  if (path === '/accessLogSettings/format' && op === 'replace') {
    draft.accessLogSettings = { format: value ?? '' };
    return;
  }
  if (path === '/accessLogSettings' && op === 'remove') {
    draft.accessLogSettings = undefined;
    return;
  }
  throw bad(`Invalid method setting path: ${path}. Must be one of: ${VALID_PATHS}`);
}

function canary(
  draft: StageDraft,
  operation: StagePatchOperation,
  at: PatchContext,
  bad: (message: string, hint?: string) => Error,
): void {
  const { op, path, value } = operation;
  if (at.apiType === 'HTTP') {
    throw bad(
      'Canary settings are not supported for HTTP APIs',
      'HTTP APIs have no canaries (AWS: REST only).',
    );
  }
  const field = path.split('/')[2];
  if (path === '/canarySettings' && op === 'remove') {
    if (!draft.canary) throw bad(noSetting('canarySettings'));
    draft.canary = undefined;
    return;
  }
  if (field === undefined || !CANARY_FIELDS.includes(field)) {
    throw bad(`Invalid method setting path: ${path}. Must be one of: ${VALID_PATHS}`);
  }
  const variable = path.split('/').slice(3).join('/');
  if (op === 'remove') {
    const present =
      field === 'stageVariableOverrides'
        ? variable !== '' && draft.canary?.stageVariableOverrides[variable] !== undefined
        : false;
    if (!present) throw bad(noSetting(path.slice(1)));
    delete draft.canary!.stageVariableOverrides[variable];
    return;
  }
  if (field === 'deploymentId' && op === 'add') {
    throw bad('Invalid add operation with path: /canarySettings/deploymentId');
  }
  // The first change creates the canary: the stage's deployment, no traffic, no stage cache (recorded).
  draft.canary ??= {
    deploymentId: draft.deploymentId,
    percentTraffic: 0,
    stageVariableOverrides: {},
    useStageCache: false,
  };
  const c = draft.canary;
  if (field === 'deploymentId') {
    if (value === undefined || !at.hasDeployment(value)) throw noSuchDeployment(at.where);
    c.deploymentId = value;
  } else if (field === 'percentTraffic') {
    const share = Number(value);
    if (value === undefined || value === '' || !Number.isFinite(share) || share < 0 || share > 100) {
      throw bad(`Invalid value for percentTraffic: ${String(value)}. It must be between 0.0 and 100.0`);
    }
    c.percentTraffic = share;
  } else if (field === 'useStageCache') {
    c.useStageCache = value === 'true';
  } else if (variable !== '') {
    c.stageVariableOverrides[variable] = value ?? '';
  } else {
    throw bad(`Invalid method setting path: ${path}. Must be one of: ${VALID_PATHS}`);
  }
}

function copy(
  draft: StageDraft,
  operation: StagePatchOperation,
  bad: (message: string, hint?: string) => Error,
): void {
  const { path, from } = operation;
  const promotion =
    (from === '/canarySettings/deploymentId' && path === '/deploymentId') ||
    (from === '/canarySettings/stageVariableOverrides' && path === '/variables');
  if (!promotion) {
    throw bad(
      `Invalid copy operation with path: ${path} and from ${String(from)}. Valid copy:path are [/deploymentId, /variables] and valid copy:from are [/canarySettings/deploymentId, /canarySettings/stageVariableOverrides]`,
    );
  }
  const c = draft.canary;
  if (!c) {
    throw bad(
      'Promotion not available. Canary does not exist.',
      'Create a canary first (deploy with canarySettings).',
    );
  }
  // Promotion merges the overrides into the stage's variables (recorded): others stay.
  if (path === '/deploymentId') draft.deploymentId = c.deploymentId;
  else Object.assign(draft.variables, c.stageVariableOverrides);
}

function methodSetting(
  draft: StageDraft,
  match: RegExpExecArray,
  value: string | undefined,
  bad: (message: string) => Error,
): void {
  const [, rawPath = '', method = '', kind, name] = match;
  const all = rawPath === '*' && method === '*';
  const resource = `/${rawPath.replaceAll('~1', '/').replaceAll('~0', '~').replace(/^\/+/, '')}`;
  const number = Number(value);
  if (name !== 'enabled' && (value === undefined || !Number.isFinite(number))) {
    throw bad(`Invalid value for ${name}: ${String(value)}`);
  }
  if (kind === 'throttling') {
    const limit = name === 'rateLimit' ? { rateLimit: number } : { burstLimit: number };
    const throttle = { ...draft.throttle };
    if (all) throttle.stage = { ...fullLimit(throttle.stage), ...limit };
    else {
      const key = `${method} ${resource}`;
      throttle.methods = { ...throttle.methods, [key]: { ...fullLimit(throttle.methods?.[key]), ...limit } };
    }
    draft.throttle = throttle;
    return;
  }
  const setting = name === 'enabled' ? { cachingEnabled: value === 'true' } : { ttlInSeconds: number };
  const cache = { ...draft.cache };
  if (all) Object.assign(cache, setting);
  else {
    const key = `${method} ${resource}`;
    cache.routes = { ...cache.routes, [key]: { ...cache.routes?.[key], ...setting } };
  }
  draft.cache = cache;
}

/** A throttle entry needs both limits: AWS's defaults for the half not given (10 000 rps, 5 000 burst). */
function fullLimit(limit: { rateLimit?: number; burstLimit?: number } | undefined) {
  return { rateLimit: limit?.rateLimit ?? 10_000, burstLimit: limit?.burstLimit ?? 5_000 };
}

function noSetting(path: string): string {
  // The trailing space is AWS's (recorded).
  return `Cannot remove method setting ${path} because there is no method setting for this method `;
}
