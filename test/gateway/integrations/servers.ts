import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A loopback server started by a test and stopped by it. */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** What a backend saw: method, path, query, headers (lower-cased names) and body bytes. */
export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * A Node HTTP server on 127.0.0.1 (port 0) answering with `reply` and recording every request it received.
 */
export async function startBackend(
  reply: (seen: SeenRequest, res: ServerResponse) => void,
): Promise<TestServer & { seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const request: SeenRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks),
      };
      seen.push(request);
      reply(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An echo backend in the shape of the recorded one: `{args, data, headers, method, path}` as JSON. */
export function echoReply(seen: SeenRequest, res: ServerResponse): void {
  const status = /^\/status\/(\d{3})$/.exec(seen.path);
  res.writeHead(status ? Number(status[1]) : 200, {
    'Content-Type': 'application/json',
    'X-Backend': 'echo',
  });
  res.end(
    JSON.stringify({
      args: seen.query,
      data: seen.body.toString('utf8'),
      headers: seen.headers,
      method: seen.method,
      path: seen.path,
    }),
  );
}

/** dynalite (DynamoDB) on loopback, in memory. */
export async function startDynalite(): Promise<TestServer> {
  const { default: dynalite } = (await import('dynalite')) as unknown as {
    default: (o: object) => {
      listen(port: number, host: string, cb: () => void): void;
      address(): AddressInfo;
      close(cb?: () => void): void;
    };
  };
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** s3rver (S3) on loopback with the given buckets, storing in a temporary directory removed on close. */
export async function startS3rver(buckets: string[]): Promise<TestServer> {
  const { default: S3rver } = (await import('s3rver')) as unknown as {
    default: new (o: object) => { run(): Promise<AddressInfo>; close(): Promise<void> };
  };
  const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
