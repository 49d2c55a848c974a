import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { LambdaHandler } from '../../src/gateway/index.js';

/** The real invoke host of the default test API. */
export const HOST = 'https://abcd1234ef.execute-api.us-east-1.amazonaws.com';

/** A handler answering 200 with its event as JSON, recording every event it saw. */
export function echoHandler(): LambdaHandler & { events: APIGatewayProxyEvent[] } {
  const events: APIGatewayProxyEvent[] = [];
  const handler = async (event: APIGatewayProxyEvent) => {
    events.push(event);
    return { statusCode: 200, body: JSON.stringify(event) };
  };
  return Object.assign(handler as LambdaHandler, { events });
}

/** A handler that answers `body` with status 200, naming itself (for routing tests). */
export const named =
  (name: string): LambdaHandler =>
  async () => ({ statusCode: 200, body: name });

/** Status, the header lines and the exact body text of a response (the body is read from a clone). */
export async function wire(
  response: Response,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, body: await response.clone().text() };
}
