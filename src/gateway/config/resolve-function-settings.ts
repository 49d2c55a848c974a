import { GatewayConfigError } from '../../errors/families.js';

/** Lambda's own limit on a function's timeout: 900 s. */
export const MAX_FUNCTION_TIMEOUT_MS = 900_000;

/** Validates a Lambda function timeout (1 ms … 900 000 ms). */
export function resolveFunctionTimeout(where: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_FUNCTION_TIMEOUT_MS) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_FUNCTION_TIMEOUT',
      `${where}: must be an integer number of milliseconds from 1 to ${MAX_FUNCTION_TIMEOUT_MS}, got ${String(value)}`,
      "Use the function's configured timeout, e.g. 3000 (Lambda's default) or up to 900000.",
      { value },
    );
  }
  return value;
}

const QUALIFIER = /^(\$LATEST|[0-9]+|[A-Za-z0-9_-]{1,128})$/;

/** `qualifier` is an alias (`live`) or version (`3`); `functionVersion` defaults to a numeric qualifier. */
export function resolveQualifier(
  where: string,
  qualifier: unknown,
  version: unknown,
): { qualifier: string | undefined; functionVersion: string } {
  for (const [name, value] of [
    ['qualifier', qualifier],
    ['functionVersion', version],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || !QUALIFIER.test(value))) {
      throw new GatewayConfigError(
        'GATEWAY_INVALID_OPTION',
        `${where}.${name}: ${JSON.stringify(value)} is not a Lambda alias or version`,
        'Use a version number (3), $LATEST, or an alias name of letters, digits, "-" and "_".',
      );
    }
  }
  const q = qualifier as string | undefined;
  return {
    qualifier: q,
    functionVersion:
      (version as string | undefined) ?? (q !== undefined && /^[0-9]+$/.test(q) ? q : '$LATEST'),
  };
}

/** A name that must be a non-empty string (`GATEWAY_INVALID_OPTION` otherwise). */
export function nonEmptyString(where: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      `${where}: must be a non-empty string`,
      'Pass a name.',
    );
  }
  return value;
}

/** A whole number ≥ 1 (`GATEWAY_INVALID_OPTION` otherwise). */
export function positiveInteger(where: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      `${where}: must be a positive integer, got ${String(value)}`,
      'Pass e.g. 128.',
    );
  }
  return value;
}
