import { GatewayConfigError } from '../../errors/families.js';
import { javaRegex } from '../../vtl/java/regex.js';

/**
 * Compiles an `identityValidationExpression`: AWS matches the whole value (Java `matches()`), in Java regex
 * syntax. An empty or invalid regex is a `GATEWAY_INVALID_AUTHORIZER` naming the authorizer.
 */
export function identityValidation(where: string, expression: unknown): (value: string) => boolean {
  if (typeof expression !== 'string' || expression === '')
    throw invalidAuthorizer(
      where,
      'identityValidationExpression must be a non-empty regex',
      'Give a regex such as ^Bearer [-0-9a-zA-Z._]+$.',
    );
  try {
    // AWS matches the whole value (Java `matches()`), in Java regex syntax.
    const java = javaRegex(expression);
    const re = new RegExp(`^(?:${java.source})$`, java.flags);
    return (value) => re.test(value);
  } catch (error) {
    throw invalidAuthorizer(
      where,
      `identityValidationExpression ${JSON.stringify(expression)} is not a valid regex: ${(error as Error).message}`,
      'Fix the regex.',
    );
  }
}

/** A `GATEWAY_INVALID_AUTHORIZER` error: where, what is wrong, how to fix it. */
export function invalidAuthorizer(where: string, what: string, fix: string): GatewayConfigError {
  return new GatewayConfigError('GATEWAY_INVALID_AUTHORIZER', `${where}: ${what}`, fix);
}
