import { GatewayConfigError } from '../../errors/families.js';

/**
 * Features API Gateway has that this version does not simulate. Configuring one is refused by name (never
 * silently ignored), with the feature named in the error.
 */
const NOT_SIMULATED: Readonly<Record<string, string>> = {
  canary: 'canary releases',
  canarySettings: 'canary releases',
  deployments: 'deployments',
  minimumCompressionSize: 'content encoding',
  mutualTls: 'mutual TLS',
  webAcl: 'AWS WAF',
  responseTransferMode: 'response streaming',
  // Option names the definition importers (apigw-testkit/definitions) pass through for features to come.
  disableExecuteApiEndpoint: 'custom domains and the execute-api endpoint switch',
  vpcEndpointIds: 'private APIs',
  integrationSubtype: 'AWS service integrations of HTTP APIs',
};

/** Throws `GATEWAY_UNSUPPORTED_FEATURE` for the first key of `value` naming a feature we do not simulate. */
export function refuseUnsupported(where: string, value: object): void {
  for (const key of Object.keys(value)) {
    const feature = NOT_SIMULATED[key];
    if (feature) {
      throw new GatewayConfigError(
        'GATEWAY_UNSUPPORTED_FEATURE',
        `${where}: "${key}" configures ${feature}, which this version of the gateway simulator does not simulate`,
        `Remove "${key}"; the gateway refuses it rather than ignore it. Test ${feature} with the event builders meanwhile.`,
        { option: key, feature },
      );
    }
  }
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
