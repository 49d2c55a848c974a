import { inspect, isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BufferedHeaders } from '../../src/http/buffered-headers.js';
import { BufferedResponse } from '../../src/http/buffered-response.js';

// A differential property test: random operation sequences applied to undici's own response Headers (Node's
// fetch) and to a BufferedResponse's BufferedHeaders, comparing every result and every thrown error (class,
// message, code) step by step, including iterators held across changes and util.inspect output.

const NAMES = [
  'Content-Type',
  'content-type',
  'CONTENT-TYPE',
  'Set-Cookie',
  'set-cookie',
  'SET-COOKIE',
  'Cookie',
  'cookie',
  'X-A',
  'x-a',
  'x-b',
  'Accept',
  '1',
  '__proto__',
  'constructor',
  'a_b',
  "!#$%&'*+-.^`|~",
];
const BAD_NAMES = ['', 'a b', 'é', 'x:y', '(x)', 'a\nb', 'ā', '😀', 'a\u0000', '"q"'];
const VALUES = ['v', '1', '', ' ', ' a\t', '\r\nb\n', 'a, b', 'c=d; Path=/', 'é', 'x y', '\t'];
const BAD_VALUES = ['a\nb', 'a\rb', 'a\0b', 'ā', '😀', '\ud800'];
const OTHERS: unknown[] = [1, null, undefined, true, { toString: () => 'X-O' }, Symbol('s')];

const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHERS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const value = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHERS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const kind = fc.constantFrom('keys', 'values', 'entries', 'iterator');
const op = fc.oneof(
  fc.record({ op: fc.constantFrom('append', 'set'), name, value, args: fc.constantFrom(0, 1, 2) }),
  fc.record({ op: fc.constantFrom('get', 'has', 'delete'), name, args: fc.constantFrom(0, 1, 1, 1) }),
  fc.record({ op: fc.constantFrom('getSetCookie', 'spread', 'inspect', 'forEach', 'copy', 'tag') }),
  fc.record({ op: fc.constant('iterate'), kind }),
  fc.record({ op: fc.constant('next'), steps: fc.integer({ min: 1, max: 3 }) }),
);
type Op = {
  op: string;
  name?: unknown;
  value?: unknown;
  args?: number;
  kind?: string;
  steps?: number;
};

// Seeds as a gateway response has them: token names in any case, values undici keeps or trims.
const seed = fc.array(
  fc.tuple(
    fc.constantFrom(...NAMES),
    fc.constantFrom('v', '1', 'a=1', 'text/html', '', ' a\t', '\tb  c ', '\r\n'),
  ),
  { maxLength: 6 },
);

/** Runs one operation; a thrown error becomes its class, message and code. */
function apply(headers: Headers, step: Op, held: { iterator?: Iterator<unknown> | undefined }): unknown {
  try {
    return run(headers, step, held);
  } catch (error) {
    const { name: type, message, code } = error as Error & { code?: string };
    return { threw: [type, error?.constructor === TypeError, message, code] };
  }
}

function run(h: Headers, step: Op, held: { iterator?: Iterator<unknown> | undefined }): unknown {
  const call = (method: string, ...args: unknown[]) =>
    (h as unknown as Record<string, (...a: unknown[]) => unknown>)[method]?.(...args);
  const args = [step.name, step.value].slice(0, step.args);
  switch (step.op) {
    case 'append':
    case 'set':
    case 'get':
    case 'has':
    case 'delete':
      return call(step.op, ...args);
    case 'getSetCookie':
      return h.getSetCookie();
    case 'spread':
      return [...h];
    case 'inspect':
      return [inspect(h), inspect(h, { depth: 0 }), inspect(h.entries())];
    case 'tag':
      return [
        String(h),
        Object.prototype.toString.call(h.keys()),
        h instanceof Headers,
        h.constructor === Headers,
      ];
    case 'copy':
      return [...new Headers(h)];
    case 'forEach': {
      const calls: unknown[] = [];
      const self = {};
      h.forEach(function (this: unknown, v, k, parent) {
        calls.push([v, k, parent === h, this === self]);
      }, self);
      h.forEach(function (this: unknown) {
        calls.push(this === globalThis);
      });
      return calls;
    }
    case 'iterate': {
      const source = h as unknown as Record<string, () => Iterator<unknown>>;
      held.iterator = step.kind === 'iterator' ? h[Symbol.iterator]() : source[step.kind as string]?.();
      return held.iterator?.next();
    }
    default: {
      const results: unknown[] = [];
      for (let i = 0; i < (step.steps ?? 1); i++) results.push(held.iterator?.next());
      return results;
    }
  }
}

const RUNS = 1500;
const MAX_OPS = 40;

describe('BufferedHeaders against undici’s Headers (differential, random operation sequences)', () => {
  it(`gives the same result or the same error for every step (${RUNS} runs × up to ${MAX_OPS} operations, ~19 on average)`, () => {
    fc.assert(
      fc.property(
        seed,
        fc.boolean(),
        fc.array(op, { maxLength: MAX_OPS, size: 'max' }),
        (pairs, text, ops) => {
          const body = text ? 'x' : new Uint8Array([1]);
          const real = new Response(body, { headers: pairs }).headers;
          const ours = new BufferedResponse(body, { headers: pairs }).headers;
          expect(BufferedHeaders.is(ours)).toBe(true);
          const heldReal = {};
          const heldOurs = {};
          for (const step of ops) {
            const [mine, theirs] = [apply(ours, step as Op, heldOurs), apply(real, step as Op, heldReal)];
            // toEqual (with the step named) decides whenever the two are not already strictly equal.
            if (!isDeepStrictEqual(mine, theirs)) expect(mine, JSON.stringify(step)).toEqual(theirs);
          }
        },
      ),
      { numRuns: RUNS, seed: 12 },
    );
  });
});
