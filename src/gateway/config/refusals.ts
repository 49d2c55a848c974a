import { GatewayConfigError } from '../../errors/families.js';

/**
 * Features API Gateway has that this version does not simulate. Configuring one is refused by name (never
 * silently ignored), with the feature named in the error.
 */
const NOT_SIMULATED: Readonly<Record<string, string>> = {
  minimumCompressionSize: 'content encoding',
  mutualTls: 'mutual TLS',
  webAcl: 'AWS WAF',
  responseTransferMode: 'response streaming',
  // Option names the definition importers (apigw-testkit/definitions) pass through for features to come.
  vpcEndpointIds: 'private APIs',
  integrationSubtype: 'AWS service integrations of HTTP APIs',
  tracingEnabled: 'X-Ray tracing',
  clientCertificateId: 'client certificates for backend authentication',
  webAclArn: 'AWS WAF',
};

/** What to do instead, by feature: the refusal's hint. A feature missing here gets a plain "remove it". */
const MEANWHILE: Readonly<Record<string, string>> = {
  'content encoding': 'Responses are sent uncompressed',
  'response streaming': 'Return a buffered Lambda proxy result',
  'X-Ray tracing': 'Handlers still get an X-Amzn-Trace-Id header',
};

/** One refused option: where it was written and what it configures. */
export interface Refusal {
  /** Where the option sits below the `createGateway` options, e.g. `stage.canarySettings`. */
  path: string;
  option: string;
  feature: string;
}

/** The keys of `value` (an object found at `where`) that configure a feature we do not simulate. */
export function findRefusals(where: string, value: object): Refusal[] {
  const base = where.replace(/^createGateway(: )?/, '');
  const found: Refusal[] = [];
  for (const key of Object.keys(value)) {
    const feature = NOT_SIMULATED[key];
    if (feature) found.push({ path: base === '' ? key : `${base}.${key}`, option: key, feature });
  }
  return found;
}

/**
 * Throws one `GATEWAY_UNSUPPORTED_FEATURE` naming every refused option (`details.refused` lists them all; `option`
 * and `feature` name the first). Does nothing when the list is empty.
 */
export function throwRefusals(refusals: readonly Refusal[]): void {
  const [first] = refusals;
  if (first === undefined) return;
  const features = [...new Set(refusals.map((r) => r.feature))];
  const meanwhile = features.flatMap((f) => (MEANWHILE[f] ? [`${MEANWHILE[f]}.`] : []));
  const problem =
    refusals.length === 1
      ? `createGateway: ${first.path} configures ${first.feature}, which this version of the gateway simulator does not simulate`
      : `createGateway: ${refusals.length} options configure features this version of the gateway simulator does not simulate: ${refusals.map((r) => `${r.path} (${r.feature})`).join(', ')}`;
  throw new GatewayConfigError(
    'GATEWAY_UNSUPPORTED_FEATURE',
    problem,
    [
      `Remove ${refusals.length === 1 ? 'it' : 'them'}: the gateway refuses what it does not simulate rather than ignore it.`,
      ...meanwhile,
    ].join(' '),
    { option: first.option, feature: first.feature, refused: refusals.map((r) => ({ ...r })) },
  );
}

/** Throws `GATEWAY_UNSUPPORTED_FEATURE` for the keys of `value` naming features we do not simulate. */
export function refuseUnsupported(where: string, value: object): void {
  throwRefusals(findRefusals(where, value));
}

/**
 * Looks for unsimulated features everywhere AWS puts them — the API, its stage, each route and each integration —
 * and refuses them all in one error, so a configuration is fixed in one pass.
 */
export function refuseUnsupportedAnywhere(options: object): void {
  const o = options as { stage?: unknown; routes?: unknown };
  const found = findRefusals('createGateway', options);
  if (isObject(o.stage)) found.push(...findRefusals('stage', o.stage));
  if (isObject(o.routes)) {
    for (const [key, route] of Object.entries(o.routes)) {
      if (!isObject(route)) continue;
      const where = `routes[${JSON.stringify(key)}]`;
      found.push(...findRefusals(where, route));
      const integration = (route as { integration?: unknown }).integration;
      if (isObject(integration)) found.push(...findRefusals(`${where}.integration`, integration));
    }
  }
  throwRefusals(found);
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Throws for an integration type the API cannot have (HTTP APIs: `AWS` and `HTTP` non-proxy) or that is unknown. */
export function refuseIntegration(where: string, type: unknown): never {
  if (type === 'AWS' || type === 'HTTP') {
    throw new GatewayConfigError(
      'GATEWAY_UNSUPPORTED_INTEGRATION',
      `${where}: HTTP APIs have no non-proxy "${type}" integration`,
      "Use 'AWS_PROXY' (a Lambda handler) or 'HTTP_PROXY', or apiType: 'REST' for AWS and HTTP integrations.",
      { type },
    );
  }
  throw new GatewayConfigError(
    'GATEWAY_INVALID_INTEGRATION',
    `${where}: unknown integration type ${JSON.stringify(type)}`,
    'Use AWS_PROXY, AWS, HTTP, HTTP_PROXY or MOCK (docs/integrations.md).',
    { type },
  );
}
