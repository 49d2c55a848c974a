/**
 * An AWS service call exactly as API Gateway sends it (docs/integrations.md): what a `services` responder
 * receives.
 *
 * @example
 * ```ts
 * const responder: AwsServiceResponder = (call) => {
 *   call.headers['X-Amz-Target']; // 'DynamoDB_20120810.PutItem'
 *   return { statusCode: 200, body: {} };
 * };
 * ```
 */
export interface AwsServiceCall {
  /** Service of the URI (`dynamodb`, `sqs`, `s3`, …). */
  service: string;
  /** The action of an action URI (`PutItem`); `undefined` for path URIs. */
  action: string | undefined;
  region: string;
  method: string;
  /** `https://{service}.{region}.amazonaws.com/{path}?{query}` as AWS addresses it. */
  url: string;
  /** Path of the URL (`/` for actions; `/{bucket}/{key}` for an S3 path URI). */
  path: string;
  /** Query parameters in order (action URIs carry `Action=<name>`). */
  query: readonly (readonly [string, string])[];
  /** Request headers (mapped ones, `Content-Type`, `X-Amz-Target` for JSON-protocol actions, `Host`). */
  headers: Readonly<Record<string, string>>;
  /** The body as text (binary bodies: their UTF-8 reading; see `bodyBytes`). */
  body: string;
  /** The body's bytes. */
  bodyBytes: Uint8Array;
  /** The role of the integration's `credentials`, if any. */
  credentials: string | undefined;
  /** The body parsed as JSON (throws when it is not JSON). */
  json(): unknown;
}

/**
 * What a responder answers, as the service would: status, headers, body (an object is sent as JSON).
 *
 * @example
 * ```ts
 * const answer: AwsServiceResponse = { statusCode: 200, headers: { 'Content-Type': 'application/x-amz-json-1.0' }, body: { Count: 0, Items: [] } };
 * ```
 */
export interface AwsServiceResponse {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array | object;
}

/**
 * A responder for AWS service calls.
 *
 * @example
 * ```ts
 * const sqs: AwsServiceResponder = async (call) => ({ statusCode: 200, body: '<SendMessageResponse/>' });
 * ```
 */
export type AwsServiceResponder = (call: AwsServiceCall) => AwsServiceResponse | Promise<AwsServiceResponse>;

/**
 * Responders by service, each a function or an object of functions by action:
 * `{ sqs: (call) => …, dynamodb: { PutItem: (call) => …, Query: (call) => … } }`.
 *
 * @example
 * ```ts
 * const services: AwsServiceResponders = { dynamodb: { PutItem: () => ({ statusCode: 200, body: {} }) } };
 * ```
 */
export type AwsServiceResponders = Record<string, AwsServiceResponder | Record<string, AwsServiceResponder>>;

/**
 * Credentials the gateway signs calls to an AWS-compatible endpoint with (SigV4). Default: the test pair
 * `test`/`test`, which dynalite, s3rver and LocalStack accept.
 *
 * @example
 * ```ts
 * const credentials: AwsCredentials = { accessKeyId: 'AKIA…', secretAccessKey: '…' };
 * ```
 */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}
