import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { InvalidInputError } from '../errors/families.js';
import {
  type GatewayEventInput,
  gatewayOptionsV1,
  gatewayOptionsV2,
} from '../events/derive/gateway-event-input.js';
import { gatewayProxyEventV1 } from '../events/derive/gateway-event-v1.js';
import { gatewayProxyEventV2 } from '../events/derive/gateway-event-v2.js';
import { buildProxyEventV1, type ProxyEventV1Options } from '../events/proxy-event-v1.js';
import { buildProxyEventV2, type ProxyEventV2Options } from '../events/proxy-event-v2.js';

export type { GatewayEventInput };

/**
 * Builds the Lambda proxy event for a request the gateway routed. The gateway's fast path
 * (`gatewayProxyEventV1` / `gatewayProxyEventV2`) builds it in one pass from inputs the gateway already
 * validated; it gives exactly the event `buildProxyEventV1` / `buildProxyEventV2` give for the same request
 * (a property test pins this), and hands anything unusual to those builders, so a unit test's built event
 * and the simulator's event agree, errors included.
 */
export function gatewayRequestToEvent(
  input: GatewayEventInput,
): APIGatewayProxyEvent | APIGatewayProxyEventV2 {
  if (input.payloadFormat === '2.0') {
    return gatewayProxyEventV2(input) ?? buildProxyEventV2(gatewayOptionsV2(input));
  }
  return gatewayProxyEventV1(input) ?? buildProxyEventV1(gatewayOptionsV1(input));
}

/** Options of {@link requestToEvent}: event fields a `Request` does not carry. */
export type RequestToEventOptions =
  | ({ payloadFormat?: '1.0' } & Omit<ProxyEventV1Options, 'method' | 'path' | 'headers' | 'body' | 'query'>)
  | ({ payloadFormat: '2.0' } & Omit<ProxyEventV2Options, 'method' | 'path' | 'headers' | 'body' | 'query'>);

/**
 * Converts a fetch `Request` into the Lambda proxy event API Gateway would send for it. The URL's path is
 * the path after the stage; its host becomes `requestContext.domainName` unless `domainName` is given.
 * Header names arrive lowercased (a `Request` does not keep casing).
 *
 * @example
 * ```ts
 * const event = await requestToEvent(new Request('https://api.test/pets/7'), { resource: '/pets/{id}' });
 * event.pathParameters; // { id: '7' }
 * ```
 */
export async function requestToEvent(
  request: Request,
  options: RequestToEventOptions = {},
): Promise<APIGatewayProxyEvent | APIGatewayProxyEventV2> {
  if (!(request instanceof Request)) {
    throw new InvalidInputError(
      'HTTP_NOT_A_REQUEST',
      'requestToEvent: the first argument is not a fetch Request',
      'Pass new Request(url, init), or use buildProxyEventV1 with plain options.',
    );
  }
  const url = new URL(request.url);
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => {
    headers.push([name, value]);
  });
  const bytes = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
  const { payloadFormat, ...rest } = options;
  const base = {
    domainName: url.host,
    ...rest,
    method: request.method,
    path: `${url.pathname}${url.search}`,
    headers,
  };
  const withBody = bytes && bytes.byteLength > 0 ? { ...base, body: bytes } : base;
  return payloadFormat === '2.0'
    ? buildProxyEventV2(withBody as ProxyEventV2Options)
    : buildProxyEventV1(withBody as ProxyEventV1Options);
}
