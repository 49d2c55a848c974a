// Random options through every event builder: each returns a JSON-serialisable event or throws a typed
// EventInputError / InvalidInputError, whatever the options hold (wrong types, hostile objects, null
// prototypes, BigInts, getters that throw, unknown keys).
import fc from 'fast-check';
import {
  buildLambdaContext,
  buildProxyEventV1,
  buildProxyEventV2,
  buildRequestAuthorizerEvent,
  buildRequestAuthorizerEventV2,
  buildTokenAuthorizerEvent,
  buildWebSocketEvent,
} from '../../dist/events/index.js';
import { isTestkitError } from '../../dist/index.js';
import { FuzzFailure, HostileError, sampledCases, show } from './outcome.mjs';

const BUILDERS = {
  buildProxyEventV1,
  buildProxyEventV2,
  buildWebSocketEvent,
  buildTokenAuthorizerEvent,
  buildRequestAuthorizerEvent,
  buildRequestAuthorizerEventV2,
  buildLambdaContext,
};

/** The option names `builder` accepts, as its own UNKNOWN_OPTION error lists them (so this list never drifts). */
function knownOptions(name, builder) {
  try {
    builder({ '\u0000probe': true });
  } catch (error) {
    const known = error?.details?.known;
    if (error?.code === 'UNKNOWN_OPTION' && Array.isArray(known)) return known;
  }
  throw new Error(`${name} did not list its options in an UNKNOWN_OPTION error`);
}

// Every option key some builder knows, plus a few no builder knows.
const KEYS = [
  ...new Set(Object.entries(BUILDERS).flatMap(([name, builder]) => knownOptions(name, builder))),
  'unknownOption',
  '__proto__',
  'constructor',
];

const hostile = fc.constantFrom(
  Object.create(null),
  new Proxy(
    {},
    {
      get: () => {
        throw new HostileError('trap');
      },
      ownKeys: () => {
        throw new HostileError('trap');
      },
    },
  ),
  Object.defineProperty({}, 'x', {
    enumerable: true,
    get: () => {
      throw new HostileError('getter');
    },
  }),
  10n,
  Symbol('s'),
  () => 1,
  new Date(Number.NaN),
  new Map([['a', 'b']]),
  new Uint8Array([0, 255]),
  Number.NaN,
  -0,
  Number.POSITIVE_INFINITY,
);

const plausible = fc.oneof(
  fc.constantFrom(
    'GET',
    'post',
    'ANY',
    '/pets/7?x=1',
    '/{proxy+}',
    '/pets/{id}',
    'GET /pets/{id}',
    '$default',
    'dev',
    'application/json',
    'Bearer abc',
    '1.2.3.4',
    'CONNECT',
    'MESSAGE',
    '2.0',
    'REST',
    'HTTP',
  ),
  fc.webPath(),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
  fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 3 }),
);

const value = fc.oneof(
  { weight: 3, arbitrary: plausible },
  {
    weight: 3,
    arbitrary: fc.anything({
      maxDepth: 2,
      withBigInt: true,
      withNullPrototype: true,
      withDate: true,
      withMap: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
    }),
  },
  { weight: 1, arbitrary: hostile },
);

const options = fc.oneof(
  { weight: 8, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 5 }) },
  { weight: 1, arbitrary: value },
);

/** `count` builder cases from `seed`. */
export function* builderCases(count, seed) {
  yield* sampledCases(
    fc.tuple(fc.constantFrom(...Object.keys(BUILDERS)), options),
    count,
    seed,
    ([name, opts]) =>
      () =>
        buildCase(name, opts),
  );
}

function buildCase(name, opts) {
  let event;
  try {
    event = BUILDERS[name](opts);
  } catch (error) {
    if (isTestkitError(error)) return 'typed error';
    if (error instanceof HostileError) return "the options' own exception";
    throw new FuzzFailure(`${name} threw a non-typed ${show(error)} for options ${show(opts)}`);
  }
  if (name === 'buildLambdaContext') return 'built';
  try {
    JSON.stringify(event);
  } catch (error) {
    throw new FuzzFailure(
      `${name} returned an event JSON cannot hold (${show(error)}) for options ${show(opts)}`,
    );
  }
  return 'built';
}
