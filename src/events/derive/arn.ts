/**
 * The ARN of an API method as an authorizer sees it:
 * `arn:aws:execute-api:{region}:{accountId}:{apiId}/{stage}/{VERB}/{path without leading slash}`; the root
 * path gives a trailing `/` (behaviour.md §2.1).
 *
 * @example
 * ```ts
 * executeApiArn('us-east-1', '123456789012', 'abcd1234ef', 'dev', 'GET', '/pets/7');
 * // 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets/7'
 * ```
 */
export function executeApiArn(
  region: string,
  accountId: string,
  apiId: string,
  stage: string,
  method: string,
  path: string,
): string {
  let start = 0;
  while (start < path.length && path.charCodeAt(start) === 47) start++;
  return `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/${method}/${path.slice(start)}`;
}
