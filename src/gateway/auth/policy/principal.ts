import { PolicyDocumentError } from './policy-error.js';

/** Who is calling: an IAM principal (SigV4 callers) or `undefined` for an anonymous caller. */
export interface PolicyCaller {
  /** `arn:aws:iam::123456789012:user/alice` or `arn:aws:sts::123456789012:assumed-role/Role/session`. */
  arn: string;
  accountId: string;
}

/** A compiled `Principal` / `NotPrincipal`. */
export type PrincipalTest = (caller: PolicyCaller | undefined) => boolean;

const ACCOUNT = /^\d{12}$/;
const ROOT = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;
const ROLE = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const SESSION = /^arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/([^/]+)\//;

/**
 * Compiles a resource policy's `Principal` (or `NotPrincipal`, negated): `"*"` and `{"AWS": "*"}` match
 * everyone, anonymous callers included; an account id or `arn:aws:iam::{account}:root` matches every IAM
 * principal of that account; a role ARN matches its assumed-role sessions; other ARNs match exactly.
 * `Service`, `Federated` and `CanonicalUser` principals never match a caller of an API.
 */
export function compilePrincipal(value: unknown, path: string, negate: boolean): PrincipalTest {
  let test: PrincipalTest;
  if (value === '*') {
    test = () => true;
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const tests: PrincipalTest[] = [];
    for (const [kind, raw] of Object.entries(value)) {
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.length === 0 || list.some((v) => typeof v !== 'string' || v === '')) {
        throw new PolicyDocumentError(`${path}.${kind}`, 'give a string or an array of strings');
      }
      if (kind === 'AWS') tests.push(...(list as string[]).map((v) => awsPrincipal(v, `${path}.AWS`)));
      else if (!['Service', 'Federated', 'CanonicalUser'].includes(kind)) {
        throw new PolicyDocumentError(
          `${path}.${kind}`,
          'unknown principal type; use AWS, Service, Federated or CanonicalUser',
        );
      }
    }
    test = (caller) => tests.some((t) => t(caller));
  } else {
    throw new PolicyDocumentError(
      path,
      `${JSON.stringify(value)}; write "*" or {"AWS": "<account id or ARN>"}`,
    );
  }
  return negate ? (caller) => !test(caller) : test;
}

function awsPrincipal(value: string, path: string): PrincipalTest {
  if (value === '*') return () => true;
  const account = ACCOUNT.test(value) ? value : ROOT.exec(value)?.[1];
  if (account !== undefined) return (caller) => caller?.accountId === account;
  const role = ROLE.exec(value);
  if (role) {
    const [, roleAccount, name] = role;
    return (caller) => {
      if (caller === undefined) return false;
      if (caller.arn === value) return true;
      const session = SESSION.exec(caller.arn);
      return session !== null && session[1] === roleAccount && session[2] === name;
    };
  }
  if (!value.startsWith('arn:')) {
    throw new PolicyDocumentError(
      path,
      `${JSON.stringify(value)} is not a valid principal; use an account id or an ARN`,
    );
  }
  return (caller) => caller?.arn === value;
}
