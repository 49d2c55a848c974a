import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { InvalidInputError } from '../../errors/families.js';
import { type FetchLike, isFetchLike } from '../../gateway/adapters/gateway-like.js';
import { toNodeListener } from '../../gateway/adapters/node-listener.js';
import { formatRequestLine } from '../../gateway/adapters/request-log.js';
import { createGateway } from '../../gateway/create-gateway.js';
import type { GatewayOptions } from '../../gateway/types.js';
import type { WebSocketGateway } from '../../gateway/websocket/create-websocket-gateway.js';
import { type FlagSpec, formatHelp, parseArgs } from '../args.js';
import type { CliCommand, CliIo } from '../command.js';
import { importUserModule } from '../load-module.js';
import { DEFINITION_FLAGS, isDefinitionFile } from './definition-flags.js';
import { loadDefinition } from './serve-definition.js';
import { type ServeExample, usageText } from './serve-usage.js';
import {
  attachWebSocket,
  combineGateways,
  isWebSocketGateway,
  toWebSocketGateway,
  type WebSocketExample,
  webSocketUsage,
} from './serve-websocket.js';

const SPEC: Record<string, FlagSpec> = {
  port: {
    type: 'string',
    value: 'port',
    description: 'Port to listen on (default 3000, or a free port when 3000 is taken; 0 picks a free one)',
  },
  host: { type: 'string', value: 'host', description: 'Address to bind (default 127.0.0.1, loopback only)' },
  'allow-remote': {
    type: 'boolean',
    description: 'Allow a non-loopback --host (exposes the simulated API to your network)',
  },
  'execution-log': {
    type: 'boolean',
    description: "Print each request's execution log (API Gateway's CloudWatch wording) under its line",
  },
  ...DEFINITION_FLAGS,
};

const DEFAULT_PORT = 3000;

const SUMMARY =
  'Serve a simulated gateway over HTTP: a module default-exporting (or exporting `gateway`) a gateway or its options, ' +
  'or a definition (OpenAPI .yaml/.json, SAM/CloudFormation/CDK template) with handlers from --handlers or loaded ' +
  'from CodeUri + Handler like sam local.';

/** `apigw-testkit serve <module> [--port 3000] [--host 127.0.0.1] [--allow-remote] [--execution-log]`. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve a simulated gateway module over HTTP on loopback, logging each request',
  help: formatHelp(
    'apigw-testkit serve <module | template.yaml | openapi.yaml> [--handlers ./handlers.mjs] [--port 3000] [--host 127.0.0.1] [--execution-log]',
    SUMMARY,
    SPEC,
  ),
  run: async (argv, io) => {
    const { positionals, flags } = parseArgs('serve', argv, SPEC);
    if (positionals.length !== 1) {
      throw usage(
        `expected exactly one module path, got ${positionals.length}`,
        'Write apigw-testkit serve ./api.mjs.',
      );
    }
    const port = parsePort(flags.port, io.defaultPort ?? DEFAULT_PORT);
    const host = typeof flags.host === 'string' ? flags.host : '127.0.0.1';
    if (!isLoopback(host) && flags['allow-remote'] !== true) {
      throw usage(
        `--host ${host} is not a loopback address`,
        'The simulator is for local testing; add --allow-remote to expose it to your network on purpose',
      );
    }
    const target = positionals[0]!;
    const loaded = isDefinitionFile(target)
      ? await definitionModule(target, flags, io)
      : await loadGatewayModule(target, io.cwd);
    return listenUntilStopped(loaded, host, port, io, flags['execution-log'] === true);
  },
};

interface LoadedModule {
  gateway: FetchLike;
  /** The options the module exported, when it exported options rather than a gateway. */
  options?: Record<string, unknown>;
  examples: ServeExample[];
  file: string;
  /** The module's WebSocket API (its default export, or a `webSocket` export), served on the same port. */
  webSocket?: WebSocketGateway;
  /** `webSocketExamples`: messages the banner suggests typing into wscat. */
  webSocketExamples: WebSocketExample[];
}

async function definitionModule(
  path: string,
  flags: Record<string, string | boolean | string[] | undefined>,
  io: CliIo,
): Promise<LoadedModule> {
  const loaded = await loadDefinition(path, flags, io.cwd);
  for (const note of loaded.notes) io.stdout(`apigw-testkit serve: ${note}\n`);
  const { webSocket, ...rest } = loaded;
  return { ...rest, examples: [], webSocketExamples: [], ...(webSocket ? { webSocket } : {}) };
}

async function loadGatewayModule(path: string, cwd: string): Promise<LoadedModule> {
  const file = isAbsolute(path) ? path : resolve(cwd, path);
  if (!existsSync(file)) {
    throw new InvalidInputError(
      'SERVE_MODULE_NOT_FOUND',
      `no module at ${file}`,
      'Pass the path of a .js/.mjs (or .ts) file relative to the current directory',
    );
  }
  const mod = await importUserModule('serve', file, cwd);
  const exported = mod.default ?? mod.gateway;
  const examples = Array.isArray(mod.examples) ? (mod.examples as ServeExample[]) : [];
  const webSocketExamples = Array.isArray(mod.webSocketExamples)
    ? (mod.webSocketExamples as WebSocketExample[])
    : [];
  const withWebSocket = (loaded: LoadedModule): LoadedModule => {
    const webSocket =
      toWebSocketGateway(mod.webSocket) ?? (isWebSocketGateway(loaded.gateway) ? loaded.gateway : undefined);
    return webSocket ? { ...loaded, webSocket } : loaded;
  };
  if (isFetchLike(exported)) return withWebSocket({ gateway: exported, examples, file, webSocketExamples });
  if (typeof exported === 'object' && exported !== null && !Array.isArray(exported)) {
    const options = exported as Record<string, unknown>;
    // createGateway validates the options and throws a GatewayConfigError naming what is wrong.
    const gateway = createGateway(options as unknown as GatewayOptions);
    return withWebSocket({ gateway, options, examples, file, webSocketExamples });
  }
  throw new InvalidInputError(
    'SERVE_NO_GATEWAY_EXPORT',
    `${file} exports no gateway (default export or \`gateway\` is ${typeName(exported)})`,
    'Default-export createGateway({...}) or the options object you would pass to it',
  );
}

async function listenUntilStopped(
  loaded: LoadedModule,
  host: string,
  port: { number: number; named: boolean },
  io: CliIo,
  executionLog: boolean,
): Promise<number> {
  const listener = toNodeListener(combineGateways(loaded.gateway, loaded.webSocket), {
    onRequest: (record) => {
      io.stdout(`${formatRequestLine(record)}\n`);
      const lines = executionLog
        ? (record.trace as { executionLog?: string[] } | undefined)?.executionLog
        : undefined;
      for (const line of lines ?? []) io.stdout(`    ${line}\n`);
    },
  });
  const server = createServer(listener);
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  let fallback = '';
  try {
    await listen(server, port.number, host);
  } catch (error) {
    // Without --port the default 3000 gives way to a free port; a port the user named stays strict.
    if (port.named || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
      throw new InvalidInputError(
        'SERVE_LISTEN_FAILED',
        `cannot listen on ${host}:${port.number}: ${(error as Error).message}`,
        'Pick another --port (0 chooses a free one) or stop the process using it',
      );
    }
    await listen(server, 0, host);
    fallback = `apigw-testkit serve: port ${port.number} is in use, so a free port was chosen (name one with --port)\n`;
  }
  const webSocket = loaded.webSocket
    ? attachWebSocket(server, loaded.webSocket, (line) => io.stdout(line))
    : undefined;
  const address = server.address() as AddressInfo;
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  io.stdout(
    fallback +
      usageText({
        origin,
        cwd: io.cwd,
        file: loaded.file,
        gateway: loaded.gateway,
        options: loaded.options,
        examples: loaded.examples,
        webSocketLines: loaded.webSocket
          ? webSocketUsage(origin, loaded.webSocket, loaded.webSocketExamples)
          : undefined,
      }),
  );
  await waitForStop(io.signal);
  await webSocket?.close();
  await close(server);
  io.stdout('apigw-testkit serve: stopped\n');
  return 0;
}

/** Resolves on SIGINT, SIGTERM or when `signal` aborts; removes its process listeners afterwards. */
function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      done();
    };
    if (signal?.aborted) return stop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

/** The port to listen on, and whether the user named it (then it is strict: no fallback). */
function parsePort(
  value: string | boolean | string[] | undefined,
  fallback: number,
): { number: number; named: boolean } {
  if (value === undefined) return { number: fallback, named: false };
  const text = String(value);
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw usage(
      `--port must be an integer from 0 to 65535, got "${text}"`,
      'Write --port 3000, or --port 0 for a free port',
    );
  }
  return { number: port, named: true };
}

/** Loopback names and addresses: localhost, 127.0.0.0/8, ::1. */
export function isLoopback(host: string): boolean {
  const h = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

function usage(problem: string, hint: string): InvalidInputError {
  return new InvalidInputError('CLI_USAGE', problem, hint);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}
