import type { CompiledLambdaAuthorizer } from '../compiled-auth.js';

/** AWS masks secrets in execution logs: all but the last 6 characters become `*`. */
export function mask(value: string): string {
  return value.length <= 6 ? value : `${'*'.repeat(value.length - 6)}${value.slice(-6)}`;
}

/** The execution-log lines of a Lambda authorizer call, in API Gateway's wording. */
export const authorizerLog = {
  start(
    authorizer: CompiledLambdaAuthorizer,
    env: { region: string; accountId: string },
    requestId: string,
    identity: readonly string[],
    event: unknown,
  ): string[] {
    const fn = `arn:aws:lambda:${env.region}:${env.accountId}:function:${authorizer.functionName}`;
    return [
      `Starting authorizer: ${authorizer.id} for request: ${requestId}`,
      `Incoming identity: ${identity.map(mask).join(',')}`,
      `Endpoint request URI: https://lambda.${env.region}.amazonaws.com/2015-03-31/functions/${fn}/invocations`,
      `Endpoint request body after transformations: ${JSON.stringify(event)}`,
      `Sending request to https://lambda.${env.region}.amazonaws.com/2015-03-31/functions/${fn}/invocations`,
    ];
  },
};
