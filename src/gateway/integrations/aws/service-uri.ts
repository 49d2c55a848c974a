import { GatewayConfigError } from '../../../errors/families.js';

/** An AWS service integration URI, parsed (behaviour.md §8.2; `arn:aws:apigateway:{region}:{service}:{action|path}/…`). */
export interface ServiceUri {
  region: string;
  /** Service name as written (`dynamodb`, `sqs`, `s3`, `states`, `events`, …), without a subdomain. */
  service: string;
  /** `bucket` of `bucket.s3`-style subdomains, if any. */
  subdomain: string | undefined;
  kind: 'action' | 'path';
  /** Action URIs: the action name (`PutItem`). */
  action: string | undefined;
  /** Action URIs: parameters after the action (`GetObject&Bucket=b` → `[['Bucket','b']]`). */
  actionParameters: readonly (readonly [string, string])[];
  /** Path URIs: the path after `path/`, with `{name}` placeholders. */
  path: string | undefined;
}

const URI =
  /^arn:aws:apigateway:([a-z0-9-]+|\$\{stageVariables\.[A-Za-z0-9_]+\}):([A-Za-z0-9.-]+):(action|path)\/(.+)$/;

/**
 * Parses an `AWS` integration URI; anything else is refused naming the route (AWS refuses it on PutIntegration).
 *
 * @example
 * ```ts
 * parseServiceUri('where', 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem').action; // 'PutItem'
 * ```
 */
export function parseServiceUri(where: string, uri: unknown): ServiceUri {
  const m = typeof uri === 'string' ? URI.exec(uri) : null;
  if (!m) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_INTEGRATION_URI',
      `${where}: uri ${JSON.stringify(uri)} is not an AWS service integration URI`,
      "Write 'arn:aws:apigateway:{region}:{service}:action/{Action}' or 'arn:aws:apigateway:{region}:{service}:path/{path}' (for a Lambda function, give handler instead).",
      { uri },
    );
  }
  const host = m[2]!;
  const dot = host.lastIndexOf('.');
  const service = dot === -1 ? host : host.slice(dot + 1);
  const subdomain = dot === -1 ? undefined : host.slice(0, dot);
  if (m[3] === 'path') {
    return {
      region: m[1]!,
      service,
      subdomain,
      kind: 'path',
      action: undefined,
      actionParameters: [],
      path: m[4]!,
    };
  }
  const [action, ...rest] = m[4]!.split('&');
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(action!)) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_INTEGRATION_URI',
      `${where}: ${JSON.stringify(action)} is not an action name in ${String(uri)}`,
      'Name the API action, e.g. action/SendMessage.',
      { uri },
    );
  }
  const actionParameters = rest.map((pair): [string, string] => {
    const eq = pair.indexOf('=');
    return eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
  });
  return { region: m[1]!, service, subdomain, kind: 'action', action, actionParameters, path: undefined };
}

/** How API Gateway addresses a service's JSON protocol on action URIs (the `X-Amz-Target` it adds). */
export interface JsonProtocol {
  targetPrefix: string;
  contentType: string;
}

// Services whose action calls API Gateway sends with X-Amz-Target (LocalStack's AWS-validated list: dynamodb,
// kinesis, ssm, Step Functions); their Content-Type is the service's JSON protocol version (UNCONFIRMED: AWS may
// forward the client's). EventBridge, SQS and SNS action calls carry no target: EventBridge needs the mapping to set
// it, SQS and SNS are Query-protocol calls with Action in the query string.
const JSON_PROTOCOLS: Readonly<Record<string, JsonProtocol>> = {
  dynamodb: { targetPrefix: 'DynamoDB_20120810', contentType: 'application/x-amz-json-1.0' },
  kinesis: { targetPrefix: 'Kinesis_20131202', contentType: 'application/x-amz-json-1.1' },
  states: { targetPrefix: 'AWSStepFunctions', contentType: 'application/x-amz-json-1.0' },
  ssm: { targetPrefix: 'AmazonSSM', contentType: 'application/x-amz-json-1.1' },
};

/** The JSON protocol API Gateway uses for a service's action calls, if any. */
export function jsonProtocolOf(service: string): JsonProtocol | undefined {
  return JSON_PROTOCOLS[service];
}

/** The service's regional host, `{service}.{region}.amazonaws.com` (a subdomain in front when the URI has one). */
export function serviceHost(service: string, region: string, subdomain: string | undefined): string {
  const base = `${service}.${region}.amazonaws.com`;
  return subdomain ? `${subdomain}.${base}` : base;
}
