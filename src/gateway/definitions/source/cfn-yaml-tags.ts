import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';

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

function tagsFor(name: string): (ScalarTag | CollectionTag)[] {
  const tag = `!${name}`;
  return [
    { tag, resolve: (text: string) => wrap(name, text) } as ScalarTag,
    {
      tag,
      collection: 'seq',
      resolve: (seq: YAMLSeq) => wrap(name, seq.toJSON()),
    } as unknown as CollectionTag,
    {
      tag,
      collection: 'map',
      resolve: (map: YAMLMap) => wrap(name, map.toJSON()),
    } as unknown as CollectionTag,
  ];
}

/** The custom tags for `yaml`'s `parse(text, { customTags })`. */
export const CFN_YAML_TAGS: readonly (ScalarTag | CollectionTag)[] = [
  ...tagsFor('Ref'),
  ...tagsFor('Condition'),
  ...tagsFor('GetAtt'),
  ...FUNCTIONS.flatMap((name) => tagsFor(name)),
];
