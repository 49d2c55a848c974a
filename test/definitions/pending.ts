/**
 * Routes of the collected definitions that createGateway refuses today, with the refusal (error code and option or
 * integration type). Each waits for a feature of issue 7 (integrations, validation, gateway responses) or issue 8
 * (authorizers, IAM, CORS): when it lands, the route runs and must leave this list (test/definitions/fixtures.test.ts
 * checks the list is exactly what createGateway refuses).
 */
export const PENDING_ROUTES: Readonly<Record<string, string>> = {
  'cfn-rest-cors-resources ApiGatewayRestApi GET /helloworld': 'GATEWAY_UNSUPPORTED_INTEGRATION AWS',
  'cfn-rest-lambda-authorizer AppApi GET /': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  // The template writes $input.params(\"data\") (escaped quotes outside a string), which our VTL parser refuses;
  // whether AWS renders it is unrecorded (LocalStack's suite imports the file but never calls this route).
  'ls-api-definition-yaml wait-for-seconds ANY /echo/{data}': 'VTL_SYNTAX_ERROR',
  'ls-api-definition-yaml wait-for-seconds ANY /wait/{seconds}':
    'GATEWAY_UNSUPPORTED_FEATURE requestParameters',
  'ls-basepath-url test-import-oas GET /test': 'GATEWAY_UNSUPPORTED_FEATURE requestParameters',
  'ls-cognito-auth Example Pet Store GET /default-no-scope': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'ls-cognito-auth Example Pet Store GET /default-scope-override': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'ls-cognito-auth Example Pet Store GET /non-default-authorizer': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'ls-cognito-auth Example Pet Store GET /pets': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'ls-global-auth Test Global Authorizer GET /pets': 'GATEWAY_UNSUPPORTED_FEATURE apiKeySource',
  'ls-global-auth Test Global Authorizer ANY /echo/{data}': 'GATEWAY_UNSUPPORTED_FEATURE apiKeySource',
  'ls-http-method-integration test-http-method GET /': 'GATEWAY_UNSUPPORTED_FEATURE requestParameters',
  'ls-method-int-yaml test-import-oas-int GET /test': 'GATEWAY_UNSUPPORTED_FEATURE requestParameters',
  'ls-openapi-http-proxy Example Pet Store GET /pets': 'GATEWAY_UNSUPPORTED_INTEGRATION HTTP_PROXY',
  'ls-openapi-http-proxy Example Pet Store POST /pets': 'GATEWAY_UNSUPPORTED_INTEGRATION HTTP_PROXY',
  'ls-openapi-http-proxy Example Pet Store GET /pets/{petId}': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'ls-openapi-terraform local-api GET /': 'GATEWAY_UNSUPPORTED_FEATURE contentHandling',
  'ls-pets-swagger Simple PetStore (Swagger) GET /pets': 'GATEWAY_UNSUPPORTED_INTEGRATION HTTP',
  'ls-pets-swagger Simple PetStore (Swagger) GET /pets/{petId}':
    'GATEWAY_UNSUPPORTED_FEATURE requestParameters',
  'ls-pulumi-gateway-responses apiGateway OPTIONS /{proxy+}': 'GATEWAY_UNSUPPORTED_FEATURE gatewayResponses',
  'ls-pulumi-gateway-responses apiGateway GET /just_do_it': 'GATEWAY_UNSUPPORTED_FEATURE gatewayResponses',
  'ls-request-validators Circular model reference POST /person':
    'GATEWAY_UNSUPPORTED_FEATURE requestValidators',
  'ls-stage-variables example GET /path1': 'GATEWAY_UNSUPPORTED_INTEGRATION HTTP_PROXY',
  'ls-swagger-basepath Import swagger JSON GET /test': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'ls-swagger-basepath Import swagger JSON OPTIONS /test': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'sam-cors-preflight-auth ServerlessApi GET /': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'sam-cors-preflight-auth ServerlessApi POST /': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'sam-cors-preflight-auth ServerlessApi OPTIONS /': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'sam-http-api-direct-integration MyHttpApi POST /sqs': 'GATEWAY_UNSUPPORTED_FEATURE integrationSubtype',
  'sam-http-api-direct-integration MyHttpApi POST /eb': 'GATEWAY_UNSUPPORTED_FEATURE integrationSubtype',
  'sam-http-api-direct-integration MyHttpApi POST /kinesis': 'GATEWAY_UNSUPPORTED_FEATURE integrationSubtype',
  'sam-http-api-jwt HttpApi GET /': 'GATEWAY_UNSUPPORTED_FEATURE corsConfiguration',
  'sam-http-api-jwt HttpApi GET /admin': 'GATEWAY_UNSUPPORTED_FEATURE corsConfiguration',
  'sam-http-api-lambda-auth MyApi POST /basic': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'sam-http-api-lambda-auth MyApi GET /basic': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'sam-http-api-lambda-auth MyApi $default': 'GATEWAY_UNSUPPORTED_FEATURE authorizers',
  'sam-http-api-sqs MyHttpApi POST /': 'GATEWAY_UNSUPPORTED_FEATURE integrationSubtype',
  'sam-rest-iam AppApi GET /': 'GATEWAY_UNSUPPORTED_FEATURE authorizationType',
  'sam-rest-models MainApi POST /vehicle': 'GATEWAY_UNSUPPORTED_FEATURE requestValidators',
};
