import * as fc from 'fast-check';
import { ALNUM, charsFrom, DIGITS, identifier, LOWER, UPPER } from './chars.js';
import { nastyString } from './nasty-string.js';

/** The verbs of a request (REST methods and HTTP API routes; `ANY` is a route method, not a verb). */
export const REQUEST_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** A resource path template, a request path that matches it and the path parameters the match gives. */
export interface ResourcePath {
  /** `/pets/{id}/{proxy+}` */
  resource: string;
  /** `/pets/7/a/b/` */
  path: string;
  /** `{ id: '7', proxy: 'a/b' }`; empty when the resource has no variables. */
  pathParameters: Record<string, string>;
}

// Characters allowed raw in a path segment (RFC 3986 pchar minus '%'), and a few percent-encodings.
const SEGMENT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@";
const ENCODED = ['%20', '%2B', '%2F', '%22', '%C3%A9', '%F0%9F%98%80', '%25'];
const SEGMENT_UNITS: readonly string[] = [...SEGMENT_CHARS, ...ENCODED];

/** One non-empty request path segment, raw (API Gateway does not decode REST path parameters). */
export function pathSegment(): fc.Arbitrary<string> {
  return charsFrom(SEGMENT_UNITS, 1, 8);
}

type Segment = { kind: 'static'; text: string } | { kind: 'variable'; name: string; value: string };

/**
 * Resource templates with static segments, `{name}` variables and an optional trailing greedy
 * `{proxy+}`, each with a request path that matches it (a greedy path may end with a slash, which API
 * Gateway keeps in `path` but drops from the parameter).
 */
export function resourcePath(): fc.Arbitrary<ResourcePath> {
  const staticSegment = identifier(LOWER, `${LOWER}${DIGITS}-`, 7).map(
    (text): Segment => ({ kind: 'static', text }),
  );
  const variable = fc
    .tuple(identifier(LOWER, `${ALNUM}_`, 6), pathSegment())
    .map(([name, value]): Segment => ({ kind: 'variable', name, value }));
  const greedy = fc
    .tuple(
      fc.constantFrom('proxy', 'path', 'rest'),
      fc.array(pathSegment(), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
    )
    .map(([name, parts, trailingSlash]) => ({ name, parts, trailingSlash }));
  return fc
    .tuple(fc.array(fc.oneof(staticSegment, variable), { maxLength: 3 }), fc.option(greedy, { freq: 3 }))
    .map(([segments, tail]) => {
      const names = new Set<string>();
      const resource: string[] = [];
      const path: string[] = [];
      const pathParameters: Record<string, string> = {};
      for (const segment of segments) {
        if (segment.kind === 'static') {
          resource.push(segment.text);
          path.push(segment.text);
          continue;
        }
        let name = segment.name;
        for (let i = 2; names.has(name); i++) name = `${segment.name}${i}`;
        names.add(name);
        resource.push(`{${name}}`);
        path.push(segment.value);
        pathParameters[name] = segment.value;
      }
      let trailing = '';
      if (tail) {
        let name: string = tail.name;
        for (let i = 2; names.has(name); i++) name = `${tail.name}${i}`;
        resource.push(`{${name}+}`);
        path.push(...tail.parts);
        pathParameters[name] = tail.parts.join('/');
        if (tail.trailingSlash) trailing = '/';
      }
      return {
        resource: `/${resource.join('/')}`,
        path: `/${path.join('/')}${trailing}`,
        pathParameters,
      };
    });
}

// Names the builders derive other fields from, or that the body decides; kept out of random headers.
const RESERVED_HEADERS = new Set([
  'host',
  'content-type',
  'content-length',
  'cookie',
  'user-agent',
  'x-forwarded-for',
  'x-forwarded-port',
  'x-forwarded-proto',
  'x-amzn-trace-id',
]);

/** Request header names: common ones (repeats likely) and random HTTP tokens. */
export function requestHeaderName(): fc.Arbitrary<string> {
  return fc
    .oneof(
      {
        arbitrary: fc.constantFrom(
          'Accept',
          'X-Request-Id',
          'X-Tag',
          'Authorization',
          'If-None-Match',
          'x-api-key',
        ),
        weight: 3,
      },
      { arbitrary: identifier(LOWER + UPPER, `${ALNUM}-`, 10), weight: 1 },
    )
    .filter((name) => !RESERVED_HEADERS.has(name.toLowerCase()));
}

/** Header values HTTP can carry: no CR/LF/NUL, no surrounding whitespace; quotes, `$`, `#`, emoji welcome. */
export function requestHeaderValue(): fc.Arbitrary<string> {
  return nastyString({ maxPieces: 4 }).map((s) => s.replace(/[\r\n\0]/g, '').trim());
}

/** Header lines in request order; the small name pool makes repeated names common. */
export function headerPairs(): fc.Arbitrary<Array<[string, string]>> {
  return fc.array(fc.tuple(requestHeaderName(), requestHeaderValue()), { maxLength: 6 });
}

/** Decoded query pairs in order, repeated keys common, keys and values full of `&`, `=`, `+`, `%`, `#`, quotes. */
export function queryPairs(): fc.Arbitrary<Array<[string, string]>> {
  const key = fc.oneof(
    { arbitrary: fc.constantFrom('q', 'page', 'tag', 'filter'), weight: 2 },
    { arbitrary: nastyString({ minPieces: 1, maxPieces: 3 }), weight: 1 },
  );
  return fc.array(fc.tuple(key, nastyString({ maxPieces: 4 })), { maxLength: 5 });
}

/** Stage variables: names of letters, digits and `_`; values of the characters AWS allows. */
export function stageVariables(names: readonly string[] = []): fc.Arbitrary<Record<string, string>> {
  const value = charsFrom(`${ALNUM}-._~:/?#&=,`, 1, 20);
  const random = fc.dictionary(charsFrom(`${ALNUM}_`, 1, 12), value, {
    maxKeys: 2,
    noNullPrototype: true,
  });
  if (names.length === 0) return random;
  const known: Record<string, fc.Arbitrary<string>> = {};
  for (const name of names) known[name] = value;
  return fc
    .tuple(fc.record(known, { requiredKeys: [], noNullPrototype: true }), random)
    .map(([k, r]) => ({ ...r, ...k }) as Record<string, string>);
}

/** Stage names: letters, digits, `_` and `-`. */
export function stageName(): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom('dev', 'prod', 'v1'), charsFrom(`${ALNUM}_-`, 1, 12));
}

/** Request times between 2020 and 2035, epoch milliseconds. */
export function requestTime(): fc.Arbitrary<number> {
  return fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });
}
