import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
} from 'aws-lambda';
import { InvalidInputError } from '../errors/families.js';
import { formatValue } from '../errors/format-value.js';
import { builtin } from '../node/builtin.js';
import type { WebSocketEvent } from './websocket-event.js';

/** Event kinds with canonical samples under `fixtures/events/<kind>/`. */
export interface EventFixtureKinds {
  'proxy-v1': APIGatewayProxyEvent;
  'proxy-v2': APIGatewayProxyEventV2;
  websocket: WebSocketEvent;
  'token-authorizer': APIGatewayTokenAuthorizerEvent;
  'request-authorizer-v1': APIGatewayRequestAuthorizerEvent;
  'request-authorizer-v2': APIGatewayRequestAuthorizerEventV2;
}

/** Name of a fixture folder. */
export type EventFixtureKind = keyof EventFixtureKinds;

/** Deeply read-only view of a loaded fixture. */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

const KINDS: readonly EventFixtureKind[] = [
  'proxy-v1',
  'proxy-v2',
  'websocket',
  'token-authorizer',
  'request-authorizer-v1',
  'request-authorizer-v2',
];

let root: URL | undefined;

/**
 * The package's fixtures/events/ folder: the nearest one above this module, which sits at a different depth
 * in src/ (tests), in a dist/ bundle and in a shared dist/chunks/ file. Found on first use, not on import.
 */
function fixturesRoot(): URL {
  if (root) return root;
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    const candidate = new URL('fixtures/events/', dir);
    if (builtin('node:fs').existsSync(candidate)) {
      root = candidate;
      return candidate;
    }
    if (dir.pathname === '/') throw new Error(`fixtures/events/ not found above ${import.meta.url}`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function checkKind(kind: string): asserts kind is EventFixtureKind {
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new InvalidInputError(
      'FIXTURE_UNKNOWN_KIND',
      `unknown event fixture kind: ${formatValue(kind)}`,
      `Use one of ${KINDS.join(', ')}.`,
    );
  }
}

/**
 * Scenario names available for a fixture kind (file names without `.json`), `invalid` included.
 *
 * @example
 * ```ts
 * listEventFixtures('proxy-v1'); // ['binary-body', 'cognito-claims', 'get-no-auth', …, 'invalid']
 * ```
 */
export function listEventFixtures(kind: EventFixtureKind): string[] {
  checkKind(kind);
  return builtin('node:fs')
    .readdirSync(new URL(`${kind}/`, fixturesRoot()))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/**
 * Loads a canonical event sample from `fixtures/events/<kind>/<scenario>.json`, deep-frozen so no test can
 * change it for the next one (spread or `structuredClone` it to derive a variant).
 *
 * @example
 * ```ts
 * const event = loadEventFixture('proxy-v1', 'get-no-auth');
 * await handler(structuredClone(event), context);
 * ```
 */
export function loadEventFixture<K extends EventFixtureKind>(
  kind: K,
  scenario: string,
): DeepReadonly<EventFixtureKinds[K]> {
  checkKind(kind);
  if (!/^[a-z0-9-]+$/.test(scenario)) {
    throw new InvalidInputError(
      'FIXTURE_UNKNOWN_SCENARIO',
      `invalid fixture scenario name: ${formatValue(scenario)}`,
      `Use one of ${listEventFixtures(kind).join(', ')}.`,
    );
  }
  let text: string;
  try {
    text = builtin('node:fs').readFileSync(new URL(`${kind}/${scenario}.json`, fixturesRoot()), 'utf8');
  } catch {
    throw new InvalidInputError(
      'FIXTURE_UNKNOWN_SCENARIO',
      `no ${kind} fixture named ${formatValue(scenario)}`,
      `Use one of ${listEventFixtures(kind).join(', ')}.`,
    );
  }
  return deepFreeze(JSON.parse(text) as DeepReadonly<EventFixtureKinds[K]>);
}
