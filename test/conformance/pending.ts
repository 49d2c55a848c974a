/**
 * Recorded AWS gateway cases (test/fixtures/conformance/gateway-sample*.json) that no test runs yet, with the
 * capability they wait for. A case leaves this list in the same commit that adds the test running it (the
 * test must name the case id). The list is empty when every recorded case runs.
 */
export const PENDING_CASES: Readonly<Record<string, string>> = {
  // gateway-sample.json — listed in test/gateway/conformance.test.ts OUT_OF_SCOPE as well
  'rest-lambda-custom-response-template-status-override': 'issue 7: Lambda custom integration',
  'rest-validation-missing-header-400': 'issue 7: request validation',
  'rest-validation-valid-request-passes': 'issue 7: request validation',
  'rest-authorizer-error-500-null-message': 'issue 8: Lambda authorizers',
  // gateway-sample-2.json
  'rest-apikey-authorizer-source-unknown-key-403': 'issue 8: apiKeySource AUTHORIZER',
  'rest-binary-request-convert-to-binary-decodes-text': 'issue 7: AWS service integration, contentHandling',
  'rest-binary-request-convert-to-binary-template-match-500': 'issue 7: contentHandling',
  'rest-binary-request-matching-media-type-passthrough': 'issue 7: binary passthrough to an AWS service',
  'rest-gwresp-bad-request-body-validation-error-string': 'issue 7: gateway responses, validation',
  'rest-http-nonproxy-backend-sees-only-gateway-headers': 'issue 7: HTTP integration',
  'rest-http-nonproxy-status-selection-pattern-4xx': 'issue 7: HTTP integration',
  'rest-respol-implicit-deny-current-wording': 'issue 8: resource policies',
  'rest-svc-dynamodb-query-no-match': 'issue 7: AWS service integration (DynamoDB)',
  'rest-svc-s3-missing-key-error-mapped-to-200': 'issue 7: AWS service integration (S3)',
  'rest-svc-sqs-empty-request-body-sends-braces': 'issue 7: AWS service integration (SQS)',
};
