export type {
  AuthorizationType,
  AuthorizerConfig,
  AuthorizerHandler,
  CognitoAuthorizerConfig,
  CorsConfiguration,
  IamCredentials,
  IdentityProviderConfig,
  JsonWebKeySet,
  JwtAuthorizerConfig,
  RequestAuthorizerConfig,
  TokenAuthorizerConfig,
} from '../gateway/auth/auth-options.js';
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
