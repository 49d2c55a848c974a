/**
 * `gateway.connect()` was refused: API Gateway answered the upgrade request with this HTTP response instead of
 * 101 (a `$connect` integration answering non-2xx, a function error 502, a missing API key 403, throttling 429).
 * The message reads like the `ws` client's: `Unexpected server response: 401`.
 *
 * @example
 * ```ts
 * await expect(gateway.connect()).rejects.toMatchObject({ statusCode: 401 });
 * ```
 */
export class UpgradeRejectedError extends Error {
  /** The HTTP status of the upgrade response. */
  readonly statusCode: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  /** Why, in plain words (not part of the AWS response). */
  readonly detail: string;

  constructor(
    statusCode: number,
    headers: readonly (readonly [string, string])[],
    body: string,
    detail: string,
  ) {
    super(`Unexpected server response: ${statusCode}`);
    this.name = 'UpgradeRejectedError';
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
    this.detail = detail;
  }
}

/**
 * The connection closed while a client waited for a message (`nextMessage()`), with the close code and reason.
 *
 * @example
 * ```ts
 * await expect(client.nextMessage()).rejects.toMatchObject({ closeCode: 1001, closeReason: 'Going away' });
 * ```
 */
export class WebSocketClosedError extends Error {
  readonly closeCode: number;
  readonly closeReason: string;

  constructor(closeCode: number, closeReason: string) {
    super(
      `The WebSocket connection is closed (${closeCode}${closeReason ? ` ${closeReason}` : ''}): no more messages`,
    );
    this.name = 'WebSocketClosedError';
    this.closeCode = closeCode;
    this.closeReason = closeReason;
  }
}
