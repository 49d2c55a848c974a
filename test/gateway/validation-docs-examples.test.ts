import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';

// The examples of docs/validation.md and docs/gateway-responses.md, verbatim in substance.
describe('docs/validation.md examples', () => {
  it('parameters, then the body, against the model', async () => {
    const gateway = createGateway({
      models: {
        NewPet: {
          schema: {
            type: 'object',
            required: ['name', 'species'],
            properties: { name: { type: 'string' }, species: { enum: ['dog', 'cat'] } },
          },
        },
      },
      requestValidators: { all: { validateRequestBody: true, validateRequestParameters: true } },
      routes: {
        'POST /owners/{ownerId}/pets': {
          integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 201 }) },
          requestValidator: 'all',
          requestParameters: {
            'method.request.header.X-Tenant': true,
            'method.request.querystring.notify': false,
          },
          requestModels: { 'application/json': 'NewPet' },
        },
      },
    });
    const noTenant = await gateway.fetch('/dev/owners/1/pets', {
      method: 'POST',
      body: '{"name": "Rex", "species": "dog"}',
    });
    expect(noTenant.status).toBe(400);
    expect(await noTenant.text()).toBe('{"message":"Missing required request parameters: [X-Tenant]"}');
    const badBody = await gateway.fetch('/dev/owners/1/pets', {
      method: 'POST',
      headers: { 'X-Tenant': 'acme' },
      body: '{"name": "Rex", "species": "cow"}',
    });
    expect(await badBody.text()).toBe('{"message":"Invalid request body"}');
    const good = await gateway.fetch('/dev/owners/1/pets', {
      method: 'POST',
      headers: { 'X-Tenant': 'acme' },
      body: '{"name": "Rex", "species": "dog"}',
    });
    expect(good.status).toBe(201);
  });

  it('validationErrorString in a customised BAD_REQUEST_BODY', async () => {
    const strict = createGateway({
      models: {
        Customer: {
          schema: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } },
        },
      },
      requestValidators: { body: { validateRequestBody: true } },
      gatewayResponses: {
        BAD_REQUEST_BODY: {
          responseTemplates: {
            'application/json':
              '{"message": "Invalid request", "detail": "$context.error.validationErrorString"}',
          },
        },
      },
      routes: {
        'POST /customers': {
          integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 201 }) },
          requestValidator: 'body',
          requestModels: { 'application/json': 'Customer' },
        },
      },
    });
    const refused = await strict.fetch('/dev/customers', { method: 'POST', body: '{"name": "Ana"}' });
    expect(await refused.json()).toEqual({
      message: 'Invalid request',
      detail: '[object has missing required properties (["email"])]',
    });
  });
});

describe('docs/gateway-responses.md examples', () => {
  it('a customised type and DEFAULT_5XX', async () => {
    const gateway = createGateway({
      stage: { name: 'dev', variables: { team: 'pets' } },
      gatewayResponses: {
        MISSING_AUTHENTICATION_TOKEN: {
          statusCode: 404,
          responseParameters: {
            'gatewayresponse.header.X-Request-Id': 'context.requestId',
            'gatewayresponse.header.X-Team': 'stageVariables.team',
          },
          responseTemplates: {
            'application/json':
              '{"error": $context.error.messageString, "type": "$context.error.responseType"}',
          },
        },
        DEFAULT_5XX: { responseTemplates: { 'application/json': '{"error": "try again later"}' } },
      },
      routes: {
        'GET /boom': async () => {
          throw new Error('kaput');
        },
      },
    });
    const missing = await gateway.fetch('/dev/nope');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(
      '{"error": "Missing Authentication Token", "type": "MISSING_AUTHENTICATION_TOKEN"}',
    );
    expect(missing.headers.get('X-Team')).toBe('pets');
    expect(missing.headers.get('X-Request-Id')).toBe(missing.headers.get('x-amzn-RequestId'));
    expect(missing.headers.get('x-amzn-ErrorType')).toBe('MissingAuthenticationTokenException');
    const failed = await gateway.fetch('/dev/boom');
    expect(failed.status).toBe(502);
    expect(await failed.text()).toBe('{"error": "try again later"}');
  });
});
