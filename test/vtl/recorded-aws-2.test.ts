import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/vtl/index.js';
import { render } from './render-helper.js';

// More templates whose effect was recorded on real AWS by LocalStack's validated API Gateway tests.
// Only the template, the input and what AWS accepted or produced are taken; the wording here is ours.

describe('recorded on AWS: EventBridge PutEvents integration templates', () => {
  // Source: localstack tests/aws/services/apigateway/test_apigateway_eventbridge.py (+ .snapshot.json,
  // test_apigateway_to_eventbridge): AWS accepted the rendered body (FailedEntryCount 0, one EventId).
  const requestTemplate = [
    '',
    '  #set($context.requestOverride.header.X-Amz-Target = "AWSEvents.PutEvents")',
    '  #set($context.requestOverride.header.Content-Type = "application/x-amz-json-1.1")',
    "  #set($inputRoot = $input.path('$'))",
    '  {',
    '    "Entries": [',
    '      #foreach($elem in $inputRoot.items)',
    '      {',
    `        "Detail": "$util.escapeJavaScript($elem.Detail).replaceAll("\\'","'")",`,
    '        "DetailType": "$elem.DetailType",',
    '        "Source":"$elem.Source"',
    '      }#if($foreach.hasNext),#end',
    '      #end',
    '    ]',
    '  }',
    '',
  ].join('\n');
  const item = { Detail: '{"data":"Order is created"}', DetailType: 'Test', Source: 'order' };

  it('hyphenated names after requestOverride.header (X-Amz-Target, Content-Type) are set as header overrides', () => {
    const out = renderTemplate(requestTemplate, { body: JSON.stringify({ items: [item] }) });
    expect(out.overrides.requestOverride.header).toEqual({
      'X-Amz-Target': 'AWSEvents.PutEvents',
      'Content-Type': 'application/x-amz-json-1.1',
    });
  });

  it('escapeJavaScript(...).replaceAll on a JSON string field yields a body whose Detail is the original string', () => {
    const out = render(requestTemplate, JSON.stringify({ items: [item] }));
    expect(JSON.parse(out)).toEqual({ Entries: [item] });
    expect(out).toContain('"Detail": "{\\"data\\":\\"Order is created\\"}"');
  });

  it('#if($foreach.hasNext) separates several entries with commas and leaves none after the last', () => {
    const second = { Detail: '{"n":2}', DetailType: 'T2', Source: 's2' };
    const out = render(requestTemplate, JSON.stringify({ items: [item, second] }));
    expect(JSON.parse(out)).toEqual({ Entries: [item, second] });
    expect(out).toMatch(/\}\s*\]\s*\}\s*$/);
  });

  it("a response template that #sets $input.json('$') and prints it returns the service answer as JSON", () => {
    // Same test: the integration response template "#set($inputRoot = $input.json('$'))\n$inputRoot".
    const answer = '{"Entries":[{"EventId":"e-1"}],"FailedEntryCount":0}';
    const out = render("#set($inputRoot = $input.json('$'))\n$inputRoot", answer);
    expect(JSON.parse(out)).toEqual({ Entries: [{ EventId: 'e-1' }], FailedEntryCount: 0 });
    expect(out.startsWith('{')).toBe(true);
  });
});

describe('recorded on AWS: Step Functions StartExecution request template', () => {
  // Source: localstack tests/aws/services/apigateway/test_apigateway_stepfunctions.py (+ .snapshot.json):
  // "input": "$util.escapeJavaScript($input.json('$'))" with body {"test": "test-value"} started an
  // execution (AWS answered executionArn + startDate), so the body was valid JSON with a string input.
  it("escapeJavaScript($input.json('$')) embeds the request JSON as a valid JSON string value", () => {
    const template = [
      '',
      '{',
      `"input": "$util.escapeJavaScript($input.json('$'))",`,
      '"stateMachineArn": "arn:aws:states:us-east-1:111111111111:stateMachine:sm"',
      '}',
      '',
    ].join('\n');
    const out = JSON.parse(render(template, JSON.stringify({ test: 'test-value' }))) as {
      input: string;
      stateMachineArn: string;
    };
    expect(JSON.parse(out.input)).toEqual({ test: 'test-value' });
    expect(out.stateMachineArn).toBe('arn:aws:states:us-east-1:111111111111:stateMachine:sm');
  });
});

describe('recorded on AWS: DynamoDB action request templates', () => {
  // Source: localstack tests/aws/services/apigateway/test_apigateway_dynamodb.py (+ .snapshot.json,
  // test_rest_api_to_dynamodb_integration): Query with ?id=test 3 returned that item; PutItem with
  // ?id=test-new created it; Scan (no VTL at all) returned every item.
  const queryTemplate = JSON.stringify({
    TableName: 'table',
    KeyConditionExpression: 'id = :id',
    ExpressionAttributeValues: { ':id': { S: "$input.params('id')" } },
  });

  it.each(['test', 'test2', 'test 3', 'test-invalid'])(
    "$input.params('id') inside a quoted DynamoDB attribute value resolves the query-string value (%s)",
    (id) => {
      const out = render(queryTemplate, null, { params: { querystring: { id } } });
      expect(JSON.parse(out)).toEqual({
        TableName: 'table',
        KeyConditionExpression: 'id = :id',
        ExpressionAttributeValues: { ':id': { S: id } },
      });
    },
  );

  it('a PutItem template keyed by $input.params resolves the value and keeps the rest verbatim', () => {
    const template = JSON.stringify({ TableName: 'table', Item: { id: { S: "$input.params('id')" } } });
    const out = render(template, null, { params: { querystring: { id: 'test-new' } } });
    expect(out).toBe('{"TableName":"table","Item":{"id":{"S":"test-new"}}}');
  });
});
