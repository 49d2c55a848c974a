import { resolve } from 'node:path';
import { DefinitionError } from '../../../errors/families.js';
import { resolveValue } from '../cloudformation/intrinsics.js';
import type { TemplateContext } from '../cloudformation/template-context.js';
import { child, isRecord } from '../source/pointer.js';
import { parseFile } from '../source/read-source.js';

/**
 * The OpenAPI document of an API resource: `DefinitionBody` (inline, or `Fn::Transform: AWS::Include` of a local
 * file, whose intrinsics resolve in the template's context), a local `DefinitionUri`, or SAM's skeleton.
 */
export async function resolveDefinitionBody(
  ctx: TemplateContext,
  body: unknown,
  uri: unknown,
  apiType: 'REST' | 'HTTP',
  pointer: string,
): Promise<Record<string, unknown>> {
  if (body !== undefined) {
    const include = includeLocation(body);
    if (include !== undefined) return loadLocal(ctx, include, child(pointer, 'DefinitionBody'));
    const resolved = resolveValue(ctx, body, child(pointer, 'DefinitionBody'));
    if (!isRecord(resolved)) throw notObject(ctx, child(pointer, 'DefinitionBody'));
    return structuredClone(resolved);
  }
  if (uri !== undefined) {
    const location = resolveValue(ctx, uri, child(pointer, 'DefinitionUri'));
    if (typeof location !== 'string' || location.startsWith('s3://')) {
      throw new DefinitionError(
        'DEFINITION_NOT_LOCAL',
        `${ctx.file}#${child(pointer, 'DefinitionUri')}: the definition is in S3 (${JSON.stringify(location)}), which a local run cannot read`,
        'Point DefinitionUri (or BodyS3Location) at a local file, or inline it as DefinitionBody.',
        { file: ctx.file, pointer: child(pointer, 'DefinitionUri') },
      );
    }
    return loadLocal(ctx, location, child(pointer, 'DefinitionUri'));
  }
  return apiType === 'REST'
    ? { swagger: '2.0', info: { version: '1.0', title: ctx.stackName }, paths: {} }
    : { openapi: '3.0.1', info: { version: '1.0', title: ctx.stackName }, paths: {} };
}

/** `{ "Fn::Transform": { "Name": "AWS::Include", "Parameters": { "Location": … } } }` → the location. */
export function includeLocation(value: unknown): string | undefined {
  if (!isRecord(value) || !isRecord(value['Fn::Transform'])) return undefined;
  const transform = value['Fn::Transform'];
  const location = isRecord(transform.Parameters) ? transform.Parameters.Location : undefined;
  return transform.Name === 'AWS::Include' && typeof location === 'string' ? location : undefined;
}

async function loadLocal(
  ctx: TemplateContext,
  location: string,
  pointer: string,
): Promise<Record<string, unknown>> {
  if (/^(s3|https?):\/\//.test(location)) {
    throw new DefinitionError(
      'DEFINITION_NOT_LOCAL',
      `${ctx.file}#${pointer}: ${location} is not a local file`,
      'Use a path relative to the template, as sam local does.',
      { file: ctx.file, pointer },
    );
  }
  const file = resolve(ctx.baseDir, location);
  const document = await parseFile(file);
  const resolved = resolveValue({ ...ctx, file }, document, '');
  if (!isRecord(resolved)) throw notObject(ctx, pointer);
  return resolved;
}

function notObject(ctx: TemplateContext, pointer: string): DefinitionError {
  return new DefinitionError(
    'DEFINITION_INVALID',
    `${ctx.file}#${pointer}: Invalid OpenAPI input. The definition body is not an object`,
    'Give an OpenAPI/Swagger document.',
    { file: ctx.file, pointer },
  );
}
