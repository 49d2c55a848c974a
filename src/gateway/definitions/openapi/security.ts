import { DefinitionError } from '../../../errors/families.js';
import type { ApiType } from '../../types.js';
import type { FunctionTarget, WarningList } from '../model.js';
import { child, isRecord } from '../source/pointer.js';
import { lambdaTarget } from './function-target.js';

/** What a security scheme means for API Gateway. */
export type SchemeKind =
  | { kind: 'authorizer'; name: string; type: string }
  | { kind: 'apiKey' }
  | { kind: 'iam' }
  | { kind: 'none' };

/** Authorizers and scheme meanings read from `securityDefinitions` / `components.securitySchemes`. */
export interface SecuritySchemes {
  authorizers: Record<string, Record<string, unknown>>;
  targets: Map<string, FunctionTarget>;
  kinds: Map<string, SchemeKind>;
}

/** Fields read specially (the rest are copied as they are). */
const COMPUTED_FIELDS = ['type', 'authorizerUri', 'authorizerCredentials', 'identitySource'];
/** `x-amazon-apigateway-authorizer` fields copied as they are, on import and on export. */
export const COPIED_AUTHORIZER_FIELDS = [
  'identityValidationExpression',
  'authorizerResultTtlInSeconds',
  'providerARNs',
  'authorizerPayloadFormatVersion',
  'enableSimpleResponses',
  'jwtConfiguration',
] as const;
const AUTHORIZER_FIELDS = new Set<string>([...COMPUTED_FIELDS, ...COPIED_AUTHORIZER_FIELDS]);

/** Reads every scheme; one with `x-amazon-apigateway-authorizer` becomes an authorizer even if unused (§17.5). */
export function readSecuritySchemes(
  schemes: unknown,
  pointer: string,
  apiType: ApiType,
  file: string,
  warnings: WarningList,
): SecuritySchemes {
  const out: SecuritySchemes = { authorizers: {}, targets: new Map(), kinds: new Map() };
  if (!isRecord(schemes)) return out;
  for (const [name, scheme] of Object.entries(schemes)) {
    const at = child(pointer, name);
    if (!isRecord(scheme)) continue;
    const ext = scheme['x-amazon-apigateway-authorizer'];
    const authType = scheme['x-amazon-apigateway-authtype'];
    if (isRecord(ext)) {
      const authorizer = convertAuthorizer(
        scheme,
        ext,
        child(at, 'x-amazon-apigateway-authorizer'),
        apiType,
        file,
      );
      if (typeof authType === 'string') authorizer.authType = authType;
      const uri = ext.authorizerUri;
      if (typeof uri === 'string') {
        const target = lambdaTarget(
          uri,
          child(at, 'x-amazon-apigateway-authorizer', 'authorizerUri'),
          true,
        ) ?? {
          name: uri,
          qualifier: undefined,
          text: uri,
          pointer: child(at, 'x-amazon-apigateway-authorizer', 'authorizerUri'),
        };
        out.targets.set(name, target);
      }
      if (ext.authorizerCredentials !== undefined) {
        warnings.info(
          'CREDENTIALS_NOT_EVALUATED',
          at,
          'authorizer credentials (an IAM role) are not evaluated locally',
        );
      }
      out.authorizers[name] = authorizer;
      out.kinds.set(name, { kind: 'authorizer', name, type: String(authorizer.type) });
    } else if (typeof authType === 'string' && /^awsSigv4$/i.test(authType)) {
      out.kinds.set(name, { kind: 'iam' });
    } else if (scheme.type === 'apiKey' && String(scheme.name).toLowerCase() === 'x-api-key') {
      out.kinds.set(name, { kind: 'apiKey' });
    } else {
      out.kinds.set(name, { kind: 'none' });
      warnings.info(
        'IGNORED_SECURITY_SCHEME',
        at,
        `security scheme "${name}" has no API Gateway meaning and is ignored`,
      );
    }
  }
  return out;
}

function convertAuthorizer(
  scheme: Record<string, unknown>,
  ext: Record<string, unknown>,
  pointer: string,
  apiType: ApiType,
  file: string,
): Record<string, unknown> {
  for (const key of Object.keys(ext)) {
    if (!AUTHORIZER_FIELDS.has(key)) {
      throw new DefinitionError(
        'DEFINITION_UNKNOWN_FIELD',
        `${file}#${child(pointer, key)}: x-amazon-apigateway-authorizer has no field "${key}"`,
        `Remove it or fix its spelling; the fields are ${[...AUTHORIZER_FIELDS].join(', ')}.`,
        { file, pointer: child(pointer, key) },
      );
    }
  }
  const raw = String(ext.type ?? '').toLowerCase();
  const type =
    raw === 'token'
      ? 'TOKEN'
      : raw === 'request'
        ? 'REQUEST'
        : raw === 'cognito_user_pools'
          ? 'COGNITO_USER_POOLS'
          : raw === 'jwt'
            ? 'JWT'
            : undefined;
  const allowed = apiType === 'REST' ? ['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'] : ['REQUEST', 'JWT'];
  if (type === undefined || !allowed.includes(type)) {
    throw new DefinitionError(
      'DEFINITION_INVALID_AUTHORIZER',
      `${file}#${child(pointer, 'type')}: authorizer type ${JSON.stringify(ext.type)} is not available on ${apiType} APIs`,
      `Use ${allowed.map((t) => t.toLowerCase()).join(' or ')}.`,
      { file, pointer: child(pointer, 'type') },
    );
  }
  const out: Record<string, unknown> = { type };
  const header = typeof scheme.name === 'string' ? scheme.name : 'Authorization';
  const identity = ext.identitySource;
  if (apiType === 'REST') {
    out.identitySource =
      typeof identity === 'string' && identity !== ''
        ? identity
        : type === 'REQUEST'
          ? identity
          : `method.request.header.${header}`;
  } else if (identity !== undefined) {
    out.identitySource = typeof identity === 'string' ? identity.split(/\s*,\s*/) : identity;
  }
  for (const key of COPIED_AUTHORIZER_FIELDS) {
    if (ext[key] !== undefined) out[key] = ext[key];
  }
  if (typeof out.authorizerPayloadFormatVersion === 'number') {
    out.authorizerPayloadFormatVersion = out.authorizerPayloadFormatVersion.toFixed(1);
  }
  if (type === 'JWT' && scheme.type === 'openIdConnect' && typeof scheme.openIdConnectUrl === 'string') {
    const config = isRecord(out.jwtConfiguration) ? out.jwtConfiguration : {};
    if (config.issuer === undefined) {
      out.jwtConfiguration = {
        ...config,
        issuer: scheme.openIdConnectUrl.replace(/\/\.well-known\/openid-configuration$/, ''),
      };
    }
  }
  if (out.identitySource === undefined) delete out.identitySource;
  return out;
}

/** The authorization a route gets from its security requirements (operation's, else the root's). */
export interface RouteAuthorization {
  options: Record<string, unknown>;
  label: string;
  apiKeyRequired: boolean;
}

/** Applies `security` requirements (§17.5): authorizer + scopes, AWS_IAM, `x-api-key` ⇒ API key required. */
export function routeAuthorization(
  requirements: unknown,
  schemes: SecuritySchemes,
  pointer: string,
  apiType: ApiType,
  file: string,
): RouteAuthorization {
  const result: RouteAuthorization = { options: {}, label: 'NONE', apiKeyRequired: false };
  if (!Array.isArray(requirements)) return result;
  if (apiType === 'HTTP' && requirements.length > 1) {
    throw new DefinitionError(
      'DEFINITION_INVALID_SECURITY',
      `${file}#${pointer}: HTTP APIs accept one security requirement per operation, got ${requirements.length}`,
      'Keep one requirement object (AWS refuses the import with an error).',
      { file, pointer },
    );
  }
  requirements.forEach((requirement, i) => {
    if (!isRecord(requirement)) return;
    for (const [name, scopes] of Object.entries(requirement)) {
      const kind = schemes.kinds.get(name);
      if (!kind) {
        throw new DefinitionError(
          'DEFINITION_UNKNOWN_SECURITY_SCHEME',
          `${file}#${child(pointer, i, name)}: security requirement names "${name}", which no security scheme defines`,
          'Define it under securityDefinitions / components.securitySchemes, or remove the requirement.',
          { file, pointer: child(pointer, i, name) },
        );
      }
      if (kind.kind === 'apiKey') result.apiKeyRequired = apiType === 'REST';
      else if (kind.kind === 'iam') {
        result.options.authorizationType = 'AWS_IAM';
        result.label = 'AWS_IAM';
      } else if (kind.kind === 'authorizer') {
        const authorizationType =
          kind.type === 'COGNITO_USER_POOLS' ? 'COGNITO_USER_POOLS' : kind.type === 'JWT' ? 'JWT' : 'CUSTOM';
        result.options.authorizationType = authorizationType;
        result.options.authorizer = name;
        if (Array.isArray(scopes) && scopes.length > 0) result.options.authorizationScopes = scopes;
        result.label = `${authorizationType} ${name}`;
      }
    }
  });
  return result;
}
