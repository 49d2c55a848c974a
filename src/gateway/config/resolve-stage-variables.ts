import { GatewayConfigError } from '../../errors/families.js';

/** Stage names API Gateway accepts (1–128 letters, digits, `-`, `_`). */
export const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const VARIABLE_NAME = /^[A-Za-z0-9_]{1,64}$/;
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]{1,512}$/;
/** Stage variables per stage (behaviour.md §14; a fixed quota for REST and HTTP APIs). */
export const MAX_STAGE_VARIABLES = 100;

/** Validates stage variables as AWS does (names, values, at most 100); `null` when there are none. */
export function resolveStageVariables(variables: unknown): Record<string, string> | null {
  if (variables === undefined) return null;
  if (typeof variables !== 'object' || variables === null) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_STAGE_VARIABLES',
      'createGateway: stage.variables must be an object of strings',
      "Write stage: { variables: { table: 'pets-dev' } }.",
    );
  }
  const entries = Object.entries(variables);
  if (entries.length > MAX_STAGE_VARIABLES) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_STAGE_VARIABLES',
      `createGateway: stage.variables has ${entries.length} variables`,
      `A stage holds at most ${MAX_STAGE_VARIABLES} stage variables (AWS quota); remove ${entries.length - MAX_STAGE_VARIABLES}.`,
      { count: entries.length, limit: MAX_STAGE_VARIABLES },
    );
  }
  for (const [name, value] of entries) {
    if (!VARIABLE_NAME.test(name) || typeof value !== 'string' || !VARIABLE_VALUE.test(value)) {
      throw new GatewayConfigError(
        'GATEWAY_INVALID_STAGE_VARIABLES',
        `createGateway: invalid stage variable ${JSON.stringify(name)} = ${JSON.stringify(value)}`,
        'Names are letters, digits and "_" (≤64); values match [A-Za-z0-9-._~:/?#&=,]+ (≤512), as AWS requires.',
        { name },
      );
    }
  }
  return entries.length === 0 ? null : { ...(variables as Record<string, string>) };
}
