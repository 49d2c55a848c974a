import type { ServerResponse } from 'node:http';

/** Headers Node's HTTP server manages itself; a value from the gateway would contradict the bytes sent. */
const MANAGED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/** Statuses that never carry a body (RFC 9110 §6.4.1). */
function bodyless(status: number): boolean {
  return status === 204 || status === 304 || (status >= 100 && status < 200);
}

/**
 * Writes a fetch `Response` to a Node `ServerResponse`: the status, every header line (each `Set-Cookie` on
 * its own line) and the body bytes untouched (binary safe). `Content-Length` is set from the bytes written.
 * For `HEAD` the gateway's `Content-Length` is kept and no body is sent.
 */
export async function writeFetchResponse(
  res: ServerResponse,
  response: Response,
  head: boolean,
): Promise<void> {
  const noBody = head || bodyless(response.status);
  // arrayBuffer() of a null body is empty; reading it directly (not through `body`) keeps a buffered
  // response from building a stream it does not need.
  const bytes = noBody ? undefined : new Uint8Array(await response.arrayBuffer());
  if (noBody && response.body !== null) await response.body.cancel();
  if (res.destroyed) return;
  const raw: string[] = [];
  for (const [name, value] of response.headers) {
    if (MANAGED.has(name) && !(head && name === 'content-length')) continue;
    raw.push(name, value);
  }
  if (!noBody) raw.push('content-length', String(bytes?.byteLength ?? 0));
  res.writeHead(response.status, raw);
  res.end(bytes);
}

/**
 * Answers 500 with a plain-text explanation when the simulated gateway itself failed (a thrown error is
 * misconfiguration or a bug, never an AWS response). Does nothing when the response already started.
 */
export function writeAdapterError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent || res.destroyed) {
    if (!res.writableEnded) res.destroy();
    return;
  }
  const body = Buffer.from(`apigw-testkit: ${message}\n`, 'utf8');
  res.writeHead(status, [
    'content-type',
    'text/plain; charset=utf-8',
    'content-length',
    String(body.byteLength),
    'x-apigw-testkit-error',
    'ADAPTER_FAILURE',
  ]);
  res.end(body);
}
