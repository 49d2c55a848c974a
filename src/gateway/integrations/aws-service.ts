import { Buffer } from 'node:buffer';
import type { ResolvedAwsServiceIntegration } from '../config/resolve-non-proxy.js';
import type { PipelineContext, StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { callService } from './aws/call-service.js';
import { jsonProtocolOf, serviceHost } from './aws/service-uri.js';
import type { AwsServiceCall } from './aws/types.js';
import { payloadText } from './mapping/content-handling.js';
import { setPair } from './mapping/integration-request.js';
import { prepareIntegrationRequest } from './mapping/prepare-request.js';
import { renderUri } from './outbound-fetch.js';
import { completeByStatus } from './send-to-endpoint.js';

// Signing names that differ from the URI's service name.
const SIGNING_NAMES: Readonly<Record<string, string>> = { states: 'states', events: 'events' };

/**
 * `AWS` service integration (behaviour.md §4, §8.2): renders the call exactly as API Gateway sends it — an action URI
 * is `POST /?Action=<Action>` (JSON-protocol services — DynamoDB, Kinesis, Step Functions, SSM — also get
 * `X-Amz-Target: <prefix>.<Action>` and their JSON content type), a path URI is `<httpMethod> /<path>` with `{name}`
 * from `integration.request.path.<name>`; mapped headers and query parameters, the template's body, the
 * `credentials` role — then hands it to the `services` responder or sends it, signed, to `awsEndpoint`. The
 * service's status (as text) selects the integration response (S3's 404 maps onto a lone default 200, recorded).
 */
export async function runAwsService(
  ctx: PipelineContext,
  deps: PipelineDeps,
  integration: ResolvedAwsServiceIntegration,
): Promise<StageResult> {
  const { config } = deps;
  const prepared = prepareIntegrationRequest(ctx, deps, integration);
  if ('failure' in prepared) return prepared;
  const { parts, contentType } = prepared;
  const uri = integration.parsed;
  const region = renderUri(uri.region, {}, config.stageVariables);
  const host = serviceHost(uri.service, region, uri.subdomain);
  const headers: [string, string][] = [];
  const query: [string, string][] = [];
  let path = '/';
  const protocol = uri.action ? jsonProtocolOf(uri.service) : undefined;
  if (uri.action) {
    query.push(['Action', uri.action], ...uri.actionParameters.map(([k, v]) => [k, v] as [string, string]));
    if (protocol) {
      headers.push(
        ['Content-Type', protocol.contentType],
        ['X-Amz-Target', `${protocol.targetPrefix}.${uri.action}`],
      );
    }
  } else {
    path = `/${renderUri(uri.path!, parts.path, config.stageVariables)}`;
  }
  if (!protocol && contentType !== null) headers.push(['Content-Type', contentType]);
  for (const [name, value] of parts.headers) setPair(headers, name, value, true);
  for (const [name, value] of parts.querystring) setPair(query, name, value, false);
  headers.push(['Host', host]);
  const search = query.length === 0 ? '' : `?${new URLSearchParams(query).toString()}`;
  const bodyBytes =
    typeof parts.body === 'string' ? new Uint8Array(Buffer.from(parts.body, 'utf8')) : parts.body;
  const method = integration.httpMethod === 'ANY' ? ctx.method : integration.httpMethod;
  const call: AwsServiceCall = {
    service: uri.service,
    action: uri.action,
    region,
    method,
    url: `https://${host}${path}${search}`,
    path,
    query,
    headers: Object.fromEntries(headers),
    body: payloadText(parts.body),
    bodyBytes,
    credentials:
      integration.credentials === undefined
        ? undefined
        : renderUri(integration.credentials, {}, config.stageVariables),
    json() {
      return JSON.parse(payloadText(parts.body));
    },
  };
  if (ctx.detailed) ctx.trace.serviceCall = { ...call, headers: { ...call.headers } };
  const endpoint = await callService(
    ctx,
    deps,
    integration.backend,
    call,
    integration.timeoutMs,
    SIGNING_NAMES[uri.service] ?? uri.service,
  );
  return completeByStatus(ctx, deps, integration.integrationResponses, endpoint, prepared);
}
