import type {
  ProxyResultIssue,
  ProxyResultIssueCode,
  ProxyResultWarning,
  ProxyResultWarningCode,
} from './types.js';

/** Collects issues and warnings while a result is checked. */
export interface Findings {
  issues: ProxyResultIssue[];
  warnings: ProxyResultWarning[];
  /** What the client gets when the result is rejected, appended to every issue message. */
  failure: string;
}

/** Records a problem that makes API Gateway reject the result. */
export function fail(findings: Findings, path: string, code: ProxyResultIssueCode, problem: string): void {
  findings.issues.push({ path, code, message: `${problem}; ${findings.failure}` });
}

/** Records an accepted-but-suspicious observation. */
export function warn(findings: Findings, path: string, code: ProxyResultWarningCode, message: string): void {
  findings.warnings.push({ path, code, message });
}
