import type { ApiType, GatewayOptions, LambdaHandler } from '../types.js';

/**
 * A warning AWS gives on import (`kind: 'warning'`; `failOnWarnings` turns these into a `DefinitionError`), or a
 * note (`kind: 'info'`) about something valid the import read but that changes nothing in a local simulation
 * (documentation, tags, an HTTP-only extension on a REST API, …).
 *
 * @example
 * ```ts
 * const warning: ImportWarning = {
 *   kind: 'warning',
 *   code: 'INVALID_REQUEST_PARAMETER',
 *   message: "Invalid format for 'requestParameters'. …",
 *   file: 'openapi.yaml',
 *   pointer: '/paths/~1test/get/x-amazon-apigateway-integration/requestParameters',
 * };
 * ```
 */
export interface ImportWarning {
  kind: 'warning' | 'info';
  /** Stable identifier, e.g. `INVALID_REQUEST_PARAMETER`, `IGNORED_EXTENSION`. */
  code: string;
  message: string;
  /** The definition file (or `<inline>`). */
  file: string;
  /** JSON pointer (OpenAPI) or template path (`Resources/MyApi/Properties/Cors`). */
  pointer: string;
}

/**
 * One row of the route table an import produced (what `apigw-testkit routes` prints).
 *
 * @example
 * ```ts
 * const row: RouteSummary = {
 *   routeKey: 'GET /pets/{id}', integration: 'AWS_PROXY GetPetFunction', authorizer: 'NONE',
 *   apiKeyRequired: false, pointer: '/paths/~1pets~1{id}/get',
 * };
 * ```
 */
export interface RouteSummary {
  routeKey: string;
  /** `AWS_PROXY <function>`, `MOCK`, `HTTP_PROXY <uri>`, `AWS <service action>`, or `none`. */
  integration: string;
  /** `NONE`, `AWS_IAM`, or `<type> <authorizer name>` (`CUSTOM TokenAuth`, `JWT UserAuth`). */
  authorizer: string;
  apiKeyRequired: boolean;
  /** Where the route was defined. */
  pointer: string;
}

/**
 * One API of a definition, compiled into `createGateway` options.
 *
 * @example
 * ```ts
 * const { options } = await importOpenApi('openapi.yaml', { handlers: { GetPetFunction: handler } });
 * const gateway = createGateway(options);
 * ```
 */
export interface ImportedApi {
  /** `info.title`, the template's API name, or its logical id. */
  name: string;
  /** Logical id in a template (`ServerlessRestApi`, `MyApi`); undefined for an OpenAPI file. */
  logicalId: string | undefined;
  apiType: ApiType | 'WEBSOCKET';
  /** Stage names the definition declares (REST SAM APIs also have the `Stage` stage, §21.2); the options use `stage`. */
  stages: readonly string[];
  /** The stage variables of each declared stage that has some (`Variables` / `StageVariables`). */
  stageVariables: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Options for `createGateway`: routes with handlers bound, stage, API-level settings. */
  options: GatewayOptions;
  routes: readonly RouteSummary[];
  warnings: readonly ImportWarning[];
  file: string;
}

/**
 * Every API a definition file holds.
 *
 * @example
 * ```ts
 * const imported = await importTemplate('template.yaml');
 * const gateway = createGateway(imported.api('ServerlessRestApi').options);
 * ```
 */
export interface DefinitionImport {
  file: string;
  format: 'openapi' | 'template';
  apis: readonly ImportedApi[];
  /**
   * The API with this logical id or name; without an argument, the only API (a `DefinitionError` lists the
   * candidates when there are several or none).
   */
  api(name?: string): ImportedApi;
}

/**
 * A definition to import: a file path (JSON or YAML), a `file:` URL, or an already parsed document.
 *
 * @example
 * ```ts
 * const source: DefinitionSource = { openapi: '3.0.1', info: { title: 'pets', version: '1' }, paths: {} };
 * ```
 */
export type DefinitionSource = string | URL | Record<string, unknown>;

/**
 * Options of the importers.
 *
 * @example
 * ```ts
 * const options: ImportOptions = { handlers: { HelloWorldFunction: handler }, parameters: { Stage: 'dev' } };
 * ```
 */
export interface ImportOptions {
  /** OpenAPI only: import into a REST API (default) or an HTTP API (AWS's `ImportApi`). */
  apiType?: ApiType;
  /** OpenAPI: how the base path is used (behaviour.md §17.3). Default `ignore`. */
  basepath?: 'ignore' | 'prepend' | 'split';
  /** Make AWS's import warnings a `DEFINITION_IMPORT_WARNINGS` error, as `failonwarnings=true` rolls back. */
  failOnWarnings?: boolean;
  /**
   * Local handlers keyed by logical id, function name, function ARN (with or without alias), or — for an
   * operation without an integration — its `operationId`. They take precedence over code loaded from the template.
   */
  handlers?: Readonly<Record<string, LambdaHandler>>;
  /** Load handlers from `CodeUri` + `Handler` (or a CDK asset) like `sam local`. Default true. */
  loadHandlers?: boolean;
  /**
   * The handler of every Lambda function that gets none from `handlers` and is not loaded (with `loadHandlers: false`,
   * or code that is not local): what `apigw-testkit export` uses, as it never calls a function.
   */
  defaultHandler?: LambdaHandler;
  /** Template parameter values (override `Default`). */
  parameters?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  /** `Fn::ImportValue` values by export name. */
  imports?: Readonly<Record<string, string>>;
  /** Environment overrides per function logical id, or `Parameters` for all (the shape of `sam local --env-vars`). */
  environment?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Which declared stage the options use. Default: the first one declared. */
  stage?: string;
  /**
   * OpenAPI: the id of the API the document is imported into (`apiId` of the options, and of model URLs and policy
   * ARNs). Default: derived from the file name (templates derive one per API from its logical id).
   */
  apiId?: string;
  /** `AWS::Region` and the region of the gateway. Default `us-east-1`. */
  region?: string;
  /** `AWS::AccountId` and the gateway's account. Default `123456789012`. */
  accountId?: string;
  /** `AWS::StackName`. Default `local`. */
  stackName?: string;
  /** Directory relative `CodeUri`, `AWS::Include` and external `$ref`s resolve against for a parsed document. */
  baseDir?: string;
}
