import type { HttpRequest } from '@smithy/types';
import type { Clock } from '../../../clock/clock.js';
import { headerValue } from '../../integrations/lambda-proxy.js';
import type { GatewayRequest } from '../../pipeline/gateway-request.js';
import type { CredentialOutcome, IamCaller } from '../auth-outcome.js';
import type { GatewayAuth } from '../create-auth.js';
import { evaluateCompiled } from '../policy/evaluate-compiled.js';
import { conditionContextOf, type RequestFacts } from '../request-facts.js';
import { formatAmzDate, parseAmzDate, parseAuthorization } from './parse-authorization.js';
import { expectedSignature } from './verify-signature.js';

/** Signatures older or newer than this are refused (behaviour.md §18.3). */
export const SIGV4_MAX_SKEW_MS = 5 * 60_000;

type Reject = Extract<CredentialOutcome, { kind: 'rejected' }>;

/**
 * AWS_IAM (behaviour.md §18.3): verifies the request's SigV4 signature with the registered credentials, as
 * API Gateway does, with its exact 403 texts — unsigned → Missing Authentication Token; a malformed header →
 * IncompleteSignature; an unknown key or wrong session token → "The security token included in the request is
 * invalid."; expired credentials → EXPIRED_TOKEN; skew over 5 minutes → "Signature expired: …"; any other
 * difference → "The request signature we calculated does not match …" with the canonical request and string to
 * sign AWS expected. Then evaluates the caller's identity-based policy for `execute-api:Invoke`.
 */
export async function authenticateIam(
  facts: RequestFacts,
  env: { clock: Clock; region: string },
  auth: GatewayAuth,
  methodArn: string,
  eventFormat: '1.0' | '2.0',
): Promise<CredentialOutcome> {
  const headers = facts.request.headers;
  const header = headerValue(headers, 'authorization');
  if (header === null)
    return {
      kind: 'rejected',
      failure: 'MISSING_AUTHENTICATION_TOKEN',
      reason: 'the request is not signed (no Authorization header)',
    };
  const amzDate = headerValue(headers, 'x-amz-date');
  const date = amzDate ?? headerValue(headers, 'date');
  const parsed = parseAuthorization(header, date !== null);
  if ('incomplete' in parsed)
    return reject(
      'INCOMPLETE_SIGNATURE',
      parsed.incomplete,
      'the Authorization header is not a complete SigV4 signature',
    );
  const credentials = auth.credentials.get(parsed.accessKeyId);
  const token = headerValue(headers, 'x-amz-security-token');
  if (credentials === undefined || (credentials.sessionToken ?? null) !== token) {
    return reject(
      'UNRECOGNIZED_CLIENT',
      undefined,
      credentials === undefined
        ? `access key ${parsed.accessKeyId} is not registered (identityProviders)`
        : 'the session token does not belong to the access key',
    );
  }
  const now = env.clock.now();
  if (credentials.expiration !== undefined && credentials.expiration <= now) {
    return reject(
      'EXPIRED_TOKEN',
      undefined,
      `the credentials of ${parsed.accessKeyId} expired at ${new Date(credentials.expiration).toISOString()}`,
    );
  }
  if (parsed.service !== 'execute-api') {
    return reject(
      'INVALID_SIGNATURE',
      `Credential should be scoped to correct service: 'execute-api'. `,
      `the credential scope names service ${parsed.service}`,
    );
  }
  if (parsed.region !== env.region) {
    return reject(
      'INVALID_SIGNATURE',
      'Credential should be scoped to a valid region. ',
      `the credential scope names region ${parsed.region}, the API is in ${env.region}`,
    );
  }
  const signedAt = parseAmzDate(date!);
  const longDate = formatAmzDate(Number.isNaN(signedAt) ? 0 : signedAt);
  if (parsed.scopeDate !== longDate.slice(0, 8)) {
    return reject(
      'INVALID_SIGNATURE',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parsed.scopeDate}' != '${longDate.slice(0, 8)}', from '${amzDate === null ? 'Date' : 'X-Amz-Date'}'.`,
      'the credential scope date differs from the request date',
    );
  }
  if (now - signedAt > SIGV4_MAX_SKEW_MS) {
    return reject(
      'INVALID_SIGNATURE',
      `Signature expired: ${longDate} is now earlier than ${formatAmzDate(now - SIGV4_MAX_SKEW_MS)} (${formatAmzDate(now)} - 5 min.)`,
      'the signature is more than 5 minutes old',
    );
  }
  if (signedAt - now > SIGV4_MAX_SKEW_MS) {
    return reject(
      'INVALID_SIGNATURE',
      `Signature not yet current: ${longDate} is still later than ${formatAmzDate(now + SIGV4_MAX_SKEW_MS)} (${formatAmzDate(now)} + 5 min.)`,
      'the signature is dated more than 5 minutes ahead',
    );
  }
  const keys = { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey };
  const expected = await expectedSignature(toSignable(facts.request), parsed.signedHeaders, keys, longDate, {
    date: parsed.scopeDate,
    region: parsed.region,
    service: parsed.service,
  });
  if (expected.signature !== parsed.signature) {
    const message = `The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'${expected.canonicalRequest}'\n\nThe String-to-Sign should have been\n'${expected.stringToSign}'\n`;
    return reject('INVALID_SIGNATURE', message, 'the signature does not match the request');
  }
  const caller: IamCaller = {
    arn: credentials.userArn,
    accountId: credentials.accountId,
    accessKey: credentials.accessKeyId,
    userId: credentials.userId,
    principalOrgId: credentials.principalOrgId,
  };
  const policy = credentials.policy;
  const identityDecision = evaluateCompiled(
    policy,
    'execute-api:Invoke',
    methodArn,
    undefined,
    policy.hasConditions ? conditionContextOf(facts, caller) : undefined,
  ).decision;
  const identity = {
    accessKey: caller.accessKey,
    accountId: caller.accountId,
    caller: caller.userId,
    user: caller.userId,
    userArn: caller.arn,
    principalOrgId: caller.principalOrgId,
  };
  return {
    kind: 'authenticated',
    authorization:
      eventFormat === '2.0'
        ? {
            authorizer: {
              iam: {
                accessKey: caller.accessKey,
                accountId: caller.accountId,
                callerId: caller.userId,
                cognitoIdentity: null,
                principalOrgId: caller.principalOrgId,
                userArn: caller.arn,
                userId: caller.userId,
              },
            },
            identity,
          }
        : { identity },
    caller,
    identityDecision,
    note: `SigV4 signature of ${caller.arn} verified`,
  };
}

function reject(failure: Reject['failure'], message: string | undefined, reason: string): Reject {
  return message === undefined
    ? { kind: 'rejected', failure, reason }
    : { kind: 'rejected', failure, message, reason };
}

/** The request as the signer sees it: the raw path, the decoded query, the headers (repeated ones joined). */
function toSignable(request: GatewayRequest): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    headers[lower] = headers[lower] === undefined ? value : `${headers[lower]},${value}`;
  }
  headers.host ??= request.host;
  const query: Record<string, string | string[]> = {};
  if (request.query !== '') {
    for (const pair of request.query.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const key = safeDecode(eq === -1 ? pair : pair.slice(0, eq));
      const value = eq === -1 ? '' : safeDecode(pair.slice(eq + 1));
      const existing = query[key];
      query[key] =
        existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
  }
  const body = request.body;
  return {
    method: request.method,
    protocol: 'https:',
    hostname: request.host,
    path: request.pathname,
    query,
    headers,
    body: body === null ? undefined : body,
  } as HttpRequest;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
