import { assertKnownOptions } from '../../errors/families.js';
import { authorizerKind, type IamCallerInput, iamCaller } from './authorizer.js';

/** A JWT authorizer's verdict (HTTP API). */
export interface JwtAuthorizerInput {
  /** Token claims, as API Gateway forwards them. */
  claims?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  /** Token scopes; none gives `null`. */
  scopes?: readonly string[] | null;
}

/** IAM caller of an HTTP API route with `AWS_IAM`. */
export interface IamAuthorizerV2Input extends IamCallerInput {
  /** Cognito identity of the caller (identity-pool credentials). Default `null`. */
  cognitoIdentity?: { amr: string[]; identityId: string; identityPoolId: string } | null;
}

/** Authorizer of an HTTP API (payload 2.0) event: `jwt`, `lambda` (the simple-response context) or `iam`. */
export type ProxyEventV2AuthorizerInput =
  | { jwt: JwtAuthorizerInput }
  | { lambda: Readonly<Record<string, unknown>> }
  | { iam: IamAuthorizerV2Input };

/** Builds `requestContext.authorizer` of a 2.0 event (behaviour.md §1.2). */
export function authorizerV2(
  where: string,
  input: ProxyEventV2AuthorizerInput,
  accountId: string,
): Record<string, unknown> {
  const kind = authorizerKind(where, input, ['jwt', 'lambda', 'iam']);
  if (kind === 'jwt') {
    const jwt = (input as { jwt: JwtAuthorizerInput }).jwt;
    assertKnownOptions(`${where} authorizer.jwt`, jwt, ['claims', 'scopes']);
    return {
      jwt: {
        claims: { ...(jwt.claims ?? { sub: '7d3f9a2e-0c4b-4a51-9d1e-2b6f3c8e4a10' }) },
        scopes: jwt.scopes ? [...jwt.scopes] : null,
      },
    };
  }
  if (kind === 'lambda') return { lambda: { ...(input as { lambda: Record<string, unknown> }).lambda } };
  const { cognitoIdentity = null, ...rest } = (input as { iam: IamAuthorizerV2Input }).iam;
  const caller = iamCaller(where, rest, accountId);
  return {
    iam: {
      accessKey: caller.accessKey,
      accountId: caller.accountId,
      callerId: caller.caller,
      cognitoIdentity,
      principalOrgId: caller.principalOrgId,
      userArn: caller.userArn,
      userId: caller.user,
    },
  };
}
