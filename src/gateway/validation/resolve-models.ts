import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { builtin } from '../../node/builtin.js';
import { modelUrl } from './model-url.js';
import type { SchemaError } from './validation-error-string.js';

/**
 * A model (`CreateModel`): a JSON Schema draft 4 document, as an object or its JSON text.
 *
 * @example
 * ```ts
 * const pet: ModelConfig = { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } };
 * ```
 */
export interface ModelConfig {
  schema: object | string;
  /** Default `application/json`. */
  contentType?: string;
  description?: string;
}

/** A compiled model: validates a parsed JSON body. */
export type ModelValidator = (data: unknown) => { ok: true } | { ok: false; errors: SchemaError[] };

const KEYS = ['schema', 'contentType', 'description'] as const;
const NAME = /^[A-Za-z0-9]+$/;
const DRAFT4 = 'http://json-schema.org/draft-04/schema#';

/** The two models every new REST API has (behaviour.md §10, recorded). */
const BUILT_IN: Readonly<Record<string, object>> = {
  Empty: { $schema: DRAFT4, title: 'Empty Schema', type: 'object' },
  Error: {
    $schema: DRAFT4,
    title: 'Error Schema',
    type: 'object',
    properties: { message: { type: 'string' } },
  },
};

interface Ajv {
  addSchema(schema: object, key: string): unknown;
  validateSchema(schema: object): boolean;
  getSchema(key: string): (((data: unknown) => boolean) & { errors?: SchemaError[] | null }) | undefined;
  errorsText(errors?: unknown): string;
  errors?: unknown;
}

/**
 * Validates `models` and compiles them with ajv (JSON Schema draft 4, `ajv-draft-04`), loaded only here, i.e. only
 * for a gateway that has models or names one. `$ref` between models uses {@link modelUrl}. A schema that is not
 * valid draft 4, or a reference to a model that does not exist, is refused naming the model.
 *
 * @example
 * ```ts
 * const models = resolveModels({ Pet: { schema: { type: 'object' } } }, 'abcd1234ef');
 * models.get('Pet')!({}); // { ok: true }
 * ```
 */
export function resolveModels(value: unknown, apiId: string): ReadonlyMap<string, ModelValidator> {
  const where = 'createGateway: models';
  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw invalid(where, 'must be an object keyed by model name');
  }
  const schemas = new Map<string, object>(Object.entries(BUILT_IN));
  for (const [name, model] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    const at = `${where}.${name}`;
    if (!NAME.test(name)) throw invalid(at, 'model names are letters and digits only (AWS)');
    if (typeof model !== 'object' || model === null) throw invalid(at, 'must be { schema }');
    assertKnownOptions(at, model, KEYS);
    const m = model as Record<string, unknown>;
    let schema = m.schema;
    if (typeof schema === 'string') {
      try {
        schema = JSON.parse(schema);
      } catch (error) {
        throw invalid(at, `schema is not JSON: ${(error as Error).message}`);
      }
    }
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      throw invalid(at, 'schema must be a JSON Schema object (or its JSON text)');
    }
    schemas.set(name, schema);
  }
  const require = builtin('node:module').createRequire(import.meta.url);
  const mod = require('ajv-draft-04') as { default?: new (o: object) => Ajv };
  const AjvClass = (mod.default ?? mod) as new (o: object) => Ajv;
  const ajv = new AjvClass({ allErrors: true, verbose: true, strict: false, validateFormats: false });
  for (const [name, schema] of schemas) {
    const { $schema: _ignored, id: _id, ...rest } = schema as Record<string, unknown>;
    if (!ajv.validateSchema(rest)) {
      throw invalid(`${where}.${name}`, `not a valid JSON Schema draft 4: ${ajv.errorsText(ajv.errors)}`);
    }
    ajv.addSchema(rest, modelUrl(apiId, name));
  }
  const out = new Map<string, ModelValidator>();
  for (const name of schemas.keys()) {
    let validate: ReturnType<Ajv['getSchema']>;
    try {
      validate = ajv.getSchema(modelUrl(apiId, name));
    } catch (error) {
      throw invalid(
        `${where}.${name}`,
        `the schema does not compile: ${(error as Error).message}`,
        `Reference other models as ${modelUrl(apiId, '<Name>')}.`,
      );
    }
    const fn = validate!;
    out.set(name, (data) => (fn(data) ? { ok: true } : { ok: false, errors: fn.errors ?? [] }));
  }
  return out;
}

function invalid(where: string, why: string, hint = 'Fix the model.'): GatewayConfigError {
  return new GatewayConfigError('GATEWAY_INVALID_MODEL', `${where}: ${why}`, hint);
}
