import type { RequestAuthorization } from '../pipeline/context.js';
import type { AuthFailure } from './auth-responses.js';
import type { PolicyDecision } from './policy/evaluate-compiled.js';
import type { PolicyCaller } from './policy/principal.js';

/** An authenticated IAM caller, as policies and events see it. */
export interface IamCaller extends PolicyCaller {
  accessKey: string;
  userId: string;
  principalOrgId: string | null;
}

/** How a token or signature check ended (JWT, Cognito, SigV4). */
export type CredentialOutcome =
  | {
      kind: 'authenticated';
      authorization: RequestAuthorization;
      /** IAM: who signed, and what their identity-based policy says about this method. */
      caller?: IamCaller;
      identityDecision?: PolicyDecision;
      /** Trace text: whose token, which scopes. */
      note: string;
    }
  | {
      kind: 'rejected';
      failure: AuthFailure;
      /** The per-request message (SigV4 texts), when it differs from the response type's. */
      message?: string;
      /** Extra response headers (HTTP API JWT `www-authenticate`). */
      headers?: readonly (readonly [string, string])[];
      reason: string;
    };
