import { DEFAULT_SOURCE_IP } from '../../events/derive/constants.js';
import { formatRequestTime } from '../../events/derive/time.js';
import { headerValue } from '../integrations/lambda-proxy.js';
import type { PipelineContext } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import type { GatewayRequest } from '../pipeline/gateway-request.js';
import { requestContextValue } from '../pipeline/observe.js';
import type { IdentityRequest } from './identity-sources.js';
import type { ConditionContext } from './policy/conditions.js';
import type { PolicyCaller } from './policy/principal.js';

/**
 * The ARN the request is authorized against:
 * `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path after the stage, no leading slash}`.
 */
export function methodArnOf(ctx: PipelineContext, apiArn: string, stage: string): string {
  const path = ctx.eventPath;
  let start = 0;
  while (start < path.length && path.charCodeAt(start) === 47) start++;
  return `${apiArn}/${stage}/${ctx.method}/${path.slice(start)}`;
}

/** The caller's address: the first `X-Forwarded-For` entry, else the default test address. */
export function sourceIpOf(ctx: PipelineContext): string {
  const forwarded = headerValue(ctx.request.headers, 'x-forwarded-for');
  return forwarded?.split(',')[0]?.trim() || DEFAULT_SOURCE_IP;
}

/** What identity sources read from this request (`$context.x` as the access log would print it). */
export function identityRequestOf(ctx: PipelineContext, deps: PipelineDeps): IdentityRequest {
  return {
    headers: ctx.request.headers,
    query: ctx.request.query,
    stageVariables: deps.config.stageVariables,
    context(name) {
      const value = requestContextValue(name, ctx, deps);
      return value === undefined ? undefined : String(value);
    },
  };
}

/**
 * What the IAM checks read of a request, independent of the HTTP pipeline (a WebSocket `$connect` has the same):
 * the request as received, when it arrived, and the caller's address.
 */
export interface RequestFacts {
  request: GatewayRequest;
  startedAt: number;
  sourceIp: string;
}

/** The {@link RequestFacts} of a pipeline request. */
export function requestFactsOf(ctx: PipelineContext): RequestFacts {
  return { request: ctx.request, startedAt: ctx.startedAt, sourceIp: sourceIpOf(ctx) };
}

/**
 * The global condition keys a resource policy can test (behaviour.md §18.4), lowercased: `aws:SourceIp`,
 * `aws:SourceVpce` / `aws:SourceVpc` (from the `x-amzn-vpce-id` / `x-amzn-vpc-id` headers a private API's VPC
 * endpoint adds), `aws:UserAgent`, `aws:Referer`, `aws:SecureTransport`, `aws:CurrentTime`, `aws:EpochTime`, and
 * for IAM callers `aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:userid`, `aws:username`, `aws:PrincipalOrgID`,
 * `aws:PrincipalType`.
 */
export function conditionContextOf(
  facts: RequestFacts,
  caller: (PolicyCaller & { userId: string; principalOrgId: string | null }) | undefined,
): ConditionContext {
  const headers = facts.request.headers;
  const startedAt = facts.startedAt;
  const map = new Map<string, string>();
  map.set('aws:sourceip', facts.sourceIp);
  const put = (key: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined) map.set(key, value);
  };
  put('aws:sourcevpce', headerValue(headers, 'x-amzn-vpce-id'));
  put('aws:sourcevpc', headerValue(headers, 'x-amzn-vpc-id'));
  put('aws:useragent', headerValue(headers, 'user-agent'));
  put('aws:referer', headerValue(headers, 'referer'));
  map.set('aws:securetransport', 'true');
  map.set('aws:currenttime', new Date(startedAt).toISOString());
  map.set('aws:epochtime', String(Math.floor(startedAt / 1000)));
  map.set('aws:requesttime', formatRequestTime(startedAt));
  if (caller !== undefined) {
    map.set('aws:principalaccount', caller.accountId);
    map.set('aws:principalarn', principalArn(caller.arn));
    map.set('aws:userid', caller.userId);
    const user = /:user\/(?:.*\/)?([^/]+)$/.exec(caller.arn)?.[1];
    put('aws:username', user);
    put('aws:principalorgid', caller.principalOrgId);
    map.set('aws:principaltype', caller.arn.includes(':assumed-role/') ? 'AssumedRole' : 'User');
  }
  return map;
}

/** `aws:PrincipalArn` of a role session is the role's ARN. */
function principalArn(arn: string): string {
  const session = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  return session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : arn;
}
