import { InvalidInputError } from '../../errors/families.js';

/** Canonical event kind names of `apigw-testkit event`. */
export type EventKind =
  | 'v1'
  | 'v2'
  | 'websocket-connect'
  | 'websocket-message'
  | 'websocket-disconnect'
  | 'token-authorizer'
  | 'request-authorizer'
  | 'request-authorizer-v2';

/** Each kind with its accepted spellings (first is canonical). */
export const EVENT_KINDS: readonly { kind: EventKind; names: readonly string[] }[] = [
  { kind: 'v1', names: ['v1', 'rest', 'proxy-v1'] },
  { kind: 'v2', names: ['v2', 'http', 'proxy-v2'] },
  { kind: 'websocket-connect', names: ['websocket-connect', 'ws-connect'] },
  { kind: 'websocket-message', names: ['websocket-message', 'ws-message', 'websocket'] },
  { kind: 'websocket-disconnect', names: ['websocket-disconnect', 'ws-disconnect'] },
  { kind: 'token-authorizer', names: ['token-authorizer', 'token'] },
  { kind: 'request-authorizer', names: ['request-authorizer', 'request-authorizer-v1'] },
  { kind: 'request-authorizer-v2', names: ['request-authorizer-v2'] },
];

/** Resolves a kind name or alias; an unknown one is a `CLI_USAGE` error listing the kinds. */
export function resolveKind(name: string): EventKind {
  const found = EVENT_KINDS.find((k) => k.names.includes(name.toLowerCase()));
  if (found) return found.kind;
  throw new InvalidInputError(
    'CLI_USAGE',
    `apigw-testkit event: unknown event kind "${name}"`,
    `Use one of ${EVENT_KINDS.map((k) => k.names[0]).join(', ')}.`,
  );
}
