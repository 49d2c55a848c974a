import type { CompiledTemplate } from '../../../vtl/types.js';

/**
 * What a non-proxy integration does with a request body no template matches (behaviour.md §4.4). Default
 * `WHEN_NO_MATCH`.
 *
 * @example
 * ```ts
 * const behaviour: PassthroughBehavior = 'NEVER'; // 415 unless a template matches the Content-Type
 * ```
 */
export type PassthroughBehavior = 'WHEN_NO_MATCH' | 'WHEN_NO_TEMPLATES' | 'NEVER';

/**
 * One integration response, as AWS names its fields (behaviour.md §4.5, §4.6).
 *
 * @example
 * ```ts
 * const notFound: IntegrationResponseConfig = {
 *   statusCode: '404',
 *   selectionPattern: '4\\d{2}',
 *   responseTemplates: { 'application/json': '{"message":"no such pet"}' },
 *   responseParameters: { 'method.response.header.X-Reason': "'missing'" },
 * };
 * ```
 */
export interface IntegrationResponseConfig {
  /** The method response status sent to the client (`'200'`); must be declared in `methodResponses`. */
  statusCode: string | number;
  /** Java regex matched against the whole selection value. Absent or `''`: the default response. */
  selectionPattern?: string;
  /** VTL templates keyed by media type, chosen by the request's `Accept`. None: the body passes through. */
  responseTemplates?: Record<string, string>;
  /** `method.response.header.<Name>` → `'static'`, `integration.response.header.x`, `integration.response.body[.path]`, `stageVariables.x`, `context.x`. */
  responseParameters?: Record<string, string>;
  /** Text ⇄ binary conversion of the integration response body (behaviour.md §4.8). */
  contentHandling?: 'CONVERT_TO_TEXT' | 'CONVERT_TO_BINARY';
}

/**
 * A method response: the status code a method may answer and the headers it declares (behaviour.md §4.6).
 *
 * @example
 * ```ts
 * const ok: MethodResponseConfig = { responseParameters: { 'method.response.header.X-Id': true } };
 * ```
 */
export interface MethodResponseConfig {
  /** When given, must equal the key it is stored under. */
  statusCode?: string | number;
  /** `method.response.header.<Name>` → required flag. Only declared headers can be mapped. */
  responseParameters?: Record<string, boolean>;
  /**
   * Content type → name of a model in `models` (or `Empty` / `Error`): the response's schema. No effect on requests;
   * exported (`exportOpenApi`) as the response's content, which typed clients read.
   */
  responseModels?: Record<string, string>;
}

/** Where a response parameter takes its value from. */
export type ParameterSource =
  | { kind: 'static'; value: string }
  | { kind: 'header'; name: string; multi: boolean }
  | { kind: 'body'; path: string | null }
  | { kind: 'stageVariable'; name: string }
  | { kind: 'context'; path: readonly string[] };

/** A validated integration response ready to be selected and applied. */
export interface ResolvedIntegrationResponse {
  statusCode: number;
  /** The pattern text (`null`: the default response). */
  selectionPattern: string | null;
  /** Whole-string matcher of the selection value (`null` for the default response). */
  matches: ((value: string) => boolean) | null;
  /** Response templates by lower-cased media type, in declaration order. */
  responseTemplates: ReadonlyMap<string, CompiledTemplate>;
  /** Header name (as declared) → source. */
  responseParameters: readonly (readonly [string, ParameterSource])[];
  /** Text ⇄ binary conversion of the integration response body. */
  contentHandling?: 'CONVERT_TO_TEXT' | 'CONVERT_TO_BINARY';
  /** Shorthand responses only: the literal body and headers. */
  staticBody?: string;
  staticHeaders?: readonly (readonly [string, string])[];
}
