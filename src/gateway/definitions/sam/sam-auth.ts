import { DefinitionError } from '../../../errors/families.js';
import { child, isRecord } from '../source/pointer.js';

/** Security schemes SAM writes for an API's `Auth` (behaviour.md §21.2–21.3). */
export function samSecuritySchemes(
  auth: Record<string, unknown>,
  apiType: 'REST' | 'HTTP',
  region: string,
  file: string,
  pointer: string,
): Record<string, Record<string, unknown>> {
  const schemes: Record<string, Record<string, unknown>> = {};
  const authorizers = isRecord(auth.Authorizers) ? auth.Authorizers : {};
  for (const [name, raw] of Object.entries(authorizers)) {
    if (!isRecord(raw)) continue;
    const at = child(pointer, 'Authorizers', name);
    schemes[name] = apiType === 'REST' ? restScheme(raw, region) : httpScheme(raw, region, file, at);
  }
  if (apiType === 'REST' || auth.EnableIamAuthorizer === true) {
    schemes.AWS_IAM = {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'awsSigv4',
    };
  }
  schemes.api_key = { type: 'apiKey', name: 'x-api-key', in: 'header' };
  return schemes;
}

function invocationUri(functionArn: unknown, region: string): string {
  return `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${String(functionArn)}/invocations`;
}

function restScheme(raw: Record<string, unknown>, region: string): Record<string, unknown> {
  const identity = isRecord(raw.Identity) ? raw.Identity : {};
  if (raw.UserPoolArn !== undefined) {
    const header = typeof identity.Header === 'string' ? identity.Header : 'Authorization';
    return {
      type: 'apiKey',
      name: header,
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': {
        type: 'cognito_user_pools',
        providerARNs: Array.isArray(raw.UserPoolArn) ? raw.UserPoolArn : [raw.UserPoolArn],
        ...identitySettings(identity),
      },
    };
  }
  const request = String(raw.FunctionPayloadType ?? 'TOKEN').toUpperCase() === 'REQUEST';
  const header = typeof identity.Header === 'string' ? identity.Header : 'Authorization';
  const sources = identitySources(identity, [
    'method.request.header.',
    'method.request.querystring.',
    'stageVariables.',
    'context.',
  ]);
  return {
    type: 'apiKey',
    name: request ? 'Unused' : header,
    in: 'header',
    'x-amazon-apigateway-authtype': 'custom',
    'x-amazon-apigateway-authorizer': {
      type: request ? 'request' : 'token',
      authorizerUri: invocationUri(raw.FunctionArn, region),
      ...(request ? { identitySource: sources.join(', ') } : {}),
      ...identitySettings(identity),
    },
  };
}

function httpScheme(
  raw: Record<string, unknown>,
  region: string,
  file: string,
  pointer: string,
): Record<string, unknown> {
  if (raw.JwtConfiguration !== undefined) {
    return {
      type: 'oauth2',
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        jwtConfiguration: raw.JwtConfiguration,
        ...(raw.IdentitySource === undefined ? {} : { identitySource: raw.IdentitySource }),
      },
    };
  }
  if (raw.FunctionArn === undefined) {
    throw new DefinitionError(
      'DEFINITION_INVALID_AUTHORIZER',
      `${file}#${pointer}: an HttpApi authorizer needs JwtConfiguration or FunctionArn`,
      'Give JwtConfiguration (JWT) or FunctionArn + AuthorizerPayloadFormatVersion (Lambda).',
      { file, pointer },
    );
  }
  const identity = isRecord(raw.Identity) ? raw.Identity : {};
  const sources = identitySources(identity, [
    '$request.header.',
    '$request.querystring.',
    '$stageVariables.',
    '$context.',
  ]);
  return {
    type: 'apiKey',
    name: 'Unused',
    in: 'header',
    'x-amazon-apigateway-authorizer': {
      type: 'request',
      authorizerUri: invocationUri(raw.FunctionArn, region),
      authorizerPayloadFormatVersion: raw.AuthorizerPayloadFormatVersion,
      ...(raw.EnableSimpleResponses === undefined
        ? {}
        : { enableSimpleResponses: raw.EnableSimpleResponses }),
      ...(sources.length > 0 ? { identitySource: sources } : {}),
      ...(identity.ReauthorizeEvery === undefined
        ? {}
        : { authorizerResultTtlInSeconds: identity.ReauthorizeEvery }),
    },
  };
}

/** The `security` of an operation from the event's `Auth` and the API's `DefaultAuthorizer`. */
export function operationSecurity(
  eventAuth: Record<string, unknown>,
  apiAuth: Record<string, unknown>,
): Record<string, unknown>[] | undefined {
  const name = eventAuth.Authorizer ?? apiAuth.DefaultAuthorizer;
  const scopes = Array.isArray(eventAuth.AuthorizationScopes) ? eventAuth.AuthorizationScopes : [];
  const requirement: Record<string, unknown> = {};
  if (typeof name === 'string' && name !== 'NONE') requirement[name] = name === 'AWS_IAM' ? [] : scopes;
  const keyRequired = eventAuth.ApiKeyRequired ?? (isRecord(apiAuth) ? apiAuth.ApiKeyRequired : undefined);
  if (keyRequired === true) requirement.api_key = [];
  if (Object.keys(requirement).length > 0) return [requirement];
  return name === 'NONE' ? [] : undefined;
}

/** `Identity.ValidationExpression` and `ReauthorizeEvery` as authorizer fields, when given. */
function identitySettings(identity: Record<string, unknown>): Record<string, unknown> {
  return {
    ...(identity.ValidationExpression === undefined
      ? {}
      : { identityValidationExpression: identity.ValidationExpression }),
    ...(identity.ReauthorizeEvery === undefined
      ? {}
      : { authorizerResultTtlInSeconds: identity.ReauthorizeEvery }),
  };
}

/** `Identity` `Headers`, `QueryStrings`, `StageVariables`, `Context` as identity-source expressions, in that order. */
function identitySources(
  identity: Record<string, unknown>,
  prefixes: readonly [string, string, string, string],
): string[] {
  const groups = [identity.Headers, identity.QueryStrings, identity.StageVariables, identity.Context];
  return groups.flatMap((group, i) => list(group).map((name) => `${prefixes[i]}${name}`));
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
