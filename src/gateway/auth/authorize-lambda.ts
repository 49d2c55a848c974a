import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { requestAuthorizerEventFromProxy } from '../../events/request-authorizer-event.js';
import { requestAuthorizerEventV2FromProxy } from '../../events/request-authorizer-event-v2.js';
import { gatewayRequestToEvent } from '../../http/request-to-event.js';
import { eventInputOf } from '../integrations/event-input.js';
import { logExecution, type PipelineContext, type RequestAuthorization } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import type { CompiledLambdaAuthorizer } from './compiled-auth.js';
import type { GatewayAuth } from './create-auth.js';
import { readIdentity } from './identity-sources.js';
import type { AuthorizerVerdict } from './lambda/authorizer-cache.js';
import { type LambdaAuthorizerOutcome, runLambdaAuthorizer } from './lambda/run-lambda-authorizer.js';
import { identityRequestOf } from './request-facts.js';

/** Runs the route's Lambda authorizer for this request (REST TOKEN/REQUEST, HTTP API 1.0/2.0). */
export function authorizeWithLambda(
  ctx: PipelineContext,
  deps: PipelineDeps,
  auth: GatewayAuth,
  authorizer: CompiledLambdaAuthorizer,
  methodArn: string,
): Promise<LambdaAuthorizerOutcome> {
  const { config } = deps;
  const identity = readIdentity(authorizer.identity, identityRequestOf(ctx, deps), config.apiType);
  return runLambdaAuthorizer(
    authorizer,
    {
      identity,
      methodArn,
      requestId: ctx.requestId,
      event: () => authorizerEvent(ctx, deps, authorizer, methodArn, identity ?? []),
    },
    {
      clock: config.clock,
      ids: config.ids,
      region: config.region,
      accountId: config.accountId,
      cache: auth.cache,
      logStreamName: deps.logStreamName,
      log: ctx.detailed ? (lines) => logExecution(ctx, lines) : undefined,
    },
  );
}

/** The event API Gateway sends the authorizer function (behaviour.md §2.1). */
function authorizerEvent(
  ctx: PipelineContext,
  deps: PipelineDeps,
  authorizer: CompiledLambdaAuthorizer,
  methodArn: string,
  identity: readonly string[],
): unknown {
  if (authorizer.type === 'TOKEN') {
    return { type: 'TOKEN', authorizationToken: identity[0], methodArn };
  }
  // The request as the integration would see it, before any authorization is attached.
  const saved = ctx.authorization;
  ctx.authorization = undefined;
  const v2 = authorizer.api === 'HTTP_2.0';
  const proxy = gatewayRequestToEvent(eventInputOf(ctx, deps, v2 ? '2.0' : '1.0'));
  ctx.authorization = saved;
  if (v2) {
    return requestAuthorizerEventV2FromProxy(proxy as APIGatewayProxyEventV2, {
      routeArn: methodArn,
      identitySource: identity,
    });
  }
  return requestAuthorizerEventFromProxy(proxy as APIGatewayProxyEvent, {
    methodArn,
    identitySource: authorizer.api === 'HTTP_1.0' ? identity : undefined,
  });
}

/**
 * `requestContext.authorizer` as the integration receives it after a Lambda authorizer allowed the request:
 * REST (and payload 1.0) `{ ...context as strings, principalId, integrationLatency }`; HTTP API 2.0
 * `{ lambda: context }` (`{ lambda: null }` without context, as recorded).
 */
export function lambdaAuthorization(
  verdict: AuthorizerVerdict,
  latencyMs: number,
  eventFormat: '1.0' | '2.0',
): RequestAuthorization {
  const context = verdict.context;
  const authorizer: Record<string, unknown> =
    eventFormat === '2.0'
      ? { lambda: context === undefined ? null : { ...context } }
      : { ...context, principalId: verdict.principalId ?? '', integrationLatency: latencyMs };
  return verdict.usageIdentifierKey === undefined
    ? { authorizer }
    : { authorizer, usageIdentifierKey: verdict.usageIdentifierKey };
}
