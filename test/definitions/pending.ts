/**
 * Routes of the collected definitions that do not run, with the refusal (error code and option or integration type)
 * and why. test/definitions/fixtures.test.ts checks the list is exactly what createGateway refuses; every other route
 * of every collected definition answers a request there.
 */
export const PENDING_ROUTES: Readonly<Record<string, string>> = {
  // The template writes $input.params(\"data\") (escaped quotes outside a string literal), which our VTL parser
  // refuses when the gateway is created; what AWS does with it is unrecorded (LocalStack's suite imports the file but
  // never calls this route). Not simulated: a template AWS may only reject at request time.
  'ls-api-definition-yaml wait-for-seconds ANY /echo/{data}': 'GATEWAY_INVALID_TEMPLATE',
  // SAM's translator test gives `Cors: "origins"` unquoted, so the preflight maps Access-Control-Allow-Origin from
  // the expression `origins`, which AWS refuses on deployment ("Invalid mapping expression specified"), as we do.
  'sam-cors-preflight-auth ServerlessApi OPTIONS /': 'GATEWAY_INVALID_INTEGRATION',
  // HTTP API AWS service integrations (integrationSubtype: SQS-SendMessage, EventBridge-PutEvents,
  // Kinesis-PutRecord) are not simulated: refused by name.
  'sam-http-api-direct-integration MyHttpApi POST /sqs': 'GATEWAY_UNSUPPORTED_FEATURE integrationSubtype',
  'sam-http-api-direct-integration MyHttpApi POST /eb': 'GATEWAY_UNSUPPORTED_FEATURE integrationSubtype',
  'sam-http-api-direct-integration MyHttpApi POST /kinesis': 'GATEWAY_UNSUPPORTED_FEATURE integrationSubtype',
  'sam-http-api-sqs MyHttpApi POST /': 'GATEWAY_UNSUPPORTED_FEATURE integrationSubtype',
};
