/**
 * Recorded AWS gateway cases (test/fixtures/conformance/gateway-sample*.json) that no test runs yet, with the
 * capability they wait for. A case leaves this list in the same commit that adds the test running it (the
 * test must name the case id). The list is empty when every recorded case runs.
 */
export const PENDING_CASES: Readonly<Record<string, string>> = {};
