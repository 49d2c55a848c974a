import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Clock, systemClock } from '../../clock/clock.js';
import { assertKnownOptions, InvalidInputError } from '../../errors/families.js';
import { type FetchLike, isFetchLike, isGatewayLike } from './gateway-like.js';
import { type NodeFetchCall, readNodeBody, toFetchCall } from './node-request.js';
import { writeAdapterError, writeFetchResponse } from './node-response.js';

/**
 * What {@link toNodeListener} reports once per request.
 *
 * @example
 * ```ts
 * toNodeListener(gateway, { onRequest: (r) => console.log(r.method, r.path, r.status, r.latencyMs, r.aborted) });
 * ```
 */
export interface NodeRequestRecord {
  method: string;
  /** The request target as received (path and query). */
  path: string;
  /** Status sent to the client; 0 when nothing could be sent (the client went away). */
  status: number;
  /** Wall time from receiving the request to handing the last byte to the socket, in ms. */
  latencyMs: number;
  /** The gateway's trace when the gateway has `handle` and `onRequest` was given. */
  trace?: unknown;
  /** The client closed the connection before the response was complete. */
  aborted: boolean;
  /** Why the adapter answered 500 (or gave up), when it did. */
  error?: unknown;
}

/**
 * Options of {@link toNodeListener}.
 *
 * @example
 * ```ts
 * const options: NodeListenerOptions = { onRequest: (r) => console.log(formatRequestLine(r)) };
 * ```
 */
export interface NodeListenerOptions {
  /** Called once per request after it finished; with a gateway that has `handle`, `record.trace` is set. */
  onRequest?: (record: NodeRequestRecord) => void;
  /** Clock for `latencyMs`; default the system clock. */
  clock?: Clock;
}

/**
 * A `(req, res)` listener for `http.createServer`, supertest and any Node HTTP framework.
 *
 * @example
 * ```ts
 * const listener: NodeListener = toNodeListener(gateway);
 * createServer(listener).listen(0, '127.0.0.1');
 * ```
 */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

const KNOWN = ['onRequest', 'clock'] as const;

/**
 * Adapts a simulated gateway to a Node `(req, res)` listener, for `http.createServer(...)` or supertest.
 * Requests keep their method, path (raw, double slashes included), `Host`, every header line (client casing and
 * repeated lines kept: the gateway is called as `fetch(url, { method, headers: [[name, value], …], body })`)
 * and body bytes;
 * responses keep their status, every header line (several `Set-Cookie` included) and binary bodies. A client
 * that disconnects never crashes the process; a gateway that throws answers 500 with a plain-text reason.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createGateway, toNodeListener } from 'apigw-testkit/gateway';
 * const gateway = createGateway({ apiType: 'HTTP', routes: { 'GET /hello': async () => ({ body: 'hi' }) } });
 * createServer(toNodeListener(gateway)).listen(3000, '127.0.0.1');
 * ```
 */
export function toNodeListener(gateway: FetchLike, options: NodeListenerOptions = {}): NodeListener {
  if (!isFetchLike(gateway)) {
    throw new InvalidInputError(
      'ADAPTER_NOT_A_GATEWAY',
      `toNodeListener: expected a gateway with a fetch(request) method, got ${describe(gateway)}`,
      'Pass the object createGateway(...) returns.',
    );
  }
  assertKnownOptions('toNodeListener', options, KNOWN);
  const { onRequest } = options;
  const clock = options.clock ?? systemClock;
  const traced = onRequest !== undefined && isGatewayLike(gateway) ? gateway : undefined;
  return (req, res) => {
    const started = onRequest ? clock.now() : 0;
    const record: NodeRequestRecord = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      status: 0,
      latencyMs: 0,
      aborted: false,
    };
    // Aborting tells a gateway that honours request.signal that nobody is waiting any more.
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) {
        record.aborted = true;
        controller.abort();
      }
    });
    res.on('error', () => {
      // The socket failed under us (client reset); 'close' follows and records the abort.
    });
    const finish = (): void => {
      if (!onRequest) return;
      record.status = res.headersSent ? res.statusCode : 0;
      record.latencyMs = clock.now() - started;
      try {
        onRequest(record);
      } catch {
        // A failing logger must not take the server down.
      }
    };
    // Never rejects into the void: every failure is answered (or the socket is gone) and recorded.
    serve(req, res, record, controller.signal).then(finish, (error: unknown) => {
      record.error = error;
      finish();
    });
  };

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    record: NodeRequestRecord,
    signal: AbortSignal,
  ): Promise<void> {
    let body: Uint8Array<ArrayBuffer> | undefined;
    try {
      body = await readNodeBody(req);
    } catch (error) {
      // The body stream fails when the client goes away mid-body: usually nobody is left to answer.
      if (res.destroyed || req.socket.destroyed) record.aborted = true;
      else writeAdapterError(res, 400, `the request body could not be read: ${messageOf(error)}.`);
      throw error;
    }
    let call: NodeFetchCall;
    try {
      call = toFetchCall(req, body, signal);
    } catch (error) {
      writeAdapterError(res, 400, `the request could not be read: ${messageOf(error)}.`);
      throw error;
    }
    let response: Response;
    try {
      // (url, init) with header pairs, not a Request: a Request would lowercase names and merge repeats,
      // and REST events keep the client's casing and list repeated headers separately.
      if (traced) {
        const result = await traced.handle(call.url, call.init);
        response = result.response;
        record.trace = result.trace;
      } else {
        response = await gateway.fetch(call.url, call.init);
      }
      await writeFetchResponse(res, response, record.method === 'HEAD');
    } catch (error) {
      writeAdapterError(
        res,
        500,
        `the simulated gateway failed on ${record.method} ${record.path}: ${messageOf(error)}. ` +
          'This is not an AWS response: fix the gateway configuration or report the bug.',
      );
      throw error;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const keys = Object.keys(value).slice(0, 5);
  return `an object with keys [${keys.join(', ')}]`;
}
