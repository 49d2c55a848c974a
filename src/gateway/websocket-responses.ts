/**
 * The WebSocket half of the gateway responses (see gateway-responses.ts for REST and HTTP APIs): error frames on
 * an open connection and the answers of the `@connections` management API. Every simulated WebSocket failure is
 * produced here; `$connect` refusals are HTTP answers to the upgrade and come from `gatewayResponse`.
 */
/** The texts of the error frames a WebSocket API sends on an open connection (behaviour.md §5, §13). */
export type WebSocketFrameMessage =
  | 'Forbidden'
  | 'Internal server error'
  | 'Endpoint request timed out'
  | 'Too Many Requests';

/**
 * The error frame API Gateway sends on an open WebSocket connection, byte-exact: a space after the first colon
 * and after the first comma only (`{"message": "Forbidden", "connectionId":"…", "requestId":"…"}`, recorded).
 * `Too Many Requests` (a throttled message) is UNCONFIRMED wording in the recorded layout.
 *
 * @example
 * ```ts
 * webSocketErrorFrame('Forbidden', 'R1kmxc2VNjMCFIA=', 'R1knPH17NjMFftw=');
 * // '{"message": "Forbidden", "connectionId":"R1kmxc2VNjMCFIA=", "requestId":"R1knPH17NjMFftw="}'
 * ```
 */
export function webSocketErrorFrame(
  message: WebSocketFrameMessage,
  connectionId: string,
  requestId: string,
): string {
  return `{"message": "${message}", "connectionId":"${connectionId}", "requestId":"${requestId}"}`;
}

/** Why the `@connections` management API refused a call. */
export type ConnectionsFailure =
  | 'GONE'
  | 'FORBIDDEN'
  | 'LIMIT_EXCEEDED'
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_CONNECTION_ID'
  | 'MISSING_AUTHENTICATION_TOKEN';

/** A refused `@connections` call: what the SDK turns into `GoneException` and friends. */
export interface ConnectionsErrorResponse {
  failure: ConnectionsFailure;
  statusCode: number;
  /** `x-amzn-ErrorType`: the exception name the AWS SDK raises. */
  errorType: string;
  /** The body's message, `undefined` when the body is empty. */
  message: string | undefined;
  headers: [string, string][];
  body: string;
}

const CONNECTIONS: Record<ConnectionsFailure, [number, string, string | undefined]> = {
  // 410 has an empty body: SDKs report "GoneException: UnknownError" / "null" (captures in public issues).
  GONE: [410, 'GoneException', undefined],
  FORBIDDEN: [403, 'ForbiddenException', 'Forbidden'],
  // Message texts below are UNCONFIRMED; the statuses and exception names are the service model's.
  LIMIT_EXCEEDED: [429, 'LimitExceededException', 'Limit Exceeded'],
  PAYLOAD_TOO_LARGE: [413, 'PayloadTooLargeException', 'Message too long'],
  // A malformed id: "BadRequestException: Invalid connectionId" (captured SDK error).
  INVALID_CONNECTION_ID: [400, 'BadRequestException', 'Invalid connectionId'],
  MISSING_AUTHENTICATION_TOKEN: [403, 'MissingAuthenticationTokenException', 'Missing Authentication Token'],
};

/**
 * The response of a refused `@connections` call (behaviour.md §13): the model's status, `x-amzn-ErrorType` with
 * the exception name and a JSON `{"message":…}` body (410: no body).
 *
 * @example
 * ```ts
 * connectionsError('GONE', requestId).statusCode; // 410, body ''
 * ```
 */
export function connectionsError(failure: ConnectionsFailure, requestId: string): ConnectionsErrorResponse {
  const [statusCode, errorType, message] = CONNECTIONS[failure];
  const headers: [string, string][] = [];
  if (message !== undefined) headers.push(['Content-Type', 'application/json']);
  headers.push(['x-amzn-RequestId', requestId], ['x-amzn-ErrorType', errorType]);
  return {
    failure,
    statusCode,
    errorType,
    message,
    headers,
    body: message === undefined ? '' : `{"message":"${message}"}`,
  };
}
