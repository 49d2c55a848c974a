/**
 * What a mapping template can see: the request (or, in a response template, the integration's response body)
 * plus the method request's parameters, stage variables and `$context`.
 *
 * @example
 * ```ts
 * const input: MappingInput = {
 *   body: '{"name":"Rex"}',
 *   params: { path: { id: '7' }, querystring: { q: 'dog' }, header: { Accept: 'application/json' } },
 *   stageVariables: { version: 'v2' },
 *   context: { stage: 'dev', httpMethod: 'POST' },
 * };
 * ```
 */
export interface MappingInput {
  /** Raw payload text, or `null` when the request has no body (`$input.body` is then `{}`). */
  body: string | null;
  /** Method request parameters, read by `$input.params()`; each map is name → value. */
  params?: MappingParams;
  /** `$stageVariables`; absent means the stage has none. */
  stageVariables?: Readonly<Record<string, string>> | null;
  /** `$context` values (deep-partial); everything left out gets a derived default. */
  context?: MappingContext;
}

/** The three parameter maps of `$input.params()`. */
export interface MappingParams {
  path?: Readonly<Record<string, string>>;
  querystring?: Readonly<Record<string, string>>;
  header?: Readonly<Record<string, string>>;
}

/** Request/response override maps as a template sees and sets them. */
export interface RequestOverrides {
  header: Record<string, string>;
  path: Record<string, string>;
  querystring: Record<string, string>;
}

/** `$context.responseOverride` as a template sees and sets it. */
export interface ResponseOverrides {
  /** Set when the template assigned `$context.responseOverride.status`. */
  status?: number;
  header: Record<string, string>;
}

/**
 * `$context` values given to a render (deep-partial; see docs/vtl.md for defaults). Any extra key is readable
 * as `$context.<key>`.
 */
export interface MappingContext {
  accountId?: string;
  apiId?: string;
  authorizer?: Readonly<Record<string, unknown>> | null;
  awsEndpointRequestId?: string;
  deploymentId?: string;
  domainName?: string;
  domainPrefix?: string;
  error?: Readonly<Record<string, string | null>>;
  extendedRequestId?: string;
  httpMethod?: string;
  identity?: Readonly<Record<string, unknown>>;
  isCanaryRequest?: boolean;
  path?: string;
  protocol?: string;
  requestId?: string;
  requestOverride?: Partial<Readonly<Record<keyof RequestOverrides, Readonly<Record<string, string>>>>>;
  responseOverride?: {
    status?: number;
    header?: Readonly<Record<string, string>>;
    [key: string]: unknown;
  };
  requestTime?: string;
  requestTimeEpoch?: number;
  resourceId?: string;
  resourcePath?: string;
  stage?: string;
  wafResponseCode?: string;
  webaclArn?: string;
  [key: string]: unknown;
}

/** The overrides a template set, for the gateway to apply after rendering. */
export interface TemplateOverrides {
  requestOverride: RequestOverrides;
  responseOverride: ResponseOverrides;
}

/**
 * The result of rendering a mapping template.
 *
 * @example
 * ```ts
 * const { output, overrides } = renderTemplate('#set($context.responseOverride.status = 201)ok', { body: null });
 * output; // 'ok'
 * overrides.responseOverride.status; // 201
 * ```
 */
export interface RenderResult {
  /** The rendered text, exactly as API Gateway would send it on. */
  output: string;
  /** `$context.requestOverride` / `$context.responseOverride` after the render (incoming values included). */
  overrides: TemplateOverrides;
}

/** A parsed template, ready to render any number of inputs. */
export interface CompiledTemplate {
  /** The template source. */
  readonly source: string;
  /** Renders the template against one input. Throws `TemplateRuntimeError` when AWS would fail the request. */
  render(input: MappingInput): RenderResult;
}
