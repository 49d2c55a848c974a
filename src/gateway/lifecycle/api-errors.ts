import { GatewayConfigError } from '../../errors/families.js';

/** The AWS exception a management call answers with. */
type AwsException =
  | 'BadRequestException'
  | 'NotFoundException'
  | 'ConflictException'
  | 'LimitExceededException';

/**
 * A management call (`deploy`, `updateStage`, …) refused the way AWS refuses it: `details.exception` is AWS's
 * exception and `details.awsMessage` its message (recorded texts where behaviour.md has them), the message says where.
 */
export function apiError(
  where: string,
  exception: AwsException,
  awsMessage: string,
  hint: string,
): GatewayConfigError {
  return new GatewayConfigError(
    exception === 'BadRequestException'
      ? 'GATEWAY_BAD_REQUEST'
      : exception === 'NotFoundException'
        ? 'GATEWAY_NOT_FOUND'
        : exception === 'ConflictException'
          ? 'GATEWAY_CONFLICT'
          : 'GATEWAY_LIMIT_EXCEEDED',
    `${where}: ${exception}: ${awsMessage}`,
    hint,
    { exception, awsMessage },
  );
}

/** `NotFoundException: Invalid Stage identifier specified` (the stage does not exist). */
export function noSuchStage(where: string, name: string, known: readonly string[]): GatewayConfigError {
  return apiError(
    where,
    'NotFoundException',
    'Invalid Stage identifier specified',
    `There is no stage ${JSON.stringify(name)}; the stages are ${known.join(', ') || '(none)'}.`,
  );
}

/** `BadRequestException: Deployment id does not exist` (recorded, for stage and canary deployment ids). */
export function noSuchDeployment(where: string): GatewayConfigError {
  return apiError(
    where,
    'BadRequestException',
    'Deployment id does not exist',
    'Name a deployment of gateway.deployments().',
  );
}
