import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidInputError } from '../../errors/families.js';
import {
  buildProxyEventV1,
  buildProxyEventV2,
  buildRequestAuthorizerEvent,
  buildRequestAuthorizerEventV2,
  buildTokenAuthorizerEvent,
  buildWebSocketEvent,
} from '../../events/index.js';
import { type FlagSpec, formatHelp, parseArgs, splitPairs } from '../args.js';
import type { CliCommand, CliIo } from '../command.js';
import { EVENT_KINDS, type EventKind, resolveKind } from './event-kinds.js';

/** The flags of `apigw-testkit event` (also taken by `invoke` to build its event). */
export const EVENT_FLAGS: Record<string, FlagSpec> = {
  method: { type: 'string', value: 'VERB', description: 'Request verb (default GET, or the route key verb)' },
  path: { type: 'string', value: 'path', description: 'Request path after the stage; may carry ?query' },
  resource: {
    type: 'string',
    value: 'template',
    description: 'REST resource, e.g. /pets/{id} (default /{proxy+})',
  },
  'route-key': {
    type: 'string',
    value: 'key',
    description: "HTTP API / WebSocket route key, e.g. 'GET /pets/{id}'",
  },
  header: { type: 'string', multiple: true, value: 'name:value', description: 'Request header' },
  query: { type: 'string', multiple: true, value: 'key=value', description: 'Query parameter' },
  cookie: { type: 'string', multiple: true, value: 'name=value', description: 'Cookie' },
  body: { type: 'string', value: 'text', description: 'Request body (text as sent) or WebSocket frame' },
  'body-file': {
    type: 'string',
    value: 'path|-',
    description: 'Request body read from a file (bytes as sent; - for standard input)',
  },
  stage: { type: 'string', value: 'name', description: "Stage (default dev; HTTP API '$default')" },
  'stage-var': { type: 'string', multiple: true, value: 'key=value', description: 'Stage variable' },
  'binary-media-type': {
    type: 'string',
    multiple: true,
    value: 'type',
    description: 'REST binary media type',
  },
  'api-type': {
    type: 'string',
    value: 'REST|HTTP',
    description: 'v1 / request-authorizer: HTTP gives payload 1.0 of an HTTP API',
  },
  'source-ip': { type: 'string', value: 'ip', description: 'Client IP' },
  'user-agent': { type: 'string', value: 'text', description: 'Client User-Agent' },
  token: { type: 'string', value: 'text', description: 'token-authorizer: the authorization token' },
  time: {
    type: 'string',
    value: 'iso|ms',
    description: 'Request time (ISO 8601 or epoch ms; default 2024-01-01T00:00:00Z)',
  },
  seed: { type: 'string', value: 'seed', description: 'Seed of the generated ids (same seed, same event)' },
  'random-ids': { type: 'boolean', description: 'Random ids instead of seeded ones' },
  fake: { type: 'boolean', description: 'Realistic values from @faker-js/faker (seeded by --seed)' },
  compact: { type: 'boolean', description: 'Print the JSON on one line' },
};

// Flags each kind accepts besides the common ones; anything else is a usage error, never ignored.
const COMMON = ['seed', 'random-ids', 'fake', 'compact', 'time', 'stage', 'source-ip', 'user-agent'];
const HTTP = ['method', 'path', 'header', 'query', 'cookie', 'stage-var'];
const ALLOWED: Record<EventKind, readonly string[]> = {
  v1: [...COMMON, ...HTTP, 'resource', 'body', 'body-file', 'binary-media-type', 'api-type'],
  v2: [...COMMON, ...HTTP, 'route-key', 'body', 'body-file'],
  'websocket-connect': [...COMMON, 'header', 'query', 'stage-var', 'route-key'],
  'websocket-message': [...COMMON, 'body', 'body-file', 'stage-var', 'route-key'],
  'websocket-disconnect': [...COMMON, 'stage-var', 'route-key'],
  'token-authorizer': ['seed', 'compact', 'stage', 'method', 'path', 'token'],
  'request-authorizer': [...COMMON, ...HTTP, 'resource', 'api-type'],
  'request-authorizer-v2': [...COMMON, ...HTTP, 'route-key'],
};

const USAGE = 'apigw-testkit event <kind> [options]';
const SUMMARY = `Prints an API Gateway event, every field derived consistently from the options.

Kinds: ${EVENT_KINDS.map((k) => k.names.join(' | ')).join(', ')}`;

function usage(problem: string, hint: string): InvalidInputError {
  return new InvalidInputError('CLI_USAGE', `apigw-testkit event: ${problem}`, hint);
}

/** The body file's bytes: text when they are UTF-8 (the builders then judge it like a typed body), else bytes. */
async function readBodyFile(path: string, io: CliIo): Promise<string | Uint8Array> {
  if (path === '-') return io.readStdin();
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(io.cwd, path));
  } catch (error) {
    throw usage(
      `cannot read --body-file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'Check the path (relative to the current directory), or pass - to read standard input.',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return bytes;
  }
}

function parseTime(text: string): number {
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(ms))
    throw usage(`--time is not a date: ${text}`, 'Write --time 2024-01-01T00:00:00Z or epoch milliseconds.');
  return ms;
}

/** Turns parsed flags into builder options (only the flags that were given). */
function toOptions(
  kind: EventKind,
  flags: Record<string, string | boolean | string[]>,
): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const list = (name: string): string[] => (flags[name] as string[] | undefined) ?? [];
  const str = (name: string): string | undefined => flags[name] as string | undefined;
  for (const [flag, key] of [
    ['method', 'method'],
    ['path', 'path'],
    ['resource', 'resource'],
    ['route-key', 'routeKey'],
    ['body', 'body'],
    ['stage', 'stage'],
    ['source-ip', 'sourceIp'],
    ['user-agent', 'userAgent'],
    ['token', 'token'],
    ['api-type', 'apiType'],
  ] as const) {
    if (str(flag) !== undefined) o[key] = str(flag);
  }
  if (flags.header) o.headers = splitPairs('event', 'header', list('header'), ':');
  if (flags.query) o.query = splitPairs('event', 'query', list('query'), '=');
  if (flags.cookie) o.cookies = list('cookie');
  if (flags['stage-var'])
    o.stageVariables = Object.fromEntries(splitPairs('event', 'stage-var', list('stage-var'), '='));
  if (flags['binary-media-type']) o.binaryMediaTypes = list('binary-media-type');
  if (flags.time !== undefined) o.time = parseTime(str('time')!);
  if (flags.seed !== undefined && !flags.fake)
    o.seed = /^-?\d+$/.test(str('seed')!) ? Number(str('seed')) : str('seed');
  if (flags['random-ids']) o.randomIds = true;
  if (kind.startsWith('websocket-')) o.eventType = kind.slice('websocket-'.length).toUpperCase();
  return o;
}

async function build(
  kind: EventKind,
  options: Record<string, unknown>,
  fake: boolean,
  seed: string | undefined,
): Promise<unknown> {
  if (fake) {
    const faker = await import('../../faker/index.js').catch(() => {
      throw usage('--fake needs @faker-js/faker', 'Install it: npm install --save-dev @faker-js/faker');
    });
    const fakeOptions = seed === undefined ? {} : { seed: /^-?\d+$/.test(seed) ? Number(seed) : seed };
    switch (kind) {
      case 'v1':
        return faker.fakeProxyEventV1(options, fakeOptions);
      case 'v2':
        return faker.fakeProxyEventV2(options, fakeOptions);
      case 'token-authorizer':
        return faker.fakeTokenAuthorizerEvent(options, fakeOptions);
      case 'request-authorizer':
        return faker.fakeRequestAuthorizerEvent(options, fakeOptions);
      case 'request-authorizer-v2':
        return faker.fakeRequestAuthorizerEventV2(options, fakeOptions);
      default:
        return faker.fakeWebSocketEvent(options, fakeOptions);
    }
  }
  switch (kind) {
    case 'v1':
      return buildProxyEventV1(options);
    case 'v2':
      return buildProxyEventV2(options);
    case 'token-authorizer':
      return buildTokenAuthorizerEvent(options);
    case 'request-authorizer':
      return buildRequestAuthorizerEvent(options);
    case 'request-authorizer-v2':
      return buildRequestAuthorizerEventV2(options);
    default:
      return buildWebSocketEvent(options);
  }
}

/**
 * Builds the event of `kind` from parsed `event` flags (shared by `event` and `invoke`): a flag the kind does not
 * take is a usage error naming `command`.
 */
export async function buildEventFromFlags(
  command: string,
  kind: EventKind,
  flags: Record<string, string | boolean | string[]>,
  io: CliIo,
): Promise<unknown> {
  for (const flag of Object.keys(flags)) {
    if (!ALLOWED[kind].includes(flag)) {
      throw new InvalidInputError(
        'CLI_USAGE',
        `apigw-testkit ${command}: --${flag} does not apply to ${kind} events`,
        `Flags for ${kind}: ${ALLOWED[kind].map((f) => `--${f}`).join(' ')}.`,
      );
    }
  }
  const options = toOptions(kind, flags);
  if (typeof flags['body-file'] === 'string') {
    if (flags.body !== undefined)
      throw usage('--body and --body-file both give the body', 'Keep one of them.');
    options.body = await readBodyFile(flags['body-file'], io);
  }
  return build(kind, options, flags.fake === true, flags.seed as string | undefined);
}

/** `apigw-testkit event <kind>`: prints an event built by the event builders. */
export const eventCommand: CliCommand = {
  name: 'event',
  summary: 'Print an API Gateway event (REST, HTTP API, WebSocket, authorizers), derived consistently',
  help: `${formatHelp(USAGE, SUMMARY, EVENT_FLAGS)}
Examples:
  apigw-testkit event v1 --method POST --resource '/pets/{id}' --path /pets/7 --header content-type:application/json --body '{"name":"Rex"}'
  apigw-testkit event v2 --route-key 'GET /pets/{id}' --path '/pets/7?verbose=true' --cookie session=abc --stage prod
  apigw-testkit event websocket-message --body '{"action":"send"}'
  apigw-testkit event v2 --method POST --header content-type:image/png --body-file photo.png
  apigw-testkit event token-authorizer --token 'Bearer abc' --path /pets/7
  apigw-testkit event v1 --fake --seed 42
`,
  run: async (argv, io) => {
    const { positionals, flags } = parseArgs('event', argv, EVENT_FLAGS);
    if (positionals.length !== 1) {
      throw usage(
        positionals.length === 0
          ? 'missing the event kind'
          : `expected one kind, got ${positionals.join(' ')}`,
        `Write apigw-testkit event <kind>, with <kind> one of ${EVENT_KINDS.map((k) => k.names[0]).join(', ')}.`,
      );
    }
    const event = await buildEventFromFlags('event', resolveKind(positionals[0]!), flags, io);
    io.stdout(`${flags.compact ? JSON.stringify(event) : JSON.stringify(event, null, 2)}\n`);
    return 0;
  },
};
