import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/vtl/index.js';
import { javaHashMapOrder } from '../../src/vtl/java/hash-map-order.js';

const keysOf = (map: string, context = {}) =>
  renderTemplate(`#foreach($k in ${map}.keySet())$k#if($foreach.hasNext),#end#end`, {
    body: null,
    context,
  }).output.split(',');

// Recorded on AWS: LocalStack's test_sqs_amz_json_protocol snapshot (a plain request, no authorizer, no key).
const RECORDED_CONTEXT =
  'resourceId,resourcePath,httpMethod,extendedRequestId,requestTime,path,accountId,protocol,requestOverride,stage,domainPrefix,requestTimeEpoch,requestId,identity,domainName,deploymentId,responseOverride,apiId';
const RECORDED_IDENTITY =
  'cognitoIdentityPoolId,accountId,cognitoIdentityId,caller,sourceIp,principalOrgId,accessKey,cognitoAuthenticationType,cognitoAuthenticationProvider,userArn,userAgent,user';

describe('$context maps iterate in the order AWS (a java.util.HashMap) gives', () => {
  it('$context.keySet() lists the 18 recorded keys in the recorded order, no authorizer/error/isCanaryRequest', () => {
    expect(keysOf('$context').join(',')).toBe(RECORDED_CONTEXT);
  });
  it('$context.identity.keySet() lists the 12 recorded keys in the recorded order', () => {
    expect(keysOf('$context.identity').join(',')).toBe(RECORDED_IDENTITY);
  });
  it('$context.requestOverride.keySet() is path, header, querystring (recorded)', () => {
    expect(keysOf('$context.requestOverride')).toEqual(['path', 'header', 'querystring']);
  });
  it('$context.responseOverride holds only header until a status is set (recorded)', () => {
    expect(keysOf('$context.responseOverride')).toEqual(['header']);
  });
  it('the HashMap model reproduces both recorded orders (bucket order, insertion order within a bucket)', () => {
    expect(javaHashMapOrder(RECORDED_CONTEXT.split(',')).join(',')).toBe(RECORDED_CONTEXT);
    expect(javaHashMapOrder(RECORDED_IDENTITY.split(',')).join(',')).toBe(RECORDED_IDENTITY);
    // Alphabetical insertion gives a different order: the recorded one is not sorted.
    expect(javaHashMapOrder([...RECORDED_CONTEXT.split(',')].sort()).join(',')).not.toBe(RECORDED_CONTEXT);
  });
  it('an API key joins identity at its HashMap position (14 keys: the table grows to 32 buckets)', () => {
    const keys = keysOf('$context.identity', { identity: { apiKey: 'k', apiKeyId: 'id' } });
    expect(keys).toEqual(javaHashMapOrder([...RECORDED_IDENTITY.split(','), 'apiKey', 'apiKeyId']));
  });
  it('a given authorizer joins $context at its HashMap position', () => {
    const keys = keysOf('$context', { authorizer: { principalId: 'me' } });
    expect(keys).toHaveLength(19);
    expect(keys).toEqual(javaHashMapOrder([...RECORDED_CONTEXT.split(','), 'authorizer']));
  });
});
