import { GatewayConfigError } from '../../errors/families.js';

/**
 * Features API Gateway has that this version does not simulate. Configuring one is refused by name (never
 * silently ignored), with the feature named in the error.
 */
const NOT_SIMULATED: Readonly<Record<string, string>> = {
  requestValidator: 'request validation',
  requestValidators: 'request validation',
  requestParameters: 'request parameter mapping and validation',
  requestModels: 'request models and validation',
  models: 'request models and validation',
  gatewayResponses: 'custom gateway responses',
  canary: 'canary releases',
  canarySettings: 'canary releases',
  deployments: 'deployments',
  minimumCompressionSize: 'content encoding',
  mutualTls: 'mutual TLS',
  webAcl: 'AWS WAF',
  responseTransferMode: 'response streaming',
  contentHandling: 'content handling conversion',
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

/** Throws `GATEWAY_UNSUPPORTED_INTEGRATION` for `AWS`, `HTTP` and `HTTP_PROXY` integrations. */
export function refuseIntegration(where: string, type: unknown): never {
  if (type === 'AWS' || type === 'HTTP' || type === 'HTTP_PROXY') {
    throw new GatewayConfigError(
      'GATEWAY_UNSUPPORTED_INTEGRATION',
      `${where}: integration type "${type}" is not simulated yet`,
      "Use 'AWS_PROXY' (a Lambda handler) or 'MOCK'; AWS, HTTP and HTTP_PROXY integrations come in a later version.",
      { type },
    );
  }
  throw new GatewayConfigError(
    'GATEWAY_INVALID_INTEGRATION',
    `${where}: unknown integration type ${JSON.stringify(type)}`,
    "Use { type: 'AWS_PROXY', handler } or { type: 'MOCK', ... }.",
    { type },
  );
}
