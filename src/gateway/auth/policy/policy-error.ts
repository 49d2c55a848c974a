/** A policy that is not valid IAM JSON; `path` names the offending part (`$.Statement[0].Effect`). */
export class PolicyDocumentError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}
