import { assertKnownOptions, InvalidInputError } from '../errors/families.js';
import { formatText, formatValue } from '../errors/format-value.js';
import { restDecodesBase64 } from './binary-media.js';
import { failurePhrase, proxyFailureResponse } from './error-responses.js';
import type { Findings } from './findings.js';
import { plainV1Response } from './plain-v1-result.js';
import type {
  ApiType,
  ClientResponse,
  PayloadFormat,
  ProxyResultReport,
  ValidateProxyResultOptions,
} from './types.js';
import { validateV1 } from './validate-v1.js';
import { validateV2 } from './validate-v2.js';
import { toWireValue, type WireValue } from './wire-value.js';

const KNOWN_OPTIONS = ['payloadFormat', 'apiType', 'request', 'starStarBinaryMediaType', 'v2NullResult'];
const KNOWN_REQUEST = ['accept', 'binaryMediaTypes'];
// Statuses a response cannot carry a body with (fetch refuses one; HTTP clients never read it).
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Tells whether API Gateway accepts a Lambda proxy result and what the client would receive.
 * Never throws for a bad result (only for bad options): the problems are in `issues`, each with a JSON path,
 * a stable code and what AWS does; `response` is the client's view (the AWS error response when not `ok`).
 *
 * @example
 * ```ts
 * import { validateProxyResult } from 'apigw-testkit/response';
 * const report = validateProxyResult({ statusCode: 200, body: { ok: true } });
 * report.ok;                // false
 * report.issues[0]?.code;   // 'BODY_NOT_STRING'
 * report.response.statusCode; // 502
 * ```
 */
export function validateProxyResult(
  result: unknown,
  options: ValidateProxyResultOptions = {},
): ProxyResultReport {
  return validateProxyResultWith(result, options, toWireValue);
}

/**
 * {@link validateProxyResult} with the JSON serialisation step given: tests compare the direct copy of
 * JSON-safe results (`toWireValue`) against the runtime's round trip (`toWireValueByRoundTrip`). Internal:
 * not exported from the package.
 */
export function validateProxyResultWith(
  result: unknown,
  options: ValidateProxyResultOptions,
  toWire: (result: unknown) => WireValue,
): ProxyResultReport {
  const { payloadFormat, apiType } = resolveFormat(options);
  return checkProxyResult(result, payloadFormat, apiType, options, toWire);
}

/**
 * {@link validateProxyResult} for options already known to be valid, with the payload format and API type
 * resolved: the gateway's hot path, which builds its options itself, skips their checks. Internal: not exported
 * from the package.
 */
export function checkProxyResult(
  result: unknown,
  payloadFormat: PayloadFormat,
  apiType: ApiType,
  options: ValidateProxyResultOptions,
  toWire: (result: unknown) => WireValue = toWireValue,
): ProxyResultReport {
  if (isThenable(result)) {
    throw new InvalidInputError(
      'RESULT_IS_PROMISE',
      'validateProxyResult: the result is a Promise',
      'Await the handler first: validateProxyResult(await handler(event, context)).',
    );
  }
  const wire = toWire(result);
  if (wire.ok && payloadFormat === '1.0') {
    const plain = plainV1Response(wire.value, apiType === 'REST');
    if (plain !== undefined) {
      return { ok: true, payloadFormat, apiType, issues: [], warnings: [], response: plain, inferred: false };
    }
  }
  return reportFromWire(result, wire, payloadFormat, apiType, options);
}

/**
 * The report for a result already through JSON serialisation (`wire`), by the full checks. Internal: tests compare
 * it with the plain-result fast path.
 */
export function reportFromWire(
  result: unknown,
  wire: WireValue,
  payloadFormat: PayloadFormat,
  apiType: ApiType,
  options: ValidateProxyResultOptions,
): ProxyResultReport {
  const findings: Findings = { issues: [], warnings: [], failure: failurePhrase(apiType) };
  let mapped: ClientResponse | undefined;
  let inferred = false;
  if (!wire.ok) {
    findings.issues.push({
      path: '$',
      code: 'RESULT_NOT_SERIALIZABLE',
      message: `the Lambda runtime cannot serialise the result to JSON (${wire.reason}), so the invocation fails; ${findings.failure}`,
    });
  } else if (payloadFormat === '2.0') {
    const v2 = validateV2(wire.value, result, findings, options.v2NullResult ?? 'null-body');
    mapped = v2.response;
    inferred = v2.inferred;
  } else {
    const request = options.request ?? {};
    const decodes =
      apiType === 'HTTP' ||
      restDecodesBase64(
        request.accept,
        request.binaryMediaTypes,
        options.starStarBinaryMediaType ?? 'matches-all',
      );
    mapped = validateV1(wire.value, result, findings, decodes, apiType === 'REST');
  }
  const accepted = findings.issues.length === 0 ? mapped : undefined;
  if (accepted && NULL_BODY_STATUSES.has(accepted.statusCode) && accepted.body !== '') {
    findings.warnings.push({
      path: '$.body',
      code: 'BODY_DROPPED_FOR_STATUS',
      message: `a ${accepted.statusCode} response has no body; the client never sees the returned body`,
    });
  }
  return {
    ok: accepted !== undefined,
    payloadFormat,
    apiType,
    issues: findings.issues,
    warnings: findings.warnings,
    response: accepted ?? proxyFailureResponse(apiType),
    inferred,
  };
}

function resolveFormat(options: ValidateProxyResultOptions): {
  payloadFormat: PayloadFormat;
  apiType: ApiType;
} {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidInputError(
      'INVALID_OPTION_VALUE',
      `validateProxyResult: options must be an object, got ${formatText(options)}`,
      'Pass { payloadFormat, apiType, request } or nothing.',
    );
  }
  assertKnownOptions('validateProxyResult', options, KNOWN_OPTIONS);
  if (options.request !== undefined)
    assertKnownOptions('validateProxyResult request', options.request, KNOWN_REQUEST);
  const payloadFormat = options.payloadFormat ?? '1.0';
  if (payloadFormat !== '1.0' && payloadFormat !== '2.0') {
    throw invalid(
      'payloadFormat',
      payloadFormat,
      "Use '1.0' (REST APIs, HTTP APIs on 1.0) or '2.0' (HTTP APIs).",
    );
  }
  const apiType = options.apiType ?? (payloadFormat === '2.0' ? 'HTTP' : 'REST');
  if (apiType !== 'REST' && apiType !== 'HTTP') throw invalid('apiType', apiType, "Use 'REST' or 'HTTP'.");
  if (apiType === 'REST' && payloadFormat === '2.0') {
    throw invalid(
      'payloadFormat',
      payloadFormat,
      "REST APIs only send payload format '1.0'; use apiType 'HTTP'.",
    );
  }
  const starStar = options.starStarBinaryMediaType;
  if (starStar !== undefined && starStar !== 'matches-all' && starStar !== 'ignored') {
    throw invalid('starStarBinaryMediaType', starStar, "Use 'matches-all' or 'ignored'.");
  }
  const nullResult = options.v2NullResult;
  if (nullResult !== undefined && nullResult !== 'null-body' && nullResult !== 'error') {
    throw invalid('v2NullResult', nullResult, "Use 'null-body' or 'error'.");
  }
  return { payloadFormat, apiType };
}

function invalid(option: string, value: unknown, hint: string): InvalidInputError {
  return new InvalidInputError(
    'INVALID_OPTION_VALUE',
    `validateProxyResult: option ${option} is ${formatValue(value)}`,
    hint,
    { option, value },
  );
}

function isThenable(value: unknown): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  try {
    return typeof (value as { then?: unknown }).then === 'function';
  } catch {
    // A `then` getter or proxy trap that throws: not a promise; serialising it fails and is reported.
    return false;
  }
}
