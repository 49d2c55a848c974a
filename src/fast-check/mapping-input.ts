import * as fc from 'fast-check';
import type { MappingInput } from '../vtl/index.js';
import { type BodyShape, shapeArbitrary } from './body-shape.js';
import {
  headerPairs,
  queryPairs,
  REQUEST_METHODS,
  type ResourcePath,
  resourcePath,
  stageName,
  stageVariables,
} from './http-parts.js';
import { jsonBody, serialise } from './json-value.js';
import { nastyString } from './nasty-string.js';
import { arbitraryOption, enumOption, invalidOption, readOptions } from './options.js';
import { isEmptyTree, scanTemplate, treeArbitrary } from './template-references.js';

/** Options of {@link mappingInput}. */
export interface MappingInputOptions {
  /**
   * The template the inputs are for: the body paths (`$input.path('$.a.b')`), parameter names and stage
   * variables it reads are generated most of the time, so its risky paths are actually exercised.
   */
  template?: string;
  /** Bodies to use instead of the generated ones (`null` means a request without a body). */
  body?: fc.Arbitrary<string | null>;
  /** The shape of generated JSON bodies, e.g. `{ name: 'string', 'age?': 'integer', tags: ['string'] }`. */
  bodyShape?: BodyShape;
  /**
   * `'request'` (default): a method request, sometimes without a body. `'response'`: the body is the
   * integration's response body (always present) while the parameters still describe the method request.
   */
  phase?: 'request' | 'response';
}

/** The option names {@link mappingInput} accepts (shared with the template checks). */
export const MAPPING_INPUT_KEYS = ['template', 'body', 'bodyShape', 'phase'] as const;

/**
 * Inputs of a mapping template (`MappingInput` of `apigw-testkit/vtl`), consistent with one request:
 * a JSON body full of nasty strings (shaped after what `template` reads, or after `bodyShape`), path
 * parameters that match a generated resource, query and header maps (single values, last one wins),
 * stage variables and a `$context` agreeing with them (method, stage, resource path, stage-prefixed
 * path). Seed it with fast-check's own `seed` parameter.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { mappingInput } from 'apigw-testkit/fast-check';
 * import { renderTemplate } from 'apigw-testkit/vtl';
 * const template = '{"name": $input.json(\'$.name\')}';
 * fc.assert(fc.property(mappingInput({ template }), (input) => {
 *   JSON.parse(renderTemplate(template, input).output);
 * }));
 * ```
 */
export function mappingInput(options?: MappingInputOptions): fc.Arbitrary<MappingInput> {
  return mappingInputFrom('mappingInput', readOptions('mappingInput', options, MAPPING_INPUT_KEYS));
}

/** {@link mappingInput} with options already read (the template checks validate them under their own name). */
export function mappingInputFrom(where: string, o: Record<string, unknown>): fc.Arbitrary<MappingInput> {
  const template = o.template;
  if (template !== undefined && typeof template !== 'string') {
    throw invalidOption(where, 'template', template, 'Pass the template text as a string');
  }
  const phase = enumOption(where, o, 'phase', 'request', ['request', 'response']);
  const given = arbitraryOption<string | null>(where, o, 'body');
  if (given !== undefined && o.bodyShape !== undefined) {
    throw invalidOption(where, 'bodyShape', o.bodyShape, 'Pass either body or bodyShape, not both');
  }
  const refs = scanTemplate(template ?? '');
  let body: fc.Arbitrary<string | null>;
  if (given !== undefined) {
    body = given;
  } else {
    const text =
      o.bodyShape !== undefined
        ? serialise(shapeArbitrary(o.bodyShape, where), 'mixed')
        : isEmptyTree(refs.body)
          ? jsonBody()
          : serialise(treeArbitrary(refs.body), 'mixed');
    // A request without a body is one more case worth trying, unless the user described the body.
    const withoutBody = phase === 'request' && o.bodyShape === undefined;
    body = withoutBody
      ? fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: text, weight: 9 })
      : text;
  }
  // Each parameter the template reads is present 7 times in 8, in one of the three locations.
  const named = fc.tuple(
    ...refs.params.map((name) =>
      fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 1 },
        {
          arbitrary: fc
            .tuple(fc.constantFrom('path', 'querystring', 'header'), nastyString({ maxPieces: 3 }))
            .map(([where, value]) => ({ name, where, value })),
          weight: 7,
        },
      ),
    ),
  );
  // A template can only reach parameters through `params` and stage variables through `stageVariables`
  // (VTL has no reflection), so parts a template never names are left empty: faster, same coverage.
  const reads = (word: string): boolean => template === undefined || template.includes(word);
  const route =
    template === undefined || reads('params') || readsRoute(template) ? resourcePath() : fc.constant(ROOT);
  return fc
    .record({
      body,
      method: fc.constantFrom(...REQUEST_METHODS),
      route,
      query: reads('params') ? queryPairs() : fc.constant([]),
      headers: reads('params') ? headerPairs() : fc.constant([]),
      named,
      stage: stageName(),
      stageVariables: reads('stageVariables')
        ? fc.option(stageVariables(refs.stageVariables), { freq: 4, nil: undefined })
        : fc.constant(undefined),
      sourceIp: fc
        .nat(0xffffffff)
        .map((n) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`),
    })
    .map((g): MappingInput => {
      const path: Record<string, string> = { ...g.route.pathParameters };
      const querystring: Record<string, string> = {};
      const header: Record<string, string> = {};
      for (const [key, value] of g.query) put(querystring, key, value);
      for (const [name, value] of g.headers) put(header, name, value);
      for (const param of g.named) {
        if (param === undefined) continue;
        const { name, where, value } = param;
        if (where === 'header') put(header, name, value.replace(/[\r\n\0]/g, '').trim());
        else put(where === 'path' ? path : querystring, name, value);
      }
      const input: MappingInput = {
        body: g.body,
        params: { path, querystring, header },
        context: {
          httpMethod: g.method,
          stage: g.stage,
          resourcePath: g.route.resource,
          path: `/${g.stage}${g.route.path}`,
          identity: { sourceIp: g.sourceIp },
        },
      };
      if (g.stageVariables !== undefined) input.stageVariables = g.stageVariables;
      return input;
    });
}

const ROOT: ResourcePath = { resource: '/', path: '/', pathParameters: {} };

// `$context` members that do not depend on the route (so a template reading only these needs no resource).
const ROUTE_FREE = new Set([
  'stage',
  'httpMethod',
  'requestId',
  'extendedRequestId',
  'identity',
  'apiId',
  'accountId',
  'domainName',
  'domainPrefix',
  'protocol',
  'requestTime',
  'requestTimeEpoch',
  'authorizer',
  'error',
  'requestOverride',
  'responseOverride',
  'deploymentId',
  'resourceId',
  'isCanaryRequest',
  'wafResponseCode',
  'webaclArn',
  'awsEndpointRequestId',
]);

/** True when the template reads `$context.path`, `$context.resourcePath` or `$context` as a whole. */
function readsRoute(template: string): boolean {
  if (/\$!?\{?context\b(?!\s*\.\s*[A-Za-z_])/.test(template)) return true;
  for (const match of template.matchAll(/\$!?\{?context\s*\.\s*([A-Za-z_]\w*)/g)) {
    if (!ROUTE_FREE.has(match[1] ?? '')) return true;
  }
  return false;
}

/** Sets a key even when it is `__proto__` (a legal query key and header name). */
function put(record: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
