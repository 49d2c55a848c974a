/**
 * Which wording AWS's access-denied messages use. `current` (the default) is what recent captures show: the
 * IAM-style suffixes `… with an explicit deny in an identity-based policy` and `… because no identity-based
 * policy allows the execute-api:Invoke action`. `legacy` is the older wording of behaviour.md §2.3 and §18.4,
 * still seen on long-lived APIs.
 */
export type AccessDeniedWording = 'current' | 'legacy';

/** The message of a Lambda authorizer's (or cached policy's) denial (behaviour.md §2.3). */
export function authorizerDenyMessage(explicit: boolean, wording: AccessDeniedWording): string {
  const base = 'User is not authorized to access this resource';
  if (wording === 'legacy') return explicit ? `${base} with an explicit deny` : base;
  return explicit
    ? `${base} with an explicit deny in an identity-based policy`
    : `${base} because no identity-based policy allows the execute-api:Invoke action`;
}

/**
 * The message of an IAM-style denial naming the caller and the resource (behaviour.md §18.3, §18.4):
 * `User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:…:********9012:…`. The
 * account id in the resource ARN is masked to its last four digits, as AWS prints it. The explicit-deny form
 * of the current wording (`… with an explicit deny in a resource-based policy`) is UNCONFIRMED for
 * resource policies; its implicit form is recorded.
 */
export function invokeDenyMessage(
  caller: string,
  resourceArn: string,
  explicit: boolean,
  policy: 'identity' | 'resource',
  wording: AccessDeniedWording,
): string {
  const base = `User: ${caller} is not authorized to perform: execute-api:Invoke on resource: ${maskAccount(resourceArn)}`;
  if (wording === 'legacy') return explicit ? `${base} with an explicit deny` : base;
  const article = policy === 'identity' ? 'an identity-based' : 'a resource-based';
  return explicit
    ? `${base} with an explicit deny in ${article} policy`
    : `${base} because no ${policy}-based policy allows the execute-api:Invoke action`;
}

/** `arn:aws:execute-api:us-east-1:123456789012:…` → `arn:aws:execute-api:us-east-1:********9012:…`. */
export function maskAccount(arn: string): string {
  const parts = arn.split(':');
  const account = parts[4];
  if (account === undefined || !/^\d{12}$/.test(account)) return arn;
  parts[4] = `********${account.slice(8)}`;
  return parts.join(':');
}
