import { resolve } from 'node:path';
import type { FunctionInfo } from '../handlers/function-info.js';
import { child, isRecord } from '../source/pointer.js';
import { resolveValue } from './intrinsics.js';
import { functionName } from './resource-refs.js';
import type { TemplateContext } from './template-context.js';

/** Every Lambda function of the template (`AWS::Serverless::Function`, `AWS::Lambda::Function`). */
export function templateFunctions(ctx: TemplateContext): FunctionInfo[] {
  const out: FunctionInfo[] = [];
  for (const [logicalId, res] of Object.entries(ctx.resources)) {
    if (res.Type !== 'AWS::Serverless::Function' && res.Type !== 'AWS::Lambda::Function') continue;
    const pointer = `/Resources/${logicalId}`;
    const prop = (name: string): unknown =>
      resolveValue(ctx, res.Properties[name], child(pointer, 'Properties', name));
    const environment = prop('Environment');
    const variables = isRecord(environment) && isRecord(environment.Variables) ? environment.Variables : {};
    const timeout = Number(prop('Timeout') ?? 3);
    const memory = Number(prop('MemorySize') ?? 128);
    const location = codeLocation(ctx, res.Type, prop, res.Metadata);
    out.push({
      logicalId,
      name: functionName(ctx, logicalId),
      file: ctx.file,
      pointer,
      runtime: typeof prop('Runtime') === 'string' ? (prop('Runtime') as string) : undefined,
      handler: typeof prop('Handler') === 'string' ? (prop('Handler') as string) : undefined,
      codeDir: location.dir,
      notLocal: location.notLocal,
      timeoutMs: Math.round(timeout * 1000),
      memory,
      environment: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)])),
      alias: typeof prop('AutoPublishAlias') === 'string' ? (prop('AutoPublishAlias') as string) : undefined,
    });
  }
  return out;
}

function codeLocation(
  ctx: TemplateContext,
  type: string,
  prop: (name: string) => unknown,
  metadata: Record<string, unknown> | undefined,
): { dir: string | undefined; notLocal: string | undefined } {
  if (prop('PackageType') === 'Image')
    return { dir: undefined, notLocal: 'a container image (PackageType: Image)' };
  const asset = metadata?.['aws:asset:path'];
  if (typeof asset === 'string' && metadata?.['aws:asset:property'] === 'Code') {
    return { dir: resolve(ctx.baseDir, asset), notLocal: undefined };
  }
  if (type === 'AWS::Serverless::Function') {
    if (prop('InlineCode') !== undefined) return { dir: undefined, notLocal: 'inline code (InlineCode)' };
    const uri = prop('CodeUri');
    if (typeof uri === 'string' && !uri.startsWith('s3://'))
      return { dir: resolve(ctx.baseDir, uri), notLocal: undefined };
    if (uri === undefined) return { dir: ctx.baseDir, notLocal: undefined };
    return { dir: undefined, notLocal: `its code in S3 (CodeUri ${JSON.stringify(uri)})` };
  }
  const code = prop('Code');
  if (isRecord(code) && code.ZipFile !== undefined)
    return { dir: undefined, notLocal: 'inline code (Code.ZipFile)' };
  if (isRecord(code) && code.ImageUri !== undefined)
    return { dir: undefined, notLocal: 'a container image (Code.ImageUri)' };
  if (typeof code === 'string' && !code.startsWith('s3://'))
    return { dir: resolve(ctx.baseDir, code), notLocal: undefined };
  return { dir: undefined, notLocal: 'its code in S3 (Code)' };
}
