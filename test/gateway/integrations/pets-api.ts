import type { GatewayOptions } from '../../../src/gateway/index.js';

/** The new-user API: validate a JSON body, transform it with a template, write it to DynamoDB, answer with a mapped response. */
export function petsApi(backend: Pick<GatewayOptions, 'services' | 'awsEndpoint'>): GatewayOptions {
  return {
    ...backend,
    models: {
      NewPet: {
        schema: {
          type: 'object',
          required: ['name', 'species'],
          properties: { name: { type: 'string', minLength: 1 }, species: { enum: ['dog', 'cat'] } },
        },
      },
    },
    requestValidators: { body: { validateRequestBody: true } },
    routes: {
      'POST /pets': {
        requestValidator: 'body',
        requestModels: { 'application/json': 'NewPet' },
        methodResponses: {
          '201': { responseParameters: { 'method.response.header.Location': true } },
          '500': {},
        },
        integration: {
          type: 'AWS',
          uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem',
          httpMethod: 'POST',
          credentials: 'arn:aws:iam::123456789012:role/apigw-pets',
          requestTemplates: {
            'application/json': `{
  "TableName": "pets",
  "Item": {
    "id": {"S": "$context.requestId"},
    "name": {"S": "$util.escapeJavaScript($input.path('$.name'))"},
    "species": {"S": "$input.path('$.species')"}
  }
}`,
          },
          integrationResponses: [
            {
              statusCode: '201',
              selectionPattern: '200',
              responseParameters: { 'method.response.header.Location': "'/pets'" },
              responseTemplates: { 'application/json': '{"id": "$context.requestId"}' },
            },
            {
              statusCode: '500',
              responseTemplates: { 'application/json': '{"message": "could not store the pet"}' },
            },
          ],
        },
      },
    },
  };
}
