import { assertKnownOptions, EventInputError } from '../../errors/families.js';
import { formatValue } from '../../errors/format-value.js';

/** A scalar a REST/WebSocket Lambda authorizer may put in its `context`. */
export type AuthorizerContextValue = string | number | boolean | null;

/** A Lambda (TOKEN/REQUEST) authorizer's verdict as the integration sees it. */
export interface LambdaAuthorizerInput {
  /** Default `user`. */
  principalId?: string;
  /** The authorizer's `context`; values must be scalars and arrive as strings (REST/WebSocket). */
  context?: Readonly<Record<string, AuthorizerContextValue>>;
  /** Milliseconds the authorizer took. Default 0. */
  integrationLatency?: number;
}

/** A Cognito user-pool authorizer's verdict (REST). */
export interface CognitoAuthorizerInput {
  /** Token claims; scalars are stringified, arrays joined with `,` as REST delivers them. */
  claims?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  /** OAuth scopes of an access token, when the method has authorization scopes. */
  scopes?: readonly string[];
}

/** Authorizer of a REST (payload 1.0) event: one of `lambda`, `cognito`, or `iam` (fills `identity`). */
export type ProxyEventV1AuthorizerInput =
  | { lambda: LambdaAuthorizerInput }
  | { cognito: CognitoAuthorizerInput }
  | { iam: IamCallerInput };

/** The IAM caller of an `AWS_IAM` method or route. */
export interface IamCallerInput {
  accessKey?: string;
  accountId?: string;
  /** REST `identity.caller` / HTTP API `iam.callerId`. */
  caller?: string;
  user?: string;
  userArn?: string;
  principalOrgId?: string | null;
}

const LAMBDA_KEYS = ['principalId', 'context', 'integrationLatency'];
const COGNITO_KEYS = ['claims', 'scopes'];
const IAM_KEYS = ['accessKey', 'accountId', 'caller', 'user', 'userArn', 'principalOrgId'];

/** Picks the single kind key of an authorizer option (`{ lambda: … }` → `lambda`). */
export function authorizerKind(where: string, input: object, kinds: readonly string[]): string {
  const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(input)) {
    throw new EventInputError(
      'EVENT_INVALID_AUTHORIZER',
      `${where}: authorizer must be an object, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`,
      `Write authorizer: { ${kinds[0]}: { … } }.`,
    );
  }
  const keys = Object.keys(input);
  if (keys.length === 1 && kinds.includes(keys[0]!)) {
    const kind = keys[0]!;
    if (isObject((input as Record<string, unknown>)[kind])) return kind;
    throw new EventInputError(
      'EVENT_INVALID_AUTHORIZER',
      `${where}: authorizer.${kind} must be an object`,
      `Write authorizer: { ${kind}: { … } } (an empty object for the defaults).`,
      { keys },
    );
  }
  throw new EventInputError(
    'EVENT_INVALID_AUTHORIZER',
    `${where}: authorizer must have exactly one of ${kinds.join(', ')}, got {${keys.join(', ')}}`,
    `Write authorizer: { ${kinds[0]}: { … } }.`,
    { keys },
  );
}

/** REST Lambda authorizer context: `principalId`, `integrationLatency`, then context values as strings. */
export function lambdaAuthorizerV1(
  where: string,
  input: LambdaAuthorizerInput,
): Record<string, string | number> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new EventInputError(
      'EVENT_INVALID_AUTHORIZER',
      `${where}: the Lambda authorizer output (authorizer.lambda, or a WebSocket authorizer) must be an object`,
      "Pass { principalId: 'user', context: { … } }.",
    );
  }
  assertKnownOptions(`${where} authorizer.lambda`, input, LAMBDA_KEYS);
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(input.context ?? {})) {
    if (value !== null && typeof value === 'object') {
      throw new EventInputError(
        'EVENT_INVALID_AUTHORIZER_CONTEXT',
        `${where}: authorizer context value ${key} is an object or array: ${formatValue(value)}`,
        'A REST/WebSocket Lambda authorizer context holds only strings, numbers and booleans (AWS answers 500 otherwise).',
        { key },
      );
    }
    out[key] = String(value);
  }
  out.principalId = input.principalId ?? 'user';
  out.integrationLatency = input.integrationLatency ?? 0;
  return out;
}

/** REST Cognito authorizer: `{ claims }` with string values (+ `scopes` when given). */
export function cognitoAuthorizerV1(where: string, input: CognitoAuthorizerInput): Record<string, unknown> {
  assertKnownOptions(`${where} authorizer.cognito`, input, COGNITO_KEYS);
  const claims: Record<string, string> = {};
  for (const [key, value] of Object.entries(
    input.claims ?? { sub: '7d3f9a2e-0c4b-4a51-9d1e-2b6f3c8e4a10' },
  )) {
    claims[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return input.scopes === undefined ? { claims } : { claims, scopes: [...input.scopes] };
}

/** Fills the IAM caller's fields with plausible defaults. */
export function iamCaller(where: string, input: IamCallerInput, accountId: string): Required<IamCallerInput> {
  assertKnownOptions(`${where} authorizer.iam`, input, IAM_KEYS);
  const caller = input.caller ?? 'AROAEXAMPLEROLEID12345:session';
  return {
    accessKey: input.accessKey ?? 'ASIAIOSFODNN7EXAMPLE',
    accountId: input.accountId ?? accountId,
    caller,
    user: input.user ?? caller,
    userArn:
      input.userArn ?? `arn:aws:sts::${input.accountId ?? accountId}:assumed-role/example-role/session`,
    principalOrgId: input.principalOrgId ?? null,
  };
}
