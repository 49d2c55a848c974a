import type { CanarySettings } from '../lifecycle/lifecycle-types.js';

/** Stage of the API. */
export interface StageOptions {
  /** REST default `'dev'`; HTTP default `'$default'` (no path prefix). */
  name?: string;
  /** Stage variables (`event.stageVariables`). */
  variables?: Record<string, string>;
  description?: string;
  /**
   * REST: a canary on this stage from the start: the same deployment with `stageVariableOverrides` (a canary of a
   * new deployment comes from `gateway.deploy({ stage, canarySettings })`). docs/stages.md.
   */
  canarySettings?: CanarySettings;
  /** HTTP APIs: `gateway.update()` deploys to this stage at once. Default false. */
  autoDeploy?: boolean;
}
