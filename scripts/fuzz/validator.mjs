// Random handler results through validateProxyResult (never throws for any result: it returns a report) and
// assertProxyResult (returns, or throws ProxyResultError with that report), for both payload formats.
import fc from 'fast-check';
import { assertProxyResult, isTestkitError, validateProxyResult } from '../../dist/index.js';
import { FuzzFailure, HostileError, sampledCases, show } from './outcome.mjs';

const anything = fc.anything({
  maxDepth: 2,
  withBigInt: true,
  withNullPrototype: true,
  withDate: true,
  withMap: true,
  withTypedArray: true,
  withBoxedValues: true,
});
const headerMap = fc.oneof(
  fc.dictionary(
    fc.string({ maxLength: 12 }),
    fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), anything),
    { maxKeys: 4 },
  ),
  anything,
);
const proxyLike = fc.record(
  {
    statusCode: fc.oneof(
      fc.integer({ min: -1, max: 1000 }),
      fc.constantFrom('200', '2xx', 200.5, null),
      anything,
    ),
    headers: headerMap,
    multiValueHeaders: fc.oneof(
      fc.dictionary(fc.string({ maxLength: 8 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 })),
      anything,
    ),
    body: fc.oneof(fc.string({ maxLength: 60 }), fc.json(), anything),
    isBase64Encoded: fc.oneof(fc.boolean(), anything),
    cookies: fc.oneof(fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), anything),
  },
  { requiredKeys: [] },
);
const cyclic = fc.constant(null).map(() => {
  const result = { statusCode: 200, body: 'x' };
  result.self = result;
  return result;
});
const throwing = fc.constant(null).map(() =>
  Object.defineProperty({ statusCode: 200 }, 'body', {
    enumerable: true,
    get: () => {
      throw new HostileError('getter');
    },
  }),
);
const result = fc.oneof(
  { weight: 5, arbitrary: proxyLike },
  { weight: 2, arbitrary: anything },
  { weight: 1, arbitrary: fc.oneof(cyclic, throwing, fc.constant({ statusCode: 200, body: 10n })) },
);
const options = fc.record(
  {
    payloadFormat: fc.constantFrom('1.0', '2.0', '3.0', undefined),
    apiType: fc.constantFrom('REST', 'HTTP', 'WEBSOCKET', undefined),
  },
  { requiredKeys: [] },
);

/** `count` validator cases from `seed`. */
export function* validatorCases(count, seed) {
  yield* sampledCases(
    fc.tuple(result, options),
    count,
    seed,
    ([value, opts]) =>
      () =>
        validateCase(value, opts),
  );
}

function validateCase(value, opts) {
  let report;
  try {
    report = validateProxyResult(value, opts);
  } catch (error) {
    if (isTestkitError(error)) return 'typed error';
    throw new FuzzFailure(
      `validateProxyResult threw a non-typed ${show(error)} for ${show(value)}, options ${show(opts)}`,
    );
  }
  if (typeof report?.ok !== 'boolean') throw new FuzzFailure(`validateProxyResult returned ${show(report)}`);
  try {
    assertProxyResult(value, opts);
    if (!report.ok)
      throw new FuzzFailure(`assertProxyResult passed a result validateProxyResult rejects: ${show(value)}`);
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    if (!isTestkitError(error)) {
      throw new FuzzFailure(`assertProxyResult threw a non-typed ${show(error)} for ${show(value)}`);
    }
    if (report.ok)
      throw new FuzzFailure(
        `assertProxyResult threw for a result validateProxyResult accepts: ${show(value)}`,
      );
  }
  return report.ok ? 'valid result' : 'invalid result (report)';
}
