import type { ApiType } from '../types.js';
import type { ImportWarning, RouteSummary } from './types.js';

/** A Lambda function an integration or authorizer invokes, as the definition names it. */
export interface FunctionTarget {
  /** Function name (or the logical id a template reference resolved to). */
  name: string;
  /** Alias or version from the ARN (`…:function:name:live`). */
  qualifier: string | undefined;
  /** The text the definition gave (URI or ARN), for messages. */
  text: string;
  pointer: string;
}

/** A route before handlers are bound: options with a function target in place of `handler`. */
export interface ModelRoute {
  routeKey: string;
  pointer: string;
  /** Route options (authorizer, apiKeyRequired, methodResponses, …) without `integration`. */
  route: Record<string, unknown>;
  /** Integration options; `undefined` when the definition has none (an operation without the extension). */
  integration: Record<string, unknown> | undefined;
  /** The Lambda function of an `AWS_PROXY` or Lambda `AWS` integration. */
  target: FunctionTarget | undefined;
  operationId: string | undefined;
  summary: RouteSummary;
}

/** One API as a front end (OpenAPI, SAM, CloudFormation) understood it. */
export interface ApiModel {
  name: string;
  logicalId: string | undefined;
  apiType: ApiType | 'WEBSOCKET';
  file: string;
  apiId: string | undefined;
  stages: string[];
  stageVariables: Map<string, Record<string, string>>;
  /** API-level options (binaryMediaTypes, authorizers, gatewayResponses, throttle, cache, …). */
  api: Record<string, unknown>;
  /** Lambda functions of authorizers, by authorizer name. */
  authorizerTargets: Map<string, FunctionTarget>;
  routes: ModelRoute[];
  warnings: ImportWarning[];
}

/** Collects warnings and notes for one file. */
export class WarningList {
  readonly items: ImportWarning[] = [];
  constructor(readonly file: string) {}
  warn(code: string, pointer: string, message: string): void {
    this.items.push({ kind: 'warning', code, message, file: this.file, pointer });
  }
  info(code: string, pointer: string, message: string): void {
    this.items.push({ kind: 'info', code, message, file: this.file, pointer });
  }
}
