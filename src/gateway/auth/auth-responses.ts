import type { GatewayResponseSpec } from '../gateway-responses.js';
import type { AnsweredResponseType, GatewayResponseType } from '../responses/types.js';

/** Why the authorize stage refused a request; each is a row of the gateway-response table. */
export type AuthFailure =
  | 'UNAUTHORIZED'
  | 'ACCESS_DENIED'
  | 'AUTHORIZER_CONFIGURATION_ERROR'
  | 'AUTHORIZER_FAILURE'
  | 'MISSING_AUTHENTICATION_TOKEN'
  | 'INCOMPLETE_SIGNATURE'
  | 'INVALID_SIGNATURE'
  | 'UNRECOGNIZED_CLIENT'
  | 'EXPIRED_TOKEN'
  | 'CORS_PREFLIGHT';

const rest = (
  status: number,
  responseType: GatewayResponseType,
  message: string,
  errorType: string,
  body = `{"message":${JSON.stringify(message)}}`,
): GatewayResponseSpec => ({ status, responseType, message, errorType, body });

// REST (behaviour.md §0, §2.3, §5, §18.3). Denials of the IAM family send `Message` with a capital M.
export const AUTH_FAILURES_REST: Record<AuthFailure, GatewayResponseSpec> = {
  UNAUTHORIZED: rest(401, 'UNAUTHORIZED', 'Unauthorized', 'UnauthorizedException'),
  ACCESS_DENIED: {
    ...rest(
      403,
      'ACCESS_DENIED',
      'User is not authorized to access this resource',
      'AccessDeniedException',
      '{"Message":"User is not authorized to access this resource"}',
    ),
    capitalMessage: true,
  },
  // `$context.error.message` is null: the body is `{"message": null}` (recorded, with the space).
  AUTHORIZER_CONFIGURATION_ERROR: rest(
    500,
    'AUTHORIZER_CONFIGURATION_ERROR',
    '',
    'AuthorizerConfigurationException',
    '{"message": null}',
  ),
  // A Cognito/JWT authorizer that cannot reach its key set. Body and error type UNCONFIRMED (behaviour.md §15).
  AUTHORIZER_FAILURE: rest(500, 'AUTHORIZER_FAILURE', '', 'AuthorizerFailureException', '{"message": null}'),
  MISSING_AUTHENTICATION_TOKEN: rest(
    403,
    'MISSING_AUTHENTICATION_TOKEN',
    'Missing Authentication Token',
    'MissingAuthenticationTokenException',
  ),
  // A non-SigV4 Authorization header on an AWS_IAM method (captured text; response type UNCONFIRMED).
  INCOMPLETE_SIGNATURE: rest(
    403,
    'MISSING_AUTHENTICATION_TOKEN',
    'Missing Authentication Token',
    'IncompleteSignatureException',
  ),
  INVALID_SIGNATURE: rest(
    403,
    'INVALID_SIGNATURE',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    'InvalidSignatureException',
  ),
  // An access key nobody registered (captured text; response type UNCONFIRMED).
  UNRECOGNIZED_CLIENT: rest(
    403,
    'INVALID_SIGNATURE',
    'The security token included in the request is invalid.',
    'UnrecognizedClientException',
  ),
  EXPIRED_TOKEN: rest(
    403,
    'EXPIRED_TOKEN',
    'The security token included in the request is expired',
    'ExpiredTokenException',
  ),
  // REST APIs have no built-in CORS (an OPTIONS MOCK answers); the row exists for the table's completeness.
  CORS_PREFLIGHT: { status: 204, responseType: 'CORS_PREFLIGHT', message: '', body: '' },
};

const http = (status: number, responseType: AnsweredResponseType, message: string): GatewayResponseSpec => ({
  status,
  responseType,
  message,
  body: `{"message":${JSON.stringify(message)}}`,
});

// HTTP APIs: 401 Unauthorized, 403 Forbidden, 500 Internal Server Error (behaviour.md §2.3, §5). The SigV4
// texts are REST's; that HTTP APIs send them too is UNCONFIRMED.
export const AUTH_FAILURES_HTTP: Record<AuthFailure, GatewayResponseSpec> = {
  UNAUTHORIZED: http(401, 'UNAUTHORIZED', 'Unauthorized'),
  ACCESS_DENIED: http(403, 'ACCESS_DENIED', 'Forbidden'),
  AUTHORIZER_CONFIGURATION_ERROR: http(500, 'AUTHORIZER_CONFIGURATION_ERROR', 'Internal Server Error'),
  AUTHORIZER_FAILURE: http(500, 'AUTHORIZER_FAILURE', 'Internal Server Error'),
  MISSING_AUTHENTICATION_TOKEN: http(403, 'MISSING_AUTHENTICATION_TOKEN', 'Forbidden'),
  INCOMPLETE_SIGNATURE: http(403, 'INVALID_SIGNATURE', 'Forbidden'),
  INVALID_SIGNATURE: http(403, 'INVALID_SIGNATURE', AUTH_FAILURES_REST.INVALID_SIGNATURE.message),
  UNRECOGNIZED_CLIENT: http(403, 'INVALID_SIGNATURE', AUTH_FAILURES_REST.UNRECOGNIZED_CLIENT.message),
  EXPIRED_TOKEN: http(403, 'EXPIRED_TOKEN', AUTH_FAILURES_REST.EXPIRED_TOKEN.message),
  // HTTP API CORS preflight answered by API Gateway: 204, no body (status commonly observed; UNCONFIRMED).
  CORS_PREFLIGHT: { status: 204, responseType: 'CORS_PREFLIGHT', message: '', body: '' },
};
