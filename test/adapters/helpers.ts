import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type RequestListener,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CliIo } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/run.js';
import type { FetchLike } from '../../src/gateway/adapters/gateway-like.js';

/** Starts a loopback server on an ephemeral port. */
export async function listen(
  listener: RequestListener,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawResponse {
  status: number;
  rawHeaders: string[];
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Sends one request with exact header lines (repeats kept) and returns the raw header lines received. */
export function rawRequest(
  origin: string,
  options: { method?: string; path: string; headers?: [string, string][]; body?: Uint8Array | string },
): Promise<RawResponse> {
  const url = new URL(origin);
  const lines = options.headers ?? [];
  // With raw header arrays Node does not add Host itself, and an HTTP/1.1 server refuses a request without one.
  const headers = lines.some(([n]) => n.toLowerCase() === 'host') ? lines : [['Host', url.host], ...lines];
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: headers.flat(),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            rawHeaders: res.rawHeaders,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** What the echo gateway saw. */
export interface Echo {
  method: string;
  url: string;
  headers: [string, string][];
  bodyBase64: string;
}

/** A stand-in gateway that answers with a JSON description of the request it received. */
export function echoGateway(): FetchLike & { last: Request | undefined } {
  const gateway = {
    last: undefined as Request | undefined,
    async fetch(input: Request | string | URL, init?: RequestInit): Promise<Response> {
      const request = input instanceof Request && !init ? input : new Request(input, init);
      gateway.last = request;
      const bytes = new Uint8Array(await request.arrayBuffer());
      const echo: Echo = {
        method: request.method,
        url: request.url,
        headers: [...request.headers],
        bodyBase64: Buffer.from(bytes).toString('base64'),
      };
      return new Response(JSON.stringify(echo), { headers: { 'content-type': 'application/json' } });
    },
  };
  return gateway;
}

/** Every byte value 0–255, twice: a body that breaks any text decoding. */
export const BINARY = Uint8Array.from({ length: 512 }, (_, i) => i % 256);

/** A running `apigw-testkit serve`, driven in-process. */
export function startServe(args: string[], cwd = process.cwd(), defaultPort?: number) {
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: async () => '',
    cwd,
    signal: controller.signal,
    ...(defaultPort === undefined ? {} : { defaultPort }),
  };
  const exit = runCli(['serve', ...args], io);
  return {
    out,
    err,
    exit,
    stop: async () => {
      controller.abort();
      return exit;
    },
    /** Resolves with the listening origin once the banner is printed. */
    origin: async (): Promise<string> => {
      for (let i = 0; i < 400; i++) {
        const match = /Listening on (http:\/\/\S+)/.exec(out.join(''));
        if (match) return match[1]!;
        if (err.length > 0) throw new Error(err.join(''));
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`serve did not start: ${out.join('')}`);
    },
  };
}
