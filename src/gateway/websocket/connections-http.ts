import { BufferedResponse } from '../../http/buffered-response.js';
import { headerValue } from '../integrations/lambda-proxy.js';
import type { GatewayRequest } from '../pipeline/gateway-request.js';
import { type ConnectionsFailure, connectionsError } from '../websocket-responses.js';
import {
  type ConnectionsOutcome,
  deleteConnection,
  getConnection,
  postToConnection,
} from './connections-api.js';
import type { WebSocketDeps } from './websocket-deps.js';

const CONNECTIONS = /^\/([^/]+)\/(?:@|%40)connections\/([^/]+)$/i;

/**
 * The `@connections` management API over HTTP, at `https://{apiId}.execute-api.{region}.amazonaws.com/{stage}/
 * @connections/{connectionId}` (the id URL-encoded; `%40connections` works too), as the AWS SDK calls it
 * (behaviour.md §13). Requests must carry a SigV4 signature (`Authorization: AWS4-HMAC-SHA256 …` or a presigned
 * `X-Amz-Signature`); it is accepted without being verified (any credentials work, as in a local AWS). Unsigned:
 * 403 Missing Authentication Token. Another stage or another path: 403 Forbidden.
 */
export async function serveConnectionsRequest(
  deps: WebSocketDeps,
  request: GatewayRequest,
): Promise<Response> {
  const match = CONNECTIONS.exec(request.pathname);
  if (!match || match[1] !== deps.config.stageName) return refused(deps, 'FORBIDDEN');
  if (!isSigned(request)) return refused(deps, 'MISSING_AUTHENTICATION_TOKEN');
  let id: string;
  try {
    id = decodeURIComponent(match[2]!);
  } catch {
    return refused(deps, 'INVALID_CONNECTION_ID');
  }
  let outcome: ConnectionsOutcome;
  switch (request.method) {
    case 'POST': {
      const body = request.body ?? new Uint8Array(0);
      outcome = postToConnection(deps, id, body);
      break;
    }
    case 'GET':
      outcome = getConnection(deps, id);
      break;
    case 'DELETE':
      outcome = await deleteConnection(deps, id);
      break;
    default:
      return refused(deps, 'FORBIDDEN');
  }
  if (!outcome.ok) return toResponse(outcome.error.statusCode, outcome.error.headers, outcome.error.body);
  const requestId = deps.config.ids.uuid();
  if (outcome.info) {
    return toResponse(
      200,
      [
        ['Content-Type', 'application/json'],
        ['x-amzn-RequestId', requestId],
      ],
      JSON.stringify(outcome.info),
    );
  }
  return toResponse(outcome.statusCode, [['x-amzn-RequestId', requestId]], '');
}

function isSigned(request: GatewayRequest): boolean {
  const authorization = headerValue(request.headers, 'authorization');
  if (authorization !== null && /^AWS4-HMAC-SHA256 .*Credential=/.test(authorization)) return true;
  return /(?:^|&)X-Amz-Signature=/i.test(request.query);
}

function refused(deps: WebSocketDeps, failure: ConnectionsFailure): Response {
  const error = connectionsError(failure, deps.config.ids.uuid());
  return toResponse(error.statusCode, error.headers, error.body);
}

/** A BufferedResponse even without a body: a `@connections` test never loads Node's fetch implementation. */
function toResponse(status: number, headers: [string, string][], body: string): Response {
  return new BufferedResponse(body === '' ? null : body, { status, headers });
}
