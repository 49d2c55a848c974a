import type { ImportOptions } from '../types.js';

/** A resource of a template. */
export interface TemplateResource {
  Type: string;
  Properties: Record<string, unknown>;
  Condition?: string;
  Metadata?: Record<string, unknown>;
}

/** Everything intrinsic functions need to resolve inside one template. */
export interface TemplateContext {
  file: string;
  baseDir: string;
  region: string;
  accountId: string;
  stackName: string;
  /** Parameter values: `Default`, overridden by `ImportOptions.parameters`. */
  parameters: Map<string, unknown>;
  /** Parameters declared without a value (an error only when referenced). */
  missingParameters: Set<string>;
  mappings: Record<string, unknown>;
  conditions: Record<string, unknown>;
  conditionValues: Map<string, boolean>;
  /** Resources whose `Condition` holds (the others do not exist). */
  resources: Record<string, TemplateResource>;
  imports: Readonly<Record<string, string>>;
}

/** Reads parameters (with overrides), mappings and conditions; resources are filled by the caller. */
export function createTemplateContext(
  template: Record<string, unknown>,
  file: string,
  baseDir: string,
  options: ImportOptions,
): TemplateContext {
  const parameters = new Map<string, unknown>();
  const missingParameters = new Set<string>();
  const declared = (template.Parameters ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, spec] of Object.entries(declared)) {
    const override = options.parameters?.[name];
    const value = override ?? spec?.Default;
    if (value === undefined) {
      missingParameters.add(name);
      continue;
    }
    const type = String(spec?.Type ?? 'String');
    const listType = type === 'CommaDelimitedList' || type.startsWith('List<');
    parameters.set(
      name,
      listType
        ? Array.isArray(value)
          ? value.map(String)
          : String(value)
              .split(',')
              .map((s) => s.trim())
        : String(value),
    );
  }
  for (const [name, value] of Object.entries(options.parameters ?? {})) {
    if (!parameters.has(name)) parameters.set(name, Array.isArray(value) ? value.map(String) : String(value));
  }
  return {
    file,
    baseDir,
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    stackName: options.stackName ?? 'local',
    parameters,
    missingParameters,
    mappings: (template.Mappings ?? {}) as Record<string, unknown>,
    conditions: (template.Conditions ?? {}) as Record<string, unknown>,
    conditionValues: new Map(),
    resources: {},
    imports: options.imports ?? {},
  };
}
