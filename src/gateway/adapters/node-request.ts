import type { IncomingMessage } from 'node:http';

/** Methods a fetch `Request` cannot carry a body for. */
const BODYLESS = new Set(['GET', 'HEAD']);

/**
 * Reads the whole request body. API Gateway buffers request payloads before it routes them, so the adapter
 * does too. Resolves `undefined` when there is no body; rejects when the client aborts mid-body.
 */
export function readNodeBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (req.readableEnded || (req.headers['content-length'] === '0' && !req.headers['transfer-encoding'])) {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer<ArrayBuffer>[] = [];
    let size = 0;
    const onData = (chunk: Buffer<ArrayBuffer>): void => {
      chunks.push(chunk);
      size += chunk.length;
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onEnd = (): void => {
      cleanup();
      if (size === 0) resolve(undefined);
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    // 'close' before 'end' means the client went away with the body half sent.
    const onClose = (): void => {
      cleanup();
      reject(new Error('the client closed the connection before the request body was complete'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** The arguments the listener hands to `gateway.fetch(url, init)`. */
export interface NodeFetchCall {
  url: string;
  init: RequestInit & { headers: [string, string][] };
}

/**
 * Builds the `fetch(url, init)` arguments the gateway sees from a Node request: the method, an absolute URL
 * whose host is the `Host` header (the raw path is kept byte for byte, double slashes included), every header
 * line from `rawHeaders` as a `[name, value]` pair (client casing kept, repeated lines kept separate — a fetch
 * `Headers` object would lowercase and comma-merge them) and the body bytes. Throws a `TypeError` when the
 * Host header or path cannot form a URL.
 *
 * @example
 * ```ts
 * const { url, init } = toFetchCall(req, await readNodeBody(req));
 * const response = await gateway.fetch(url, init);
 * ```
 */
export function toFetchCall(
  req: IncomingMessage,
  body: Uint8Array<ArrayBuffer> | undefined,
  signal?: AbortSignal,
): NodeFetchCall {
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  let url: string;
  if (target.startsWith('/')) {
    const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
    const host =
      req.headers.host ?? `${req.socket.localAddress ?? 'localhost'}:${req.socket.localPort ?? 80}`;
    url = `${encrypted ? 'https' : 'http'}://${host}${target}`;
  } else {
    // absolute-form (a proxy request) or `*` (OPTIONS *): let URL parsing decide.
    url = target === '*' ? `http://${req.headers.host ?? 'localhost'}/` : target;
  }
  // Fail here, with the adapter's 400, rather than deep inside the gateway.
  new URL(url);
  const headers: [string, string][] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.push([raw[i]!, raw[i + 1]!]);
  const init: NodeFetchCall['init'] = { method, headers };
  // fetch cannot send a body with GET or HEAD; such bytes are dropped (see docs/adapters.md).
  if (body !== undefined && !BODYLESS.has(method)) init.body = body;
  if (signal) init.signal = signal;
  return { url, init };
}

/**
 * Builds a fetch `Request` from a Node request (see {@link toFetchCall}). A `Request` lowercases header names
 * and comma-joins repeated lines, so the listener passes {@link toFetchCall}'s pairs instead; this stays for
 * callers that need a `Request` object.
 *
 * @example
 * ```ts
 * const request = toFetchRequest(req, await readNodeBody(req));
 * ```
 */
export function toFetchRequest(
  req: IncomingMessage,
  body: Uint8Array<ArrayBuffer> | undefined,
  signal?: AbortSignal,
): Request {
  const { url, init } = toFetchCall(req, body, signal);
  return new Request(url, init);
}
