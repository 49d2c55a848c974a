import type { Type } from 'js-yaml';

/**
 * CloudFormation's short intrinsic forms (`!Ref X`, `!Sub`, `!GetAtt A.B`, …) as YAML tags that parse into the
 * long JSON forms (`{ "Ref": "X" }`, `{ "Fn::GetAtt": ["A", "B"] }`), so a template reads the same from YAML or JSON.
 */
const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'Contains',
  'EachMemberEquals',
  'ToJsonString',
  'Length',
] as const;

function wrap(name: string, value: unknown): Record<string, unknown> {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

/** The js-yaml types of every short form, in each node kind it may take (scalar, sequence, mapping). */
export function cfnYamlTypes(TypeClass: typeof Type): Type[] {
  return ['Ref', 'Condition', 'GetAtt', ...FUNCTIONS].flatMap((name) =>
    (['scalar', 'sequence', 'mapping'] as const).map(
      (kind) => new TypeClass(`!${name}`, { kind, construct: (data: unknown) => wrap(name, data ?? '') }),
    ),
  );
}
