import { resolveDefinitionBody } from '../sam/definition-body.js';
import { child, isRecord } from '../source/pointer.js';
import { resolveValue } from './intrinsics.js';
import type { TemplateContext } from './template-context.js';

/**
 * A plain API resource's resolved properties and its starting document: `Body` / `BodyS3Location` when given, else
 * an empty Swagger 2.0 (REST) or OpenAPI 3.0 (HTTP) document titled by `Name`.
 */
export async function apiResourceBody(
  ctx: TemplateContext,
  apiId: string,
  apiType: 'REST' | 'HTTP',
): Promise<{ props: Record<string, unknown>; document: Record<string, unknown>; pointer: string }> {
  const pointer = child('/Resources', apiId, 'Properties');
  const { Body, BodyS3Location, ...rawProps } = ctx.resources[apiId]!.Properties;
  const props = resolveValue(ctx, rawProps, pointer) as Record<string, unknown>;
  const title = String(props.Name ?? apiId);
  const document =
    Body !== undefined || BodyS3Location !== undefined
      ? await resolveDefinitionBody(
          ctx,
          Body,
          BodyS3Location === undefined ? undefined : 's3://BodyS3Location',
          apiType,
          pointer,
        )
      : apiType === 'REST'
        ? { swagger: '2.0', info: { title, version: '1.0' }, paths: {} }
        : { openapi: '3.0.1', info: { title, version: '1.0' }, paths: {} };
  return { props, document, pointer };
}

/** Resources of `type` whose `idKey` (`RestApiId`, `ApiId`) names API `apiId`, with resolved properties. */
export function resourcesOf(
  ctx: TemplateContext,
  type: string,
  idKey: string,
  apiId: string,
): (readonly [string, Record<string, unknown>])[] {
  return Object.entries(ctx.resources)
    .filter(
      ([id, r]) =>
        r.Type === type &&
        refersTo(ctx, r.Properties[idKey], child('/Resources', id, 'Properties', idKey), apiId),
    )
    .map(
      ([id, r]) =>
        [
          id,
          resolveValue(ctx, r.Properties, child('/Resources', id, 'Properties')) as Record<string, unknown>,
        ] as const,
    );
}

/** True when `value` (a `Ref` to the API, usually) names `apiId`. */
export function refersTo(ctx: TemplateContext, value: unknown, path: string, apiId: string): boolean {
  if (isRecord(value) && value.Ref === apiId) return true;
  return value !== undefined && resolveValue(ctx, value, path) === resolveValue(ctx, { Ref: apiId }, path);
}
