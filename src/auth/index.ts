export type {
  AuthorizationType,
  AuthorizerConfig,
  CognitoAuthorizerConfig,
  CorsConfiguration,
  HttpAuthorizerConfig,
  IamCredentials,
  IdentityProviderConfig,
  JsonWebKeySet,
  JwtAuthorizerConfig,
  RestAuthorizerConfig,
} from '../gateway/auth/auth-options.js';
export type {
  AuthorizerEvent,
  AuthorizerHandler,
  HttpRequestAuthorizerEventV1,
} from '../gateway/auth/authorizer-handler.js';
export type {
  HttpRequestAuthorizerConfigV1,
  HttpRequestAuthorizerConfigV2,
  RequestAuthorizerConfig,
  RestRequestAuthorizerConfig,
  TokenAuthorizerConfig,
  WebSocketAuthorizerConfig,
} from '../gateway/auth/lambda-authorizer-options.js';
export type { PolicyDecision } from '../gateway/auth/policy/evaluate-compiled.js';
export {
  type EvaluatePolicyOptions,
  evaluatePolicy,
  type PolicyEvaluation,
} from '../gateway/auth/policy/evaluate-policy.js';
export {
  createTestIdentityProvider,
  type TestIamUserOptions,
  type TestIdentityProvider,
  type TestIdentityProviderOptions,
} from './test-identity-provider.js';
export type { TestTokenOptions } from './test-token-claims.js';
