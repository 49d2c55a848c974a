import { httpCors } from '../sam/sam-cors.js';
import { ensureRecord, isRecord } from '../source/pointer.js';
import { apiResourceBody, resourcesOf } from './api-resource.js';
import type { TemplateContext } from './template-context.js';

/** A plain HTTP API (`AWS::ApiGatewayV2::*`) turned into the OpenAPI 3 document it amounts to. */
export interface HttpApiDocument {
  document: Record<string, unknown>;
  stages: { name: string; properties: Record<string, unknown>; pointer: string }[];
  protocolType: string;
}

const INTEGRATION_FIELDS: Readonly<Record<string, string>> = {
  IntegrationType: 'type',
  IntegrationUri: 'uri',
  IntegrationMethod: 'httpMethod',
  PayloadFormatVersion: 'payloadFormatVersion',
  TimeoutInMillis: 'timeoutInMillis',
  IntegrationSubtype: 'integrationSubtype',
  RequestParameters: 'requestParameters',
  CredentialsArn: 'credentials',
  ConnectionType: 'connectionType',
  ConnectionId: 'connectionId',
  TlsConfig: 'tlsConfig',
  ResponseParameters: 'responses',
};

/** Builds the OpenAPI 3.0 document equivalent to HTTP API `apiId`: `Body`, quick-create `Target`, routes. */
export async function httpApiDocument(ctx: TemplateContext, apiId: string): Promise<HttpApiDocument> {
  const { props, document, pointer } = await apiResourceBody(ctx, apiId, 'HTTP');
  const protocolType = String(props.ProtocolType ?? 'HTTP');
  const paths = ensureRecord(document, 'paths') as Record<string, Record<string, unknown>>;
  const components = ensureRecord(document, 'components');
  const schemes = ensureRecord(components, 'securitySchemes');
  const mine = (type: string) => resourcesOf(ctx, type, 'ApiId', apiId);
  const stages: HttpApiDocument['stages'] = [];
  if (typeof props.Target === 'string') {
    // Quick create (§21.4): an integration, a $default route and an auto-deploying $default stage.
    const integration = { type: 'aws_proxy', uri: props.Target, payloadFormatVersion: '2.0' };
    const isUrl = /^https?:\/\//.test(props.Target);
    const key = typeof props.RouteKey === 'string' ? props.RouteKey : '$default';
    addRoute(paths, key, {
      'x-amazon-apigateway-integration': isUrl
        ? { type: 'http_proxy', uri: props.Target, httpMethod: 'ANY', payloadFormatVersion: '1.0' }
        : integration,
    });
    stages.push({ name: '$default', properties: {}, pointer });
  }
  const authorizerNames = new Map<string, string>();
  for (const [id, p] of mine('AWS::ApiGatewayV2::Authorizer')) {
    const name = String(p.Name ?? id);
    authorizerNames.set(id, name);
    schemes[name] =
      p.AuthorizerType === 'JWT'
        ? {
            type: 'oauth2',
            'x-amazon-apigateway-authorizer': {
              type: 'jwt',
              identitySource: p.IdentitySource,
              jwtConfiguration: isRecord(p.JwtConfiguration)
                ? { issuer: p.JwtConfiguration.Issuer, audience: p.JwtConfiguration.Audience }
                : undefined,
            },
          }
        : {
            type: 'apiKey',
            name: 'Unused',
            in: 'header',
            'x-amazon-apigateway-authorizer': Object.fromEntries(
              Object.entries({
                type: 'request',
                authorizerUri: p.AuthorizerUri,
                identitySource: p.IdentitySource,
                authorizerPayloadFormatVersion: p.AuthorizerPayloadFormatVersion,
                enableSimpleResponses: p.EnableSimpleResponses,
                authorizerResultTtlInSeconds: p.AuthorizerResultTtlInSeconds,
              }).filter(([, v]) => v !== undefined),
            ),
          };
  }
  const integrations = new Map(
    mine('AWS::ApiGatewayV2::Integration').map(([id, p]) => [
      id,
      Object.fromEntries(
        Object.entries(p)
          .filter(([k]) => Object.hasOwn(INTEGRATION_FIELDS, k))
          .map(([k, v]) => [INTEGRATION_FIELDS[k]!, v]),
      ),
    ]),
  );
  for (const [, p] of mine('AWS::ApiGatewayV2::Route')) {
    const target = /^integrations\/(.+)$/.exec(String(p.Target ?? ''))?.[1];
    const operation: Record<string, unknown> = {};
    if (target !== undefined)
      operation['x-amazon-apigateway-integration'] = integrations.get(target) ?? {
        type: 'unknown',
        uri: target,
      };
    const type = String(p.AuthorizationType ?? 'NONE').toUpperCase();
    if (type === 'AWS_IAM') operation['x-amazon-apigateway-auth'] = { type: 'AWS_IAM' };
    if ((type === 'JWT' || type === 'CUSTOM') && p.AuthorizerId !== undefined) {
      operation.security = [
        {
          [authorizerNames.get(String(p.AuthorizerId)) ?? String(p.AuthorizerId)]:
            p.AuthorizationScopes ?? [],
        },
      ];
    }
    addRoute(paths, String(p.RouteKey), operation);
  }
  for (const [, p] of mine('AWS::ApiGatewayV2::Stage'))
    stages.push({ name: String(p.StageName), properties: p, pointer });
  const cors = httpCors(props.CorsConfiguration);
  if (cors) document['x-amazon-apigateway-cors'] = cors;
  if (props.DisableExecuteApiEndpoint !== undefined) {
    document['x-amazon-apigateway-endpoint-configuration'] = {
      disableExecuteApiEndpoint: props.DisableExecuteApiEndpoint,
    };
  }
  return { document, stages, protocolType };
}

function addRoute(
  paths: Record<string, Record<string, unknown>>,
  routeKey: string,
  operation: Record<string, unknown>,
): void {
  if (routeKey === '$default') {
    paths['/$default'] = {
      ...paths['/$default'],
      'x-amazon-apigateway-any-method': operation,
      isDefaultRoute: true,
    };
    return;
  }
  const [method = 'ANY', path = '/'] = routeKey.split(' ');
  const item = ensureRecord(paths, path);
  item[method === 'ANY' ? 'x-amazon-apigateway-any-method' : method.toLowerCase()] = operation;
}
