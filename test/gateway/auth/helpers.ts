import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { AuthorizerHandler, LambdaHandler } from '../../../src/gateway/index.js';

export const ARN = 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef';

/** An IAM policy document allowing or denying `resources`. */
export function policy(effect: 'Allow' | 'Deny', ...resources: string[]) {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: effect, Action: 'execute-api:Invoke', Resource: resources }],
  };
}

/** A handler echoing `requestContext.authorizer` and `identity` as JSON, and recording events. */
export function echoAuth(): LambdaHandler & { events: APIGatewayProxyEvent[] } {
  const events: APIGatewayProxyEvent[] = [];
  const handler = async (event: APIGatewayProxyEvent) => {
    events.push(event);
    return { statusCode: 200, body: JSON.stringify({ authorizer: event.requestContext.authorizer ?? null }) };
  };
  return Object.assign(handler as LambdaHandler, { events });
}

/** A TOKEN/REQUEST authorizer recording its events; `answer` decides per token. */
export function recordingAuthorizer(answer: (event: Record<string, unknown>) => unknown) {
  const events: Record<string, unknown>[] = [];
  const handler = async (event: Record<string, unknown>) => {
    events.push(event);
    return answer(event);
  };
  return Object.assign(handler as unknown as AuthorizerHandler, { events });
}
