import type { APIGatewayProxyEvent } from 'aws-lambda';
import { assertKnownOptions } from '../errors/families.js';
import type { MappingContext, MappingInput } from './types.js';

function strings(
  record: Readonly<Record<string, string | undefined>> | null | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (record)
    for (const key of Object.keys(record)) if (typeof record[key] === 'string') out[key] = record[key];
  return out;
}

/**
 * Builds the input of a request template from a REST (payload 1.0) proxy event: body, path / query / header
 * parameters, stage variables and the `$context` values the event carries.
 *
 * @example
 * ```ts
 * import { buildProxyEventV1 } from 'apigw-testkit/events';
 * import { mappingInputFromEvent, renderTemplate } from 'apigw-testkit/vtl';
 * const event = buildProxyEventV1({ resource: '/pets/{id}', path: '/pets/7' });
 * renderTemplate("$input.params('id')", mappingInputFromEvent(event)).output; // '7'
 * ```
 */
export function mappingInputFromEvent(event: APIGatewayProxyEvent): MappingInput {
  const rc = event.requestContext;
  const context: MappingContext = {};
  if (rc) {
    const copy = [
      'accountId',
      'apiId',
      'domainName',
      'domainPrefix',
      'extendedRequestId',
      'httpMethod',
      'path',
      'protocol',
      'requestId',
      'requestTime',
      'requestTimeEpoch',
      'resourceId',
      'resourcePath',
      'stage',
    ] as const;
    const source = rc as unknown as Record<string, unknown>;
    for (const key of copy)
      if (source[key] !== undefined && source[key] !== null) context[key] = source[key] as never;
    if (rc.identity) context.identity = rc.identity as unknown as Record<string, unknown>;
    if (rc.authorizer) context.authorizer = rc.authorizer;
  }
  return {
    body: event.body ?? null,
    params: {
      path: strings(event.pathParameters),
      querystring: strings(event.queryStringParameters),
      header: strings(event.headers),
    },
    stageVariables: event.stageVariables ? strings(event.stageVariables) : null,
    context,
  };
}

/** Options of {@link mappingInputFromRequest}. */
export interface MappingInputFromRequestOptions {
  /** Path parameters matched by the route (`{id}` → value). */
  pathParameters?: Readonly<Record<string, string>>;
  stageVariables?: Readonly<Record<string, string>>;
  /** `$context` values; `httpMethod` defaults to the request's method. */
  context?: MappingContext;
}

/**
 * Builds the input of a request template from a fetch `Request` (reads its body). Query parameters keep the
 * last value of a repeated name, as the REST single-value maps do. Header names arrive lowercased (the fetch
 * `Headers` class normalises them).
 *
 * @example
 * ```ts
 * const input = await mappingInputFromRequest(new Request('https://x.test/pets?limit=2', { method: 'POST', body: '{}' }));
 * renderTemplate("$input.params('limit')", input).output; // '2'
 * ```
 */
export async function mappingInputFromRequest(
  request: Request,
  options: MappingInputFromRequestOptions = {},
): Promise<MappingInput> {
  assertKnownOptions('mappingInputFromRequest', options, ['pathParameters', 'stageVariables', 'context']);
  const text = await request.text();
  const url = new URL(request.url);
  const querystring: Record<string, string> = {};
  for (const [k, v] of url.searchParams) querystring[k] = v;
  const header: Record<string, string> = {};
  for (const [k, v] of request.headers) header[k] = v;
  return {
    body: text === '' ? null : text,
    params: { path: { ...options.pathParameters }, querystring, header },
    stageVariables: options.stageVariables ?? null,
    context: { httpMethod: request.method, ...options.context },
  };
}
