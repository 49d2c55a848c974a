import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/vtl/index.js';
import { render } from './render-helper.js';

// Cases whose output was recorded against real AWS by LocalStack's validated API Gateway tests.
// Only the template, the input and what AWS produced are taken; the wording here is ours.

describe('recorded on AWS: SQS integration templates', () => {
  // Source: localstack tests/aws/services/apigateway/test_apigateway_sqs.py (+ .snapshot.json,
  // test_sqs_request_and_response_xml_templates_integration). The response template reads the
  // SendMessage JSON answer; AWS returned {"messageId": <id>, "requestId": <id>}.
  const sendMessageAnswer = JSON.stringify({
    SendMessageResponse: {
      ResponseMetadata: { RequestId: 'req-1' },
      SendMessageResult: {
        MD5OfMessageAttributes: null,
        MD5OfMessageBody: 'abc',
        MD5OfMessageSystemAttributes: null,
        MessageId: 'msg-1',
        SequenceNumber: null,
      },
    },
  });
  const indentedTemplate = [
    '',
    "            #set($responseBody = $input.path('$.SendMessageResponse'))",
    "            #set($requestId = $input.path('$.SendMessageResponse.ResponseMetadata.RequestId'))",
    '            #set($messageId = $responseBody.SendMessageResult.MessageId)',
    '            {',
    '            "requestId": "$requestId",',
    '            "messageId": "$messageId"',
    '            }',
    '            ',
  ].join('\n');

  it('an object from $input.path can be walked with dotted properties, and indented #set lines leave valid JSON', () => {
    expect(JSON.parse(render(indentedTemplate, sendMessageAnswer))).toEqual({
      requestId: 'req-1',
      messageId: 'msg-1',
    });
  });

  it('$input.body is pasted raw into a form-encoded request template (no escaping, no quoting)', () => {
    // Same source, request template "Action=SendMessage&MessageBody=$input.body" with body "<xml>Hello World</xml>".
    expect(render('Action=SendMessage&MessageBody=$input.body', '<xml>Hello World</xml>')).toBe(
      'Action=SendMessage&MessageBody=<xml>Hello World</xml>',
    );
  });

  it('a template without any VTL is returned as written even when the body is empty', () => {
    // Same source, test_sqs_aws_integration: AWS answered {"message": "great success!"}.
    expect(render('{"message": "great success!"}', '')).toBe('{"message": "great success!"}');
  });
});

describe('recorded on AWS: Kinesis integration template', () => {
  // Source: localstack tests/aws/services/apigateway/test_apigateway_kinesis.py (+ .snapshot.json):
  // the record's Data decoded back to the exact request body bytes '{"kinesis": "snapshot"}'.
  it('$util.base64Encode($input.body) encodes the raw body bytes, spacing preserved', () => {
    const template = '{"StreamName": "s", "Data": "$util.base64Encode($input.body)", "PartitionKey": "test"}';
    const out = JSON.parse(render(template, '{"kinesis": "snapshot"}')) as { Data: string };
    expect(out.Data).toBe('eyJraW5lc2lzIjogInNuYXBzaG90In0=');
    expect(Buffer.from(out.Data, 'base64').toString('utf8')).toBe('{"kinesis": "snapshot"}');
  });
});

describe('recorded on AWS: Lambda (non-proxy) integration templates', () => {
  // Source: localstack tests/aws/files/response-template.vm, used by
  // tests/aws/services/apigateway/test_apigateway_lambda.py::test_lambda_aws_integration_response_with_mapping_templates
  // (+ .snapshot.json): AWS answered 202 with the Lambda result as body for "noerror", 400 for "customerror".
  const responseTemplate = [
    "#set($inputRoot = $input.path('$'))",
    '$input.json("$")',
    '#if($inputRoot.toString().contains("customerror"))',
    '    #set($context.responseOverride.status = 400)',
    '#else',
    '    #set($context.responseOverride.status = 202)',
    '#end',
    '',
  ].join('\n');

  it.each([
    ['noerror', 202],
    ['customerror', 400],
  ])(
    'toString() of a parsed object exposes its values to contains(); a #set of responseOverride.status inside #if wins (%s -> %i)',
    (result, status) => {
      const body = JSON.stringify({ statusCode: 200, body: result });
      const rendered = renderTemplate(responseTemplate, { body });
      expect(JSON.parse(rendered.output)).toEqual({ body: result, statusCode: 200 });
      expect(rendered.overrides.responseOverride.status).toBe(status);
    },
  );

  it('a quoted $input.params(name) in a request template resolves a query-string value', () => {
    // Same test file, test_lambda_aws_integration_with_request_template: the Lambda echoed {"param1": "foobar"}.
    const out = render(`{"param1": "$input.params('param1')"}`, null, {
      params: { querystring: { param1: 'foobar' } },
    });
    expect(JSON.parse(out)).toEqual({ param1: 'foobar' });
  });

  it('the full parameter-map request template builds valid JSON whose "body" is the parsed request body', () => {
    // Source: localstack tests/aws/files/request-template.vm (same AWS test): the Lambda read event.body.httpStatus,
    // so "body": $input.json('$') arrived as an object.
    const template = [
      '#set($allParams = $input.params())',
      "#set($jsonBody = $input.json('$'))",
      "#set($path = $allParams.get('path'))",
      "#set($querystring = $allParams.get('querystring'))",
      "#set($header = $allParams.get('header'))",
      '#set($stage = $context.stage)',
      '{',
      '"apiContext": {',
      '"method": "$context.httpMethod",',
      '"stage": "$stage"',
      '},',
      '"querystring": {',
      '"parameterMap":{',
      '#foreach($paramName in $querystring.keySet())',
      '"$paramName": "$util.escapeJavaScript($querystring.get($paramName))"#if($foreach.hasNext),#end',
      '#end',
      '}',
      '},',
      '"header": {',
      '"parameterMap": {',
      '#foreach($paramName in $header.keySet())',
      '"$paramName": "$util.escapeJavaScript($header.get($paramName))"#if($foreach.hasNext),#end',
      '#end',
      '}',
      '},',
      '"body": $jsonBody',
      '}',
      '',
    ].join('\n');
    const out = render(template, '{"httpStatus": "400", "errorMessage": "Test Bad request"}', {
      params: { querystring: { a: '1', b: 'x"y' }, header: { 'Content-Type': 'application/json' } },
      context: { httpMethod: 'POST', stage: 'api' },
    });
    expect(JSON.parse(out)).toEqual({
      apiContext: { method: 'POST', stage: 'api' },
      querystring: { parameterMap: { a: '1', b: 'x"y' } },
      header: { parameterMap: { 'Content-Type': 'application/json' } },
      body: { httpStatus: '400', errorMessage: 'Test Bad request' },
    });
  });
});
