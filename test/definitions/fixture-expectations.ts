// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the definitions contain ${placeholders} literally
// The exact import of every collected definition (test/fixtures/definitions/*/SOURCE.md): per API its stages, route
// table (route key, integration, authorizer, API key required) and warnings, and the handlers it is given (each an
// echo handler labelled with its key), plus the response of a request per runnable route.

/** One collected definition and what importing it gives. */
export interface FixtureExpectation {
  dir: string;
  file: string;
  handlers: string[];
  apis: { id: string; stages: string[]; routes: [string, string, string, boolean][]; warnings: string[][] }[];
}

export const PARAMETERS = { UserPoolId: 'us-east-1_abc', Audience: 'client1' };

export const FIXTURES: FixtureExpectation[] = [
  {
    dir: 'cdk-http-api-lambda',
    file: 'integ-lambda-proxy.template.json',
    handlers: ['AlwaysSuccess099EAB05'],
    apis: [
      {
        id: 'LambdaProxyApi67594471',
        stages: ['$default'],
        routes: [['$default', 'AWS_PROXY AlwaysSuccess099EAB05', 'NONE', false]],
        warnings: [],
      },
    ],
  },
  {
    dir: 'cdk-websocket-mock',
    file: 'integ-mock-websocket-integration.template.json',
    handlers: [],
    apis: [
      {
        id: 'mywsapi32E6CE11',
        stages: ['dev'],
        routes: [
          ['$default', 'MOCK', 'NONE', false],
          ['sendmessage', 'MOCK', 'NONE', false],
        ],
        warnings: [],
      },
    ],
  },
  {
    dir: 'cdk-lambda-rest-api',
    file: 'LambdaApiIntegrationOptionsStack.template.json',
    handlers: ['myfn8C66D016'],
    apis: [
      {
        id: 'lambdarestapiF559E4F2',
        stages: ['prod'],
        routes: [
          ['ANY /{proxy+}', 'AWS_PROXY myfn8C66D016', 'NONE', false],
          ['ANY /', 'AWS_PROXY myfn8C66D016', 'NONE', false],
        ],
        warnings: [],
      },
    ],
  },
  {
    dir: 'cfn-rest-api-key',
    file: 'template.yaml',
    handlers: ['AppFunction'],
    apis: [
      {
        id: 'AppApi',
        stages: ['Prod'],
        routes: [['GET /', 'AWS_PROXY AppFunction', 'NONE', true]],
        warnings: [],
      },
    ],
  },
  {
    dir: 'cfn-rest-cors-resources',
    file: 'template.yaml',
    handlers: ['MyFunction', 'MyFunctionOptions'],
    apis: [
      {
        id: 'ApiGatewayRestApi',
        stages: ['prod'],
        routes: [
          ['GET /helloworld', 'AWS MyFunction', 'NONE', false],
          ['OPTIONS /helloworld', 'AWS_PROXY MyFunctionOptions', 'NONE', false],
        ],
        warnings: [],
      },
    ],
  },
  {
    dir: 'cfn-rest-lambda-authorizer',
    file: 'template.yaml',
    handlers: ['AppFunction', 'TokenAuthorizerFunction'],
    apis: [
      {
        id: 'AppApi',
        stages: ['Prod'],
        routes: [['GET /', 'AWS_PROXY AppFunction', 'CUSTOM LambdaAuthorizerToken', false]],
        warnings: [],
      },
    ],
  },
  {
    dir: 'ls-api-definition-yaml',
    file: 'api_definition.yaml',
    handlers: [],
    apis: [
      {
        id: 'wait-for-seconds',
        stages: [],
        routes: [
          ['ANY /echo/{data}', 'MOCK', 'NONE', false],
          ['ANY /wait/{seconds}', 'AWS ${lambda_invocation_arn}', 'NONE', false],
        ],
        warnings: [],
      },
    ],
  },
  {
    dir: 'ls-basepath-url',
    file: 'openapi.yaml',
    handlers: [],
    apis: [
      {
        id: 'test-import-oas',
        stages: [],
        routes: [
          ['GET /test', 'MOCK', 'NONE', false],
          ['OPTIONS /test', 'MOCK', 'NONE', false],
        ],
        warnings: [],
      },
    ],
  },
  {
    dir: 'ls-circular-ref',
    file: 'openapi.json',
    handlers: [],
    apis: [
      {
        id: 'Circular model reference',
        stages: [],
        routes: [['POST /person', 'MOCK', 'NONE', false]],
        warnings: [],
      },
    ],
  },
  {
    dir: 'ls-cognito-auth',
    file: 'openapi.json',
    handlers: [],
    apis: [
      {
        id: 'Example Pet Store',
        stages: [],
        routes: [
          [
            'GET /default-no-scope',
            'HTTP http://petstore-demo-endpoint.execute-api.com/petstore/pets',
            'COGNITO_USER_POOLS cognito-test-identity-source',
            false,
          ],
          [
            'GET /default-scope-override',
            'HTTP http://petstore-demo-endpoint.execute-api.com/petstore/pets',
            'COGNITO_USER_POOLS cognito-test-identity-source',
            false,
          ],
          [
            'GET /non-default-authorizer',
            'HTTP http://petstore-demo-endpoint.execute-api.com/petstore/pets',
            'COGNITO_USER_POOLS extra-test-identity-source',
            false,
          ],
          [
            'GET /pets',
            'HTTP_PROXY http://petstore.execute-api.us-west-1.amazonaws.com/petstore/pets',
            'COGNITO_USER_POOLS cognito-test-identity-source',
            false,
          ],
        ],
        warnings: [
          ['info', 'IGNORED_FIELD', '/paths/~1pets/get/x-amazon-apigateway-integration/payloadFormatVersion'],
        ],
      },
    ],
  },
  {
    dir: 'ls-global-auth',
    file: 'openapi.json',
    handlers: ['${authorizer_lambda_invocation_arn}'],
    apis: [
      {
        id: 'Test Global Authorizer',
        stages: [],
        routes: [
          [
            'GET /pets',
            'HTTP http://petstore-demo-endpoint.execute-api.com/petstore/pets',
            'CUSTOM GatewayAuthorizer',
            false,
          ],
          ['ANY /echo/{data}', 'MOCK', 'CUSTOM GatewayAuthorizer', false],
        ],
        warnings: [],
      },
    ],
  },
  {
    dir: 'ls-http-method-integration',
    file: 'openapi.json',
    handlers: [],
    apis: [
      {
        id: 'test-http-method',
        stages: [],
        routes: [
          ['GET /', 'AWS ${lambda_invocation_arn}', 'NONE', false],
          ['OPTIONS /', 'MOCK', 'NONE', false],
        ],
        warnings: [['info', 'IGNORED_FIELD', '/paths/~1/options/x-amazon-apigateway-integration/httpMethod']],
      },
    ],
  },
  {
    dir: 'ls-method-int-yaml',
    file: 'openapi.yaml',
    handlers: [],
    apis: [
      { id: 'test-import-oas-int', stages: [], routes: [['GET /test', 'MOCK', 'NONE', false]], warnings: [] },
    ],
  },
  {
    dir: 'ls-openapi-http-proxy',
    file: 'openapi.json',
    handlers: ['function-name'],
    apis: [
      {
        id: 'Example Pet Store',
        stages: [],
        routes: [
          [
            'GET /pets',
            'HTTP_PROXY http://petstore.execute-api.us-west-1.amazonaws.com/petstore/pets',
            'NONE',
            false,
          ],
          [
            'POST /pets',
            'HTTP_PROXY http://petstore.execute-api.us-west-1.amazonaws.com/petstore/pets',
            'NONE',
            false,
          ],
          [
            'GET /pets/{petId}',
            'HTTP_PROXY http://petstore.execute-api.us-west-1.amazonaws.com/petstore/pets/{petId}',
            'CUSTOM myAuthorizer',
            false,
          ],
        ],
        warnings: [
          ['info', 'IGNORED_EXTENSION', '/x-amazon-apigateway-cors'],
          ['info', 'IGNORED_FIELD', '/paths/~1pets/get/x-amazon-apigateway-integration/payloadFormatVersion'],
          [
            'info',
            'IGNORED_FIELD',
            '/paths/~1pets/post/x-amazon-apigateway-integration/payloadFormatVersion',
          ],
          [
            'info',
            'IGNORED_FIELD',
            '/paths/~1pets~1{petId}/get/x-amazon-apigateway-integration/payloadFormatVersion',
          ],
        ],
      },
    ],
  },
  {
    dir: 'ls-openapi-mock',
    file: 'openapi.json',
    handlers: [],
    apis: [
      {
        id: 'wait-for-seconds',
        stages: [],
        routes: [['ANY /echo/{data}', 'MOCK', 'NONE', false]],
        warnings: [],
      },
    ],
  },
  {
    dir: 'ls-openapi-terraform',
    file: 'openapi.json',
    handlers: ['s3OnObjectCreatedLambda-60c92b6'],
    apis: [
      {
        id: 'local-api',
        stages: [],
        routes: [
          ['GET /', 'AWS_PROXY s3OnObjectCreatedLambda-60c92b6', 'NONE', true],
          ['OPTIONS /', 'MOCK', 'NONE', false],
        ],
        warnings: [
          ['info', 'IGNORED_FIELD', '/paths/~1/get/x-amazon-apigateway-integration/contentHandling'],
          ['info', 'IGNORED_FIELD', '/paths/~1/get/x-amazon-apigateway-integration/passthroughBehavior'],
          ['info', 'IGNORED_FIELD', '/paths/~1/get/x-amazon-apigateway-integration/responses'],
        ],
      },
    ],
  },
  {
    dir: 'ls-pets-swagger',
    file: 'pets.json',
    handlers: [],
    apis: [
      {
        id: 'Simple PetStore (Swagger)',
        stages: [],
        routes: [
          ['GET /pets', 'HTTP http://petstore-demo-endpoint.execute-api.com/petstore/pets', 'NONE', false],
          [
            'GET /pets/{petId}',
            'HTTP http://petstore-demo-endpoint.execute-api.com/petstore/pets/{id}',
            'NONE',
            false,
          ],
        ],
        warnings: [],
      },
    ],
  },
  {
    dir: 'ls-pulumi-gateway-responses',
    file: 'openapi.json',
    handlers: ['apiGwAuthorizerLambda-2152989', 's3OnObjectCreatedLambda-60c92b6'],
    apis: [
      {
        id: 'apiGateway',
        stages: [],
        routes: [
          ['OPTIONS /{proxy+}', 'MOCK', 'NONE', true],
          ['GET /just_do_it', 'AWS_PROXY s3OnObjectCreatedLambda-60c92b6', 'CUSTOM Auth0', true],
        ],
        warnings: [
          ['info', 'CREDENTIALS_NOT_EVALUATED', '/securityDefinitions/Auth0'],
          [
            'info',
            'IGNORED_FIELD',
            '/paths/~1just_do_it/get/x-amazon-apigateway-integration/passthroughBehavior',
          ],
        ],
      },
    ],
  },
  {
    dir: 'ls-request-validators',
    file: 'openapi.json',
    handlers: [],
    apis: [
      {
        id: 'Circular model reference',
        stages: [],
        routes: [['POST /person', 'MOCK', 'NONE', false]],
        warnings: [],
      },
    ],
  },
  {
    dir: 'ls-stage-variables',
    file: 'openapi.json',
    handlers: [],
    apis: [
      {
        id: 'example',
        stages: [],
        routes: [['GET /path1', 'HTTP_PROXY http://${stageVariables.url}', 'NONE', false]],
        warnings: [
          [
            'info',
            'IGNORED_FIELD',
            '/paths/~1path1/get/x-amazon-apigateway-integration/payloadFormatVersion',
          ],
        ],
      },
    ],
  },
  {
    dir: 'ls-swagger-basepath',
    file: 'swagger.json',
    handlers: ['myapi-authorizer-0-22ad13b'],
    apis: [
      {
        id: 'Import swagger JSON',
        stages: [],
        routes: [
          ['GET /test', 'MOCK', 'CUSTOM myapi-authorizer-0', false],
          ['OPTIONS /test', 'MOCK', 'CUSTOM myapi-authorizer-0', false],
        ],
        warnings: [['info', 'CREDENTIALS_NOT_EVALUATED', '/securityDefinitions/myapi-authorizer-0']],
      },
    ],
  },
  {
    dir: 'ls-swagger-mock-cors',
    file: 'swagger.json',
    handlers: [
      'aws-serverless-shopping-cart-produ-GetProductsFunction-c1359550:live',
      'aws-serverless-shopping-cart-produc-GetProductFunction-28378339:live',
    ],
    apis: [
      {
        id: 'aws-serverless-shopping-cart-product-mock',
        stages: [],
        routes: [
          ['OPTIONS /product/{product_id}', 'MOCK', 'NONE', false],
          [
            'GET /product/{product_id}',
            'AWS_PROXY aws-serverless-shopping-cart-produc-GetProductFunction-28378339:live',
            'NONE',
            false,
          ],
          ['OPTIONS /product', 'MOCK', 'NONE', false],
          [
            'GET /product',
            'AWS_PROXY aws-serverless-shopping-cart-produ-GetProductsFunction-c1359550:live',
            'NONE',
            false,
          ],
        ],
        warnings: [],
      },
    ],
  },
  {
    dir: 'oai-petstore',
    file: 'petstore.yaml',
    handlers: ['createPets', 'listPets', 'showPetById'],
    apis: [
      {
        id: 'Swagger Petstore',
        stages: [],
        routes: [
          ['GET /pets', 'none', 'NONE', false],
          ['POST /pets', 'none', 'NONE', false],
          ['GET /pets/{petId}', 'none', 'NONE', false],
        ],
        warnings: [],
      },
    ],
  },
  {
    dir: 'sam-cors-preflight-auth',
    file: 'template.yaml',
    handlers: ['ApiFunction', 'MyAuthFn'],
    apis: [
      {
        id: 'ServerlessApi',
        stages: ['Prod', 'Stage'],
        routes: [
          ['GET /', 'AWS_PROXY ApiFunction', 'CUSTOM MyLambdaRequestAuth', false],
          ['POST /', 'AWS_PROXY ApiFunction', 'CUSTOM MyLambdaRequestAuth', false],
          ['OPTIONS /', 'MOCK', 'CUSTOM MyLambdaRequestAuth', false],
        ],
        warnings: [],
      },
    ],
  },
  {
    dir: 'sam-hello-world',
    file: 'template.yaml',
    handlers: ['HelloWorldFunction'],
    apis: [
      {
        id: 'ServerlessRestApi',
        stages: ['Prod', 'Stage'],
        routes: [['GET /hello', 'AWS_PROXY HelloWorldFunction', 'NONE', false]],
        warnings: [],
      },
    ],
  },
  {
    dir: 'sam-http-api-direct-integration',
    file: 'template.yaml',
    handlers: [],
    apis: [
      {
        id: 'MyHttpApi',
        stages: ['$default'],
        routes: [
          ['POST /sqs', 'AWS_PROXY SQS-SendMessage', 'NONE', false],
          ['POST /eb', 'AWS_PROXY EventBridge-PutEvents', 'NONE', false],
          ['POST /kinesis', 'AWS_PROXY Kinesis-PutRecord', 'NONE', false],
        ],
        warnings: [],
      },
    ],
  },
  {
    dir: 'sam-http-api-jwt',
    file: 'template.yaml',
    handlers: ['AdminLambdaFunction', 'LambdaFunction'],
    apis: [
      {
        id: 'HttpApi',
        stages: ['$default'],
        routes: [
          ['GET /', 'AWS_PROXY LambdaFunction', 'NONE', false],
          ['GET /admin', 'AWS_PROXY AdminLambdaFunction', 'JWT UserAuth', false],
        ],
        warnings: [],
      },
    ],
  },
  {
    dir: 'sam-http-api-lambda-auth',
    file: 'template.yaml',
    handlers: ['HttpApiFunction', 'MyAuthFn'],
    apis: [
      {
        id: 'MyApi',
        stages: ['$default'],
        routes: [
          ['POST /basic', 'AWS_PROXY HttpApiFunction', 'CUSTOM LambdaAuth', false],
          ['GET /basic', 'AWS_PROXY HttpApiFunction', 'CUSTOM LambdaAuth', false],
          ['$default', 'AWS_PROXY HttpApiFunction', 'CUSTOM LambdaAuth', false],
        ],
        warnings: [['info', 'IGNORED_PROPERTY', '/Resources/MyApi/Properties/Tags']],
      },
    ],
  },
  {
    dir: 'sam-http-api-sqs',
    file: 'template.yaml',
    handlers: [],
    apis: [
      {
        id: 'MyHttpApi',
        stages: ['$default'],
        routes: [['POST /', 'AWS_PROXY SQS-SendMessage', 'NONE', false]],
        warnings: [],
      },
    ],
  },
  {
    dir: 'sam-rest-caching',
    file: 'template.yaml',
    handlers: ['CachedFunction'],
    apis: [
      {
        id: 'CachedApi',
        stages: ['Prod', 'Stage'],
        routes: [['ANY /', 'AWS_PROXY CachedFunction', 'NONE', false]],
        warnings: [],
      },
    ],
  },
  {
    dir: 'sam-rest-iam',
    file: 'template.yaml',
    handlers: ['AppFunction'],
    apis: [
      {
        id: 'AppApi',
        stages: ['Prod', 'Stage'],
        routes: [['GET /', 'AWS_PROXY AppFunction', 'AWS_IAM', false]],
        warnings: [['info', 'IGNORED_PROPERTY', '/Resources/AppApi/Properties/Description']],
      },
    ],
  },
  {
    dir: 'sam-rest-models',
    file: 'template.yaml',
    handlers: ['ProcessFunction'],
    apis: [
      {
        id: 'MainApi',
        stages: ['Prod', 'Stage'],
        routes: [['POST /vehicle', 'AWS_PROXY ProcessFunction', 'NONE', false]],
        warnings: [],
      },
    ],
  },
  {
    dir: 'sam-websocket-chat',
    file: 'template.yaml',
    handlers: ['OnConnectFunction', 'OnDisconnectFunction', 'SendMessageFunction'],
    apis: [
      {
        id: 'SimpleChatWebSocket',
        stages: ['Prod'],
        routes: [
          ['$connect', 'AWS_PROXY OnConnectFunction', 'NONE', false],
          ['$disconnect', 'AWS_PROXY OnDisconnectFunction', 'NONE', false],
          ['sendmessage', 'AWS_PROXY SendMessageFunction', 'NONE', false],
        ],
        warnings: [
          ['info', 'IGNORED_FIELD', '/Resources/ConnectRoute/Properties/OperationName'],
          ['info', 'IGNORED_FIELD', '/Resources/DisconnectRoute/Properties/OperationName'],
          ['info', 'IGNORED_FIELD', '/Resources/SendRoute/Properties/OperationName'],
        ],
      },
    ],
  },
];

/** Response of the request made to each route (`<dir> <api> <route key>`), as fixture-setup.ts makes it. */
export const RESPONSES: Readonly<Record<string, { status: number; body: unknown }>> = {
  'cdk-http-api-lambda LambdaProxyApi67594471 $default': {
    status: 200,
    body: {
      handler: 'AlwaysSuccess099EAB05',
      resource: '$default',
      method: 'GET',
      functionName: 'AlwaysSuccess099EAB05',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:AlwaysSuccess099EAB05',
    },
  },
  'cdk-lambda-rest-api lambdarestapiF559E4F2 ANY /{proxy+}': {
    status: 200,
    body: {
      handler: 'myfn8C66D016',
      resource: '/{proxy+}',
      method: 'GET',
      functionName: 'myfn8C66D016',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:myfn8C66D016',
    },
  },
  'cdk-lambda-rest-api lambdarestapiF559E4F2 ANY /': {
    status: 200,
    body: {
      handler: 'myfn8C66D016',
      resource: '/',
      method: 'GET',
      functionName: 'myfn8C66D016',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:myfn8C66D016',
    },
  },
  // Sent with the key of the template's AWS::ApiGateway::ApiKey (in its UsagePlan): admitted.
  'cfn-rest-api-key AppApi GET /': {
    status: 200,
    body: {
      handler: 'AppFunction',
      resource: '/',
      method: 'GET',
      functionName: 'AppFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:AppFunction',
    },
  },
  // Lambda custom (AWS) integration: the function's whole result is the body (no template, passthrough).
  'cfn-rest-cors-resources ApiGatewayRestApi GET /helloworld': {
    status: 200,
    body: {
      statusCode: 200,
      body: '{"handler":"MyFunction","functionName":"MyFunction","invokedFunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:MyFunction"}',
    },
  },
  'cfn-rest-cors-resources ApiGatewayRestApi OPTIONS /helloworld': {
    status: 200,
    body: {
      handler: 'MyFunctionOptions',
      resource: '/helloworld',
      method: 'OPTIONS',
      functionName: 'MyFunctionOptions',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:MyFunctionOptions',
    },
  },
  'cfn-rest-lambda-authorizer AppApi GET /': {
    status: 200,
    body: {
      handler: 'AppFunction',
      resource: '/',
      method: 'GET',
      functionName: 'AppFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:AppFunction',
    },
  },
  // Lambda custom with X-Amz-Invocation-Type 'Event' mapped: invoked asynchronously, empty answer at once.
  'ls-api-definition-yaml wait-for-seconds ANY /wait/{seconds}': { status: 200, body: '' },
  'ls-basepath-url test-import-oas GET /test': { status: 200, body: '' },
  'ls-basepath-url test-import-oas OPTIONS /test': { status: 200, body: '' },
  'ls-circular-ref Circular model reference POST /person': {
    status: 200,
    body: { echo: {}, response: 'mocked' },
  },
  // Cognito authorizer: an ID token; HTTP integrations reach the backend double.
  'ls-cognito-auth Example Pet Store GET /default-no-scope': {
    status: 200,
    body: { backend: 'http://petstore-demo-endpoint.execute-api.com/petstore/pets', method: 'GET' },
  },
  // Cognito with scopes: an access token carrying one of them.
  'ls-cognito-auth Example Pet Store GET /default-scope-override': {
    status: 200,
    body: { backend: 'http://petstore-demo-endpoint.execute-api.com/petstore/pets', method: 'GET' },
  },
  'ls-cognito-auth Example Pet Store GET /non-default-authorizer': {
    status: 200,
    body: { backend: 'http://petstore-demo-endpoint.execute-api.com/petstore/pets', method: 'GET' },
  },
  'ls-cognito-auth Example Pet Store GET /pets': {
    status: 200,
    body: { backend: 'http://petstore.execute-api.us-west-1.amazonaws.com/petstore/pets', method: 'GET' },
  },
  'ls-global-auth Test Global Authorizer GET /pets': {
    status: 200,
    body: { backend: 'http://petstore-demo-endpoint.execute-api.com/petstore/pets', method: 'GET' },
  },
  'ls-global-auth Test Global Authorizer ANY /echo/{data}': {
    status: 200,
    body: { echo: 'data-1', response: 'mocked' },
  },
  // Lambda custom with X-Amz-Invocation-Type 'Event' mapped: invoked asynchronously, empty answer at once.
  'ls-http-method-integration test-http-method GET /': { status: 200, body: '' },
  'ls-http-method-integration test-http-method OPTIONS /': { status: 200, body: '' },
  'ls-method-int-yaml test-import-oas-int GET /test': { status: 200, body: '' },
  'ls-openapi-http-proxy Example Pet Store GET /pets': {
    status: 200,
    body: { backend: 'http://petstore.execute-api.us-west-1.amazonaws.com/petstore/pets', method: 'GET' },
  },
  'ls-openapi-http-proxy Example Pet Store POST /pets': {
    status: 200,
    body: { backend: 'http://petstore.execute-api.us-west-1.amazonaws.com/petstore/pets', method: 'POST' },
  },
  'ls-openapi-http-proxy Example Pet Store GET /pets/{petId}': {
    status: 200,
    body: {
      backend: 'http://petstore.execute-api.us-west-1.amazonaws.com/petstore/pets/petId-1',
      method: 'GET',
    },
  },
  'ls-openapi-mock wait-for-seconds ANY /echo/{data}': {
    status: 200,
    body: { echo: 'data-1', response: 'mocked' },
  },
  'ls-openapi-terraform local-api GET /': {
    status: 200,
    body: {
      handler: 's3OnObjectCreatedLambda-60c92b6',
      resource: '/',
      method: 'GET',
      functionName: 's3OnObjectCreatedLambda-60c92b6',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:s3OnObjectCreatedLambda-60c92b6',
    },
  },
  'ls-openapi-terraform local-api OPTIONS /': { status: 200, body: '' },
  'ls-pets-swagger Simple PetStore (Swagger) GET /pets': {
    status: 200,
    body: { backend: 'http://petstore-demo-endpoint.execute-api.com/petstore/pets', method: 'GET' },
  },
  'ls-pets-swagger Simple PetStore (Swagger) GET /pets/{petId}': {
    status: 200,
    body: { backend: 'http://petstore-demo-endpoint.execute-api.com/petstore/pets/petId-1', method: 'GET' },
  },
  'ls-pulumi-gateway-responses apiGateway OPTIONS /{proxy+}': { status: 200, body: '' },
  // TOKEN authorizer, then the API key (apiKeySource HEADER) of the plan the test adds.
  'ls-pulumi-gateway-responses apiGateway GET /just_do_it': {
    status: 200,
    body: {
      handler: 's3OnObjectCreatedLambda-60c92b6',
      resource: '/just_do_it',
      method: 'GET',
      functionName: 's3OnObjectCreatedLambda-60c92b6',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:s3OnObjectCreatedLambda-60c92b6',
    },
  },
  // A body valid against the circular Person model passes validation; the MOCK echoes $input.json.
  'ls-request-validators Circular model reference POST /person': {
    status: 200,
    body: { echo: {}, response: 'mocked' },
  },
  // HTTP_PROXY to http://${stageVariables.url}, with the variable set on the stage; the integration method is POST.
  'ls-stage-variables example GET /path1': {
    status: 200,
    body: { backend: 'http://backend.example.com/stage-variable', method: 'POST' },
  },
  'ls-swagger-basepath Import swagger JSON GET /test': { status: 200, body: '' },
  'ls-swagger-basepath Import swagger JSON OPTIONS /test': { status: 200, body: '' },
  'ls-swagger-mock-cors aws-serverless-shopping-cart-product-mock OPTIONS /product/{product_id}': {
    status: 200,
    body: {},
  },
  'ls-swagger-mock-cors aws-serverless-shopping-cart-product-mock GET /product/{product_id}': {
    status: 200,
    body: {
      handler: 'aws-serverless-shopping-cart-produc-GetProductFunction-28378339:live',
      resource: '/product/{product_id}',
      method: 'GET',
      functionName: 'aws-serverless-shopping-cart-produc-GetProductFunction-28378339',
      invokedFunctionArn:
        'arn:aws:lambda:us-east-1:123456789012:function:aws-serverless-shopping-cart-produc-GetProductFunction-28378339:live',
    },
  },
  'ls-swagger-mock-cors aws-serverless-shopping-cart-product-mock OPTIONS /product': {
    status: 200,
    body: {},
  },
  'ls-swagger-mock-cors aws-serverless-shopping-cart-product-mock GET /product': {
    status: 200,
    body: {
      handler: 'aws-serverless-shopping-cart-produ-GetProductsFunction-c1359550:live',
      resource: '/product',
      method: 'GET',
      functionName: 'aws-serverless-shopping-cart-produ-GetProductsFunction-c1359550',
      invokedFunctionArn:
        'arn:aws:lambda:us-east-1:123456789012:function:aws-serverless-shopping-cart-produ-GetProductsFunction-c1359550:live',
    },
  },
  'oai-petstore Swagger Petstore GET /pets': {
    status: 200,
    body: {
      handler: 'listPets',
      resource: '/pets',
      method: 'GET',
      functionName: 'rest-GET-pets',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:rest-GET-pets',
    },
  },
  'oai-petstore Swagger Petstore POST /pets': {
    status: 200,
    body: {
      handler: 'createPets',
      resource: '/pets',
      method: 'POST',
      functionName: 'rest-POST-pets',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:rest-POST-pets',
    },
  },
  'oai-petstore Swagger Petstore GET /pets/{petId}': {
    status: 200,
    body: {
      handler: 'showPetById',
      resource: '/pets/{petId}',
      method: 'GET',
      functionName: 'rest-GET-pets-petId',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:rest-GET-pets-petId',
    },
  },
  'sam-cors-preflight-auth ServerlessApi GET /': {
    status: 200,
    body: {
      handler: 'ApiFunction',
      resource: '/',
      method: 'GET',
      functionName: 'ApiFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:ApiFunction',
    },
  },
  'sam-cors-preflight-auth ServerlessApi POST /': {
    status: 200,
    body: {
      handler: 'ApiFunction',
      resource: '/',
      method: 'POST',
      functionName: 'ApiFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:ApiFunction',
    },
  },
  'sam-hello-world ServerlessRestApi GET /hello': {
    status: 200,
    body: {
      handler: 'HelloWorldFunction',
      resource: '/hello',
      method: 'GET',
      functionName: 'HelloWorldFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:HelloWorldFunction',
    },
  },
  'sam-http-api-jwt HttpApi GET /': {
    status: 200,
    body: {
      handler: 'LambdaFunction',
      resource: 'GET /',
      method: 'GET',
      functionName: 'LambdaFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:LambdaFunction',
    },
  },
  // JWT authorizer: a token of the template's issuer and audience.
  'sam-http-api-jwt HttpApi GET /admin': {
    status: 200,
    body: {
      handler: 'AdminLambdaFunction',
      resource: 'GET /admin',
      method: 'GET',
      functionName: 'AdminLambdaFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:AdminLambdaFunction',
    },
  },
  'sam-http-api-lambda-auth MyApi POST /basic': {
    status: 200,
    body: {
      handler: 'HttpApiFunction',
      resource: 'POST /basic',
      method: 'POST',
      functionName: 'HttpApiFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:HttpApiFunction',
    },
  },
  'sam-http-api-lambda-auth MyApi GET /basic': {
    status: 200,
    body: {
      handler: 'HttpApiFunction',
      resource: 'GET /basic',
      method: 'GET',
      functionName: 'HttpApiFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:HttpApiFunction',
    },
  },
  'sam-http-api-lambda-auth MyApi $default': {
    status: 200,
    body: {
      handler: 'HttpApiFunction',
      resource: '$default',
      method: 'GET',
      functionName: 'HttpApiFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:HttpApiFunction',
    },
  },
  'sam-rest-caching CachedApi ANY /': {
    status: 200,
    body: {
      handler: 'CachedFunction',
      resource: '/',
      method: 'GET',
      functionName: 'CachedFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:CachedFunction',
    },
  },
  // AWS_IAM: SigV4-signed by an IAM user the gateway trusts.
  'sam-rest-iam AppApi GET /': {
    status: 200,
    body: {
      handler: 'AppFunction',
      resource: '/',
      method: 'GET',
      functionName: 'AppFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:AppFunction',
    },
  },
  // A body valid against the Vehicle model passes the body-only validator.
  'sam-rest-models MainApi POST /vehicle': {
    status: 200,
    body: {
      handler: 'ProcessFunction',
      resource: '/vehicle',
      method: 'POST',
      functionName: 'ProcessFunction',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:ProcessFunction',
    },
  },
  // WebSocket routes (status 101: the upgrade was accepted): the frames sent back and the functions invoked over
  // connect → message selecting the route → close. The MOCK integrations have no template for the selected key
  // ($default) and no integration response, so each message gets API Gateway's error frame.
  'cdk-websocket-mock mywsapi32E6CE11 $default': {
    status: 101,
    body: {
      frames: [
        '{"message": "Internal server error", "connectionId":"O1tjjuQ1c25Whz7=", "requestId":"5ry7ur0oFytGILI="}',
      ],
      invoked: [],
    },
  },
  'cdk-websocket-mock mywsapi32E6CE11 sendmessage': {
    status: 101,
    body: {
      frames: [
        '{"message": "Internal server error", "connectionId":"O1tjjuQ1c25Whz7=", "requestId":"5ry7ur0oFytGILI="}',
      ],
      invoked: [],
    },
  },
  'sam-websocket-chat SimpleChatWebSocket $connect': {
    status: 101,
    body: { frames: [], invoked: ['OnConnectFunction $connect', 'OnDisconnectFunction $disconnect'] },
  },
  'sam-websocket-chat SimpleChatWebSocket $disconnect': {
    status: 101,
    body: { frames: [], invoked: ['OnConnectFunction $connect', 'OnDisconnectFunction $disconnect'] },
  },
  // sendmessage is one-way (no route response): the function runs, nothing is sent back.
  'sam-websocket-chat SimpleChatWebSocket sendmessage': {
    status: 101,
    body: {
      frames: [],
      invoked: [
        'OnConnectFunction $connect',
        'SendMessageFunction sendmessage',
        'OnDisconnectFunction $disconnect',
      ],
    },
  },
};
