import {
  webSocketAuthorizerEventFromConnect,
  webSocketConnectArn,
} from '../../events/websocket-authorizer-event.js';
import type { AuthFailure } from '../auth/auth-responses.js';
import { lambdaAuthorization } from '../auth/authorize-lambda.js';
import { authorizerDenyMessage, invokeDenyMessage } from '../auth/deny-messages.js';
import { readIdentity } from '../auth/identity-sources.js';
import { runLambdaAuthorizer } from '../auth/lambda/run-lambda-authorizer.js';
import { loadEngine } from '../auth/load-engine.js';
import type { Connection } from './connection.js';
import type { WebSocketAuth } from './resolve-websocket-auth.js';
import { webSocketContextValue } from './websocket-context.js';
import type { WebSocketDeps } from './websocket-deps.js';
import { connectEvent, type EventStamp } from './websocket-events.js';

/** How the `$connect` authorization ended: allowed (the connection carries its result) or a refusal. */
export type ConnectAuthorization =
  | { ok: true; latencyMs: number }
  | { ok: false; failure: AuthFailure; reason: string; message?: string; latencyMs: number };

/**
 * Authorizes a `$connect` (behaviour.md §2.1–§2.3, §13): a Lambda REQUEST authorizer — a missing identity source
 * is 401 without invoking; the function gets the `$connect` authorizer event (`methodArn` ending in `/$connect`);
 * `Unauthorized` → 401; a deny → 403; errors, timeouts and malformed results → 500 — or `AWS_IAM` (the upgrade
 * request's SigV4 signature and the caller's policy, with the REST engine). An allowed connection carries the
 * authorizer's `principalId` and context (`conn.authorizer`), its `usageIdentifierKey`, or the IAM caller.
 */
export async function authorizeConnect(
  deps: WebSocketDeps,
  auth: WebSocketAuth,
  conn: Connection,
  stamp: EventStamp,
): Promise<ConnectAuthorization> {
  const { config } = deps;
  const started = config.clock.now();
  const methodArn = webSocketConnectArn(config.region, config.accountId, config.apiId, config.stageName);
  const refuse = (failure: AuthFailure, reason: string, message?: string): ConnectAuthorization => {
    const latencyMs = config.clock.now() - started;
    return message === undefined
      ? { ok: false, failure, reason, latencyMs }
      : { ok: false, failure, reason, message, latencyMs };
  };
  const { handshake } = conn;
  if (auth.type === 'AWS_IAM') {
    const iam = await loadEngine(auth.state, 'iam');
    const request = {
      method: 'GET',
      host: handshake.domainName,
      pathname: handshake.path,
      query: handshake.query,
      headers: handshake.headers,
      body: null,
    };
    const facts = { request, startedAt: stamp.time, sourceIp: handshake.sourceIp };
    const outcome = await iam.authenticateIam(facts, config, auth.state, methodArn, '1.0');
    if (outcome.kind === 'rejected') return refuse(outcome.failure, outcome.reason, outcome.message);
    const caller = outcome.caller!;
    if (outcome.identityDecision !== 'allow') {
      const explicit = outcome.identityDecision === 'explicit-deny';
      return refuse(
        'ACCESS_DENIED',
        `${caller.arn}: ${explicit ? "the caller's IAM policy explicitly denies" : 'no IAM policy of the caller allows'} ${methodArn}`,
        invokeDenyMessage(caller.arn, methodArn, explicit, 'identity', auth.state.wording),
      );
    }
    conn.caller = outcome.authorization.identity;
    return { ok: true, latencyMs: config.clock.now() - started };
  }
  const authorizer = auth.authorizer!;
  const identity = readIdentity(
    authorizer.identity,
    {
      headers: handshake.headers,
      query: handshake.query,
      stageVariables: config.stageVariables,
      context: (name) => {
        const value = webSocketContextValue(name, deps, conn, 'CONNECT', '$connect', stamp);
        return value === undefined || value === null ? undefined : String(value);
      },
    },
    'WEBSOCKET',
  );
  const outcome = await runLambdaAuthorizer(
    authorizer,
    {
      identity,
      methodArn,
      requestId: stamp.requestId,
      event: () => webSocketAuthorizerEventFromConnect(connectEvent(config, conn, stamp), methodArn),
    },
    {
      clock: config.clock,
      ids: config.ids,
      region: config.region,
      accountId: config.accountId,
      cache: auth.state.cache,
      logStreamName: deps.logStreamName,
      log: undefined,
    },
  );
  if (outcome.kind === 'unauthorized') return refuse('UNAUTHORIZED', outcome.reason);
  if (outcome.kind === 'error') return refuse('AUTHORIZER_CONFIGURATION_ERROR', outcome.reason);
  const { verdict } = outcome;
  if (outcome.kind === 'deny') {
    return refuse(
      'ACCESS_DENIED',
      `the authorizer policy ${outcome.explicit ? 'explicitly denies' : 'does not allow'} ${methodArn}`,
      authorizerDenyMessage(outcome.explicit, auth.state.wording),
    );
  }
  const authorization = lambdaAuthorization(verdict, outcome.latencyMs, '1.0');
  conn.authorizer = authorization.authorizer;
  conn.usageIdentifierKey = authorization.usageIdentifierKey;
  return { ok: true, latencyMs: config.clock.now() - started };
}
