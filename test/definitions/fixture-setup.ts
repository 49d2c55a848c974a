// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the definitions contain ${placeholders} literally
// What each collected definition needs to answer a request per route: the placeholders its source's own test
// substitutes before importing, which of its functions are authorizers, the identities, keys and backends the
// gateway trusts, and the request that satisfies each route (token, signature, valid body).
import type { TestIdentityProvider } from '../../src/auth/index.js';
import type { GatewayOptions } from '../../src/gateway/index.js';
import { backend } from './fixture-support.js';

/** Shared by every fixture: one identity provider (user pool `us-east-1_abc`, app client `client1`). */
export interface FixtureContext {
  idp: TestIdentityProvider;
}

/** The request made to one route. */
export interface RouteRequest {
  path?: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  /** SigV4-sign the request with the identity provider's IAM user `alice`. */
  sign?: boolean;
}

export interface FixtureSetup {
  /** Placeholders of a templated file, replaced before the import as the source's own test does. */
  substitute?: (ctx: FixtureContext) => Record<string, string>;
  /** Functions the definition names that are not in the fixture's handler list (after substitution). */
  extraHandlers?: string[];
  /** Handler keys that are Lambda authorizers, and the result format they answer in. */
  authorizers?: Record<string, 'policy' | 'simple'>;
  /** Gateway options the definition leaves to the deployment (identities, keys, backends, stage variables). */
  options?: (ctx: FixtureContext) => Partial<GatewayOptions>;
  /** The request per route key (default: the route's method on a sample path, the API key when required). */
  requests?: Record<string, (ctx: FixtureContext) => RouteRequest | Promise<RouteRequest>>;
}

const LAMBDA_URI = (name: string) =>
  `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${name}/invocations`;
const API_KEY = { id: 'fixture-key', value: 'fixture-key-value-0123456789' };
const KEYS = {
  apiKeys: [API_KEY],
  usagePlans: [{ id: 'fixture-plan', apiStages: [{ stage: 'dev' }], keys: [API_KEY.id] }],
};
const json = (body: unknown): RouteRequest => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const SETUPS: Readonly<Record<string, FixtureSetup>> = {
  'cfn-rest-lambda-authorizer': {
    authorizers: { TokenAuthorizerFunction: 'policy' },
    requests: { 'GET /': () => ({ headers: { authorizationToken: 'allow' } }) },
  },
  // LocalStack's test fills the Terraform placeholder with its Lambda's invocation URI.
  'ls-api-definition-yaml': {
    substitute: () => ({ '${lambda_invocation_arn}': LAMBDA_URI('wait-fn') }),
    extraHandlers: ['wait-fn'],
  },
  'ls-cognito-auth': {
    substitute: ({ idp }) => ({ '${cognito_pool_arn}': idp.userPoolArn }),
    options: ({ idp }) => ({ identityProviders: [idp], fetch: backend }),
    requests: {
      'GET /default-no-scope': async ({ idp }) => ({ headers: { TestHeaderAuth: await idp.token() } }),
      'GET /default-scope-override': async ({ idp }) => ({
        headers: { TestHeaderAuth: await idp.token({ use: 'access', scopes: ['openid'] }) },
      }),
      'GET /non-default-authorizer': async ({ idp }) => ({
        headers: { TestHeaderAuth: await idp.token({ use: 'access', scopes: ['email'] }) },
      }),
      'GET /pets': async ({ idp }) => ({
        headers: { TestHeaderAuth: await idp.token({ use: 'access', scopes: ['email'] }) },
      }),
    },
  },
  'ls-global-auth': {
    authorizers: { '${authorizer_lambda_invocation_arn}': 'policy' },
    options: () => ({ fetch: backend }),
    requests: {
      'GET /pets': () => ({ headers: { 'Custom-Authorization': 'allow' } }),
      'ANY /echo/{data}': () => ({ headers: { 'Custom-Authorization': 'allow' } }),
    },
  },
  'ls-http-method-integration': {
    substitute: () => ({ '${lambda_invocation_arn}': LAMBDA_URI('http-method-fn') }),
    extraHandlers: ['http-method-fn'],
  },
  'ls-openapi-http-proxy': {
    authorizers: { 'function-name': 'policy' },
    options: () => ({ fetch: backend }),
    requests: { 'GET /pets/{petId}': () => ({ headers: { Authorization: 'allow' } }) },
  },
  'ls-openapi-terraform': { options: () => KEYS },
  'ls-pets-swagger': { options: () => ({ fetch: backend }) },
  'ls-pulumi-gateway-responses': {
    authorizers: { 'apiGwAuthorizerLambda-2152989': 'policy' },
    options: () => KEYS,
    requests: { 'GET /just_do_it': () => ({ headers: { Authorization: 'allow' } }) },
  },
  'ls-request-validators': { requests: { 'POST /person': () => json({ name: 'Ada', b: 1 }) } },
  'ls-stage-variables': {
    options: () => ({ stage: { variables: { url: 'backend.example.com/stage-variable' } }, fetch: backend }),
  },
  'ls-swagger-basepath': {
    authorizers: { 'myapi-authorizer-0-22ad13b': 'policy' },
    requests: {
      'GET /test': () => ({ query: 'auth=allow' }),
      'OPTIONS /test': () => ({ query: 'auth=allow' }),
    },
  },
  'sam-cors-preflight-auth': {
    authorizers: { MyAuthFn: 'policy' },
    requests: {
      'GET /': () => ({ headers: { Authorization1: 'allow' } }),
      'POST /': () => ({ headers: { Authorization1: 'allow' } }),
    },
  },
  'sam-http-api-jwt': {
    options: ({ idp }) => ({ identityProviders: [idp] }),
    requests: {
      'GET /admin': async ({ idp }) => ({ headers: { Authorization: `Bearer ${await idp.token()}` } }),
    },
  },
  'sam-http-api-lambda-auth': { authorizers: { MyAuthFn: 'policy' } },
  'sam-rest-iam': {
    options: ({ idp }) => ({ identityProviders: [idp] }),
    requests: { 'GET /': () => ({ sign: true }) },
  },
  'sam-rest-models': {
    requests: { 'POST /vehicle': () => json({ make: 'Volvo', model: 'EX30', year: 2024, color: 'blue' }) },
  },
};
