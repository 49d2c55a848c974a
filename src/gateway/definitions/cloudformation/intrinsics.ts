import { DefinitionError } from '../../../errors/families.js';
import { child, isRecord } from '../source/pointer.js';
import { getAttribute, refResource } from './resource-refs.js';
import type { TemplateContext } from './template-context.js';

/** `Ref: AWS::NoValue`: the property is removed. */
export const NO_VALUE = Symbol('AWS::NoValue');

/** Throws the error for an intrinsic a local run cannot resolve, naming the template path. */
export function unresolvable(ctx: TemplateContext, path: string, why: string, hint: string): DefinitionError {
  return new DefinitionError('DEFINITION_UNRESOLVED_INTRINSIC', `${ctx.file}#${path}: ${why}`, hint, {
    file: ctx.file,
    pointer: path,
  });
}

/**
 * Resolves CloudFormation intrinsic functions in `value` (behaviour.md §21.5): `Ref`, `Fn::GetAtt`, `Fn::Sub`,
 * `Fn::Join`, `Fn::If` with `Conditions`, `Fn::FindInMap`, `Fn::Select`, `Fn::Split`, `Fn::Base64`, `Fn::GetAZs`,
 * `Fn::ImportValue` (from `ImportOptions.imports`), `Fn::ToJsonString`, `Fn::Length`. `path` is the JSON pointer of
 * `value` in the template, used in errors.
 */
export function resolveValue(ctx: TemplateContext, value: unknown, path: string): unknown {
  if (Array.isArray(value)) {
    return value
      .map((item, i) => resolveValue(ctx, item, child(path, i)))
      .filter((item) => item !== NO_VALUE);
  }
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const key = keys[0]!;
    if (key === 'Ref') return ref(ctx, value.Ref, child(path, 'Ref'));
    if (key.startsWith('Fn::') || key === 'Condition') return fn(ctx, key, value[key], child(path, key));
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const resolved = resolveValue(ctx, item, child(path, key));
    if (resolved !== NO_VALUE) out[key] = resolved;
  }
  return out;
}

/** Evaluates a named condition of `Conditions` (memoised). */
export function conditionHolds(ctx: TemplateContext, name: string, path: string): boolean {
  const known = ctx.conditionValues.get(name);
  if (known !== undefined) return known;
  if (!Object.hasOwn(ctx.conditions, name)) {
    throw unresolvable(
      ctx,
      path,
      `condition ${JSON.stringify(name)} is not declared`,
      'Declare it under Conditions.',
    );
  }
  const value = Boolean(resolveValue(ctx, ctx.conditions[name], child('/Conditions', name)));
  ctx.conditionValues.set(name, value);
  return value;
}

function ref(ctx: TemplateContext, name: unknown, path: string): unknown {
  if (typeof name !== 'string') throw unresolvable(ctx, path, 'Ref needs a name', 'Write Ref: LogicalId.');
  switch (name) {
    case 'AWS::Region':
      return ctx.region;
    case 'AWS::AccountId':
      return ctx.accountId;
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::StackName':
      return ctx.stackName;
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::StackId':
      return `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:stack/${ctx.stackName}/00000000-0000-0000-0000-000000000000`;
    case 'AWS::NotificationARNs':
      return [];
    case 'AWS::NoValue':
      return NO_VALUE;
  }
  if (ctx.parameters.has(name)) return ctx.parameters.get(name);
  if (ctx.missingParameters.has(name)) {
    throw unresolvable(
      ctx,
      path,
      `parameter ${name} has no Default and no value was given`,
      `Pass parameters: { ${name}: '…' } to the import (CLI: --parameter ${name}=…), like sam local --parameter-overrides.`,
    );
  }
  return refResource(ctx, name, path);
}

function fn(ctx: TemplateContext, name: string, raw: unknown, path: string): unknown {
  const lazy = name === 'Fn::Sub' || name === 'Fn::GetAtt' || name === 'Fn::If';
  const arg = lazy ? raw : resolveValue(ctx, raw, path);
  const list = (n: number): unknown[] => {
    if (!Array.isArray(arg) || arg.length < n)
      throw unresolvable(ctx, path, `${name} needs a list of ${n}`, `Fix the ${name} arguments.`);
    return arg;
  };
  switch (name) {
    case 'Fn::GetAtt': {
      const parts = typeof raw === 'string' ? raw.split(/\.(.*)/s) : resolveValue(ctx, raw, path);
      if (!Array.isArray(parts) || typeof parts[0] !== 'string' || typeof parts[1] !== 'string') {
        throw unresolvable(
          ctx,
          path,
          'Fn::GetAtt needs [LogicalId, Attribute]',
          'Write !GetAtt MyFunction.Arn.',
        );
      }
      return getAttribute(ctx, parts[0], parts[1], path);
    }
    case 'Fn::Sub':
      return sub(ctx, raw, path);
    case 'Fn::Join': {
      const [separator, items] = list(2);
      if (!Array.isArray(items))
        throw unresolvable(ctx, path, 'Fn::Join needs a list to join', 'Write [separator, [a, b]].');
      return items.map(String).join(String(separator));
    }
    case 'Fn::Select': {
      const [index, items] = list(2);
      const item = Array.isArray(items) ? items[Number(index)] : undefined;
      if (item === undefined)
        throw unresolvable(ctx, path, `Fn::Select index ${String(index)} is out of range`, 'Fix the index.');
      return item;
    }
    case 'Fn::Split': {
      const [separator, text] = list(2);
      return String(text).split(String(separator));
    }
    case 'Fn::If': {
      const [condition, yes, no] = list(3);
      const holds = conditionHolds(ctx, String(condition), child(path, 0));
      return resolveValue(ctx, holds ? yes : no, child(path, holds ? 1 : 2));
    }
    case 'Fn::Equals': {
      const [a, b] = list(2);
      return JSON.stringify(a) === JSON.stringify(b);
    }
    case 'Fn::Not':
      return !list(1)[0];
    case 'Fn::And':
      return list(1).every(Boolean);
    case 'Fn::Or':
      return list(1).some(Boolean);
    case 'Condition':
      return conditionHolds(ctx, String(arg), path);
    case 'Fn::FindInMap': {
      const [map, top, second] = list(3);
      const value = (ctx.mappings[String(map)] as Record<string, Record<string, unknown>> | undefined)?.[
        String(top)
      ]?.[String(second)];
      if (value === undefined) {
        throw unresolvable(
          ctx,
          path,
          `Mappings has no ${String(map)}.${String(top)}.${String(second)}`,
          'Fix the Fn::FindInMap keys.',
        );
      }
      return value;
    }
    case 'Fn::Base64':
      return Buffer.from(String(arg)).toString('base64');
    case 'Fn::GetAZs':
      return ['a', 'b', 'c'].map((zone) => `${ctx.region}${zone}`);
    case 'Fn::ToJsonString':
      return JSON.stringify(arg);
    case 'Fn::Length':
      return Array.isArray(arg) ? arg.length : 0;
    case 'Fn::ImportValue': {
      const value = ctx.imports[String(arg)];
      if (value === undefined) {
        throw unresolvable(
          ctx,
          path,
          `Fn::ImportValue ${JSON.stringify(arg)} is another stack's export, which a local run cannot read`,
          `Pass imports: { ${JSON.stringify(String(arg))}: '…' } to the import.`,
        );
      }
      return value;
    }
    default:
      throw unresolvable(
        ctx,
        path,
        `${name} cannot be resolved locally`,
        'Replace it with a parameter or a literal.',
      );
  }
}

function sub(ctx: TemplateContext, raw: unknown, path: string): string {
  const [text, vars] = Array.isArray(raw) ? raw : [raw, {}];
  if (typeof text !== 'string')
    throw unresolvable(
      ctx,
      path,
      'Fn::Sub needs a string',
      'Give Fn::Sub a string (or [string, variables]).',
    );
  const variables = isRecord(vars)
    ? (resolveValue(ctx, vars, child(path, 1)) as Record<string, unknown>)
    : {};
  return text.replace(/\$\{([^}]*)\}/g, (_whole, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    if (Object.hasOwn(variables, name)) return String(variables[name]);
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::'))
      return String(getAttribute(ctx, name.slice(0, dot), name.slice(dot + 1), path));
    const value = ref(ctx, name, path);
    return value === NO_VALUE ? '' : Array.isArray(value) ? value.join(',') : String(value);
  });
}
