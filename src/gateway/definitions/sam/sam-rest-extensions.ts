import type { TemplateContext } from '../cloudformation/template-context.js';
import { child, ensureRecord, isRecord } from '../source/pointer.js';
import { operationSecurity } from './sam-auth.js';
import { addSamCors } from './sam-cors.js';

/**
 * The REST-only properties of an `AWS::Serverless::Api` written into its document as SAM does: `Cors` preflights,
 * `BinaryMediaTypes`, `ApiKeySourceType`, `MinimumCompressionSize`, `Models` (+ SAM's validators),
 * `GatewayResponses`, `Auth.ResourcePolicy.CustomStatements`.
 */
export function restExtensions(
  ctx: TemplateContext,
  document: Record<string, unknown>,
  props: Record<string, unknown>,
  auth: Record<string, unknown>,
  pointer: string,
): void {
  if (props.Cors !== undefined) {
    const security =
      auth.AddDefaultAuthorizerToCorsPreflight === false
        ? undefined
        : operationSecurity(
            {},
            {
              ...auth,
              ApiKeyRequired:
                auth.AddApiKeyRequiredToCorsPreflight === false ? undefined : auth.ApiKeyRequired,
            },
          );
    addSamCors(
      document.paths as Record<string, Record<string, unknown>>,
      props.Cors,
      security,
      ctx.file,
      child(pointer, 'Cors'),
    );
  }
  if (Array.isArray(props.BinaryMediaTypes)) {
    document['x-amazon-apigateway-binary-media-types'] = props.BinaryMediaTypes.map((t) =>
      String(t).replaceAll('~1', '/'),
    );
  }
  if (props.ApiKeySourceType !== undefined)
    document['x-amazon-apigateway-api-key-source'] = props.ApiKeySourceType;
  if (props.MinimumCompressionSize !== undefined)
    document['x-amazon-apigateway-minimum-compression-size'] = props.MinimumCompressionSize;
  if (isRecord(props.Models)) {
    const target = document.swagger !== undefined ? 'definitions' : 'components';
    if (target === 'definitions')
      document.definitions = { ...(document.definitions as object), ...props.Models };
    else {
      const components = ensureRecord(document, 'components');
      components.schemas = { ...(components.schemas as object), ...props.Models };
    }
    document['x-amazon-apigateway-request-validators'] = {
      'body-and-params': { validateRequestBody: true, validateRequestParameters: true },
      'body-only': { validateRequestBody: true, validateRequestParameters: false },
      'params-only': { validateRequestBody: false, validateRequestParameters: true },
    };
  }
  if (isRecord(props.GatewayResponses))
    document['x-amazon-apigateway-gateway-responses'] = gatewayResponses(props.GatewayResponses);
  if (isRecord(auth.ResourcePolicy) && Array.isArray(auth.ResourcePolicy.CustomStatements)) {
    document['x-amazon-apigateway-policy'] = {
      Version: '2012-10-17',
      Statement: auth.ResourcePolicy.CustomStatements,
    };
  }
}

function gatewayResponses(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([type, raw]) => {
      const r = isRecord(raw) ? raw : {};
      const params = isRecord(r.ResponseParameters) ? r.ResponseParameters : {};
      const mapped: Record<string, unknown> = {};
      for (const [group, where] of [
        ['Headers', 'header'],
        ['Paths', 'path'],
        ['QueryStrings', 'querystring'],
      ] as const) {
        for (const [name, v] of Object.entries(isRecord(params[group]) ? params[group] : {}))
          mapped[`gatewayresponse.${where}.${name}`] = v;
      }
      return [
        type,
        {
          ...(r.StatusCode === undefined ? {} : { statusCode: r.StatusCode }),
          ...(Object.keys(mapped).length > 0 ? { responseParameters: mapped } : {}),
          ...(r.ResponseTemplates === undefined ? {} : { responseTemplates: r.ResponseTemplates }),
        },
      ];
    }),
  );
}
