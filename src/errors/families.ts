import { TestkitError } from './testkit-error.js';

/**
 * A builder, converter or helper got an option or value it cannot use.
 *
 * @example
 * ```ts
 * import { validateProxyResult } from 'apigw-testkit/response';
 * import { InvalidInputError } from 'apigw-testkit/errors';
 * try {
 *   validateProxyResult({ statusCode: 200 }, { payloadFromat: '2.0' } as never);
 * } catch (error) {
 *   error instanceof InvalidInputError; // true, error.code === 'UNKNOWN_OPTION'
 * }
 * ```
 */
export class InvalidInputError extends TestkitError {}

/**
 * An event builder got inputs that do not make a consistent API Gateway event.
 *
 * @example
 * ```ts
 * import { buildProxyEventV1 } from 'apigw-testkit/events';
 * import { EventInputError } from 'apigw-testkit/errors';
 * try {
 *   buildProxyEventV1({ resource: '/pets/{id}', path: '/owners/1' });
 * } catch (error) {
 *   error instanceof EventInputError; // true, error.code === 'EVENT_PATH_MISMATCH'
 * }
 * ```
 */
export class EventInputError extends InvalidInputError {}

/**
 * A mapping template could not be compiled or rendered. See `TemplateSyntaxError` in `apigw-testkit/vtl`.
 *
 * @example
 * ```ts
 * import { compileTemplate } from 'apigw-testkit/vtl';
 * import { TemplateError } from 'apigw-testkit/errors';
 * try {
 *   compileTemplate('#if($x');
 * } catch (error) {
 *   error instanceof TemplateError; // true (a TemplateSyntaxError)
 * }
 * ```
 */
export class TemplateError extends TestkitError {}

/**
 * A gateway was configured with something API Gateway would refuse or that we do not simulate.
 *
 * @example
 * ```ts
 * import { createGateway } from 'apigw-testkit/gateway';
 * import { GatewayConfigError } from 'apigw-testkit/errors';
 * try {
 *   createGateway({ apiType: 'WEBSOCKET' as never, routes: {} });
 * } catch (error) {
 *   error instanceof GatewayConfigError; // true, error.code === 'GATEWAY_INVALID_API_TYPE'
 * }
 * ```
 */
export class GatewayConfigError extends TestkitError {}

/**
 * An API definition (OpenAPI/Swagger document, SAM, CloudFormation or CDK template) that API Gateway would refuse,
 * or that cannot be run locally. `details.file` names the file and `details.pointer` the JSON pointer or template
 * path of the offending value.
 *
 * @example
 * ```ts
 * import { importOpenApi } from 'apigw-testkit/definitions';
 * import { DefinitionError } from 'apigw-testkit/errors';
 * try {
 *   await importOpenApi({ openapi: '3.0.1', info: { title: 't', version: '1' }, paths: { '/x': { get: {} } } });
 * } catch (error) {
 *   error instanceof DefinitionError; // true, error.code === 'DEFINITION_NO_INTEGRATION'
 * }
 * ```
 */
export class DefinitionError extends TestkitError {}

/**
 * Builds the error thrown for an option a function does not know. Nothing the user gave is silently dropped.
 *
 * @param where - the function or object the option was passed to, e.g. `buildProxyEventV1`.
 * @param key - the unknown option name.
 * @param known - the accepted option names, listed in the hint.
 *
 * @example
 * ```ts
 * const error = unknownOptionError('myHelper', 'tiemout', ['timeout', 'retries']);
 * error.code; // 'UNKNOWN_OPTION'
 * error.hint; // 'Did you mean "timeout"? Accepted options: timeout, retries.'
 * ```
 */
export function unknownOptionError(where: string, key: string, known: readonly string[]): InvalidInputError {
  const near = closest(key, known);
  return new InvalidInputError(
    'UNKNOWN_OPTION',
    `${where}: unknown option "${key}"`,
    near
      ? `Did you mean "${near}"? Accepted options: ${known.join(', ')}.`
      : `Accepted options: ${known.join(', ')}.`,
    { option: key, known },
  );
}

/**
 * Throws {@link unknownOptionError} for the first key of `options` not in `known`.
 *
 * @example
 * ```ts
 * assertKnownOptions('myHelper', { timeout: 5 }, ['timeout', 'retries']); // passes
 * assertKnownOptions('myHelper', { tiemout: 5 }, ['timeout', 'retries']); // throws UNKNOWN_OPTION
 * ```
 */
export function assertKnownOptions(where: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw unknownOptionError(where, key, known);
  }
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
