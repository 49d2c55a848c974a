/** `arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations` (and streaming). */
const INVOCATION_URI =
  /^arn:aws[a-z-]*:apigateway:[^:]*:lambda:path\/[0-9-]+\/functions\/(.+?)\/(?:invocations|response-streaming-invocations)$/;
/** `arn:aws:lambda:{region}:{account}:function:{name}[:{alias or version}]`. */
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:([^:]*):([^:]*):function:([^:/]+)(?::([^:/]+))?$/;
const STAGE_VARIABLE = /\$\{stageVariables\.([A-Za-z0-9_]+)\}/g;

/** A Lambda function ARN split into its parts. */
export interface FunctionArn {
  arn: string;
  region: string;
  accountId: string;
  name: string;
  /** Alias or version (`live`, `3`); `undefined` for an unqualified ARN. */
  qualifier: string | undefined;
}

/**
 * The function ARN inside a Lambda `uri`: an API Gateway invocation URI (`…:lambda:path/…/functions/{arn}/invocations`),
 * or — where `bareArn` is allowed (HTTP API integrations, authorizers) — the function ARN itself. `undefined` when the
 * text is neither. Placeholders are left as they are.
 */
export function functionArnText(uri: string, bareArn: boolean): string | undefined {
  const invocation = INVOCATION_URI.exec(uri);
  if (invocation) return invocation[1]!;
  return bareArn && uri.startsWith('arn:') && uri.includes(':lambda:') ? uri : undefined;
}

/** Splits a function ARN; `undefined` when it is not one. */
export function parseFunctionArn(arn: string): FunctionArn | undefined {
  const match = FUNCTION_ARN.exec(arn);
  if (!match) return undefined;
  return { arn, region: match[1]!, accountId: match[2]!, name: match[3]!, qualifier: match[4] };
}

/** True when `uri` is an API Gateway Lambda invocation URI. */
export function isLambdaInvocationUri(uri: unknown): boolean {
  return typeof uri === 'string' && INVOCATION_URI.test(uri);
}

/** True when `text` holds a `${stageVariables.name}` placeholder. */
export function hasStageVariable(text: string): boolean {
  return text.includes('${stageVariables.');
}

/**
 * Replaces every `${stageVariables.name}` in `text` (behaviour.md §8.2); returns the name of the first variable the
 * stage does not define instead when one is missing.
 */
export function substituteStageVariables(
  text: string,
  variables: Readonly<Record<string, string>> | null,
): { text: string } | { missing: string } {
  let missing: string | undefined;
  const out = text.replace(STAGE_VARIABLE, (_, name: string) => {
    const value = variables?.[name];
    if (value === undefined) missing ??= name;
    return value ?? '';
  });
  return missing === undefined ? { text: out } : { missing };
}

/** `text` with every stage-variable placeholder replaced by `value` (to check the shape of a templated URI). */
export function withPlaceholders(text: string, value: string): string {
  return text.replace(STAGE_VARIABLE, value);
}

/** The function name a route's handler reports when nothing names it (`rest-GET-pets-id`). */
export function defaultFunctionName(apiType: 'REST' | 'HTTP', routeKey: string): string {
  return `${apiType === 'REST' ? 'rest' : 'http'}-${routeKey.replace(/[^A-Za-z0-9]+/g, '-')}`
    .replace(/-+$/, '')
    .slice(0, 64);
}
