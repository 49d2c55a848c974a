export type {
  AuthorizationType,
  AuthorizerConfig,
  CognitoAuthorizerConfig,
  CorsConfiguration,
  IamCredentials,
  IdentityProviderConfig,
  JsonWebKeySet,
  JwtAuthorizerConfig,
  RequestAuthorizerConfig,
  RequestAuthorizerConfigV1,
  RequestAuthorizerConfigV2,
  SimpleAuthorizerConfigV2,
  TokenAuthorizerConfig,
} from '../gateway/auth/auth-options.js';
export type {
  AuthorizerHandler,
  PolicyAuthorizerResultV2,
  RequestAuthorizerHandler,
  RequestAuthorizerHandlerV2,
  SimpleAuthorizerHandlerV2,
  SimpleAuthorizerResultV2,
  TokenAuthorizerHandler,
} from '../gateway/auth/authorizer-handlers.js';
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
