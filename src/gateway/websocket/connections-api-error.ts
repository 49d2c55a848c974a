import type { ConnectionsErrorResponse } from '../websocket-responses.js';

/**
 * A refused `@connections` call made in-process (`gateway.connections.post/get/delete`), shaped like the AWS SDK
 * v3 exception for the same answer: `name` is the exception (`GoneException`, `ForbiddenException`,
 * `LimitExceededException`, `PayloadTooLargeException`, `BadRequestException`), `$metadata.httpStatusCode` the
 * status. Code written against the SDK (`if (error.name === 'GoneException')`) handles it unchanged.
 *
 * @example
 * ```ts
 * try {
 *   await gateway.connections.post(staleId, 'hi');
 * } catch (error) {
 *   if (error instanceof ConnectionsApiError && error.name === 'GoneException') forget(staleId);
 * }
 * ```
 */
export class ConnectionsApiError extends Error {
  /** The HTTP status AWS answers (410, 403, 429, 413, 400). */
  readonly statusCode: number;
  /** As on the SDK's exceptions. */
  readonly $fault = 'client' as const;
  readonly $metadata: { readonly httpStatusCode: number; readonly requestId: string };

  constructor(response: ConnectionsErrorResponse, requestId: string) {
    // The SDK reports "UnknownError" when the body carries no message (410).
    super(response.message ?? 'UnknownError');
    this.name = response.errorType;
    this.statusCode = response.statusCode;
    this.$metadata = { httpStatusCode: response.statusCode, requestId };
  }
}
