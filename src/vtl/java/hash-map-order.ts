/** Java's `String.hashCode()`: `s[0]*31^(n-1) + … + s[n-1]` in 32-bit arithmetic. */
function stringHash(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

const memo = new Map<string, readonly string[]>();

/**
 * The order a `java.util.HashMap` filled with `keys` (in that insertion order, by `put`) iterates them: by bucket
 * (`(h ^ h >>> 16) & (capacity - 1)`, capacity doubling from 16 whenever the size passes ¾ of it), insertion order
 * within a bucket. API Gateway's `$context`, `$context.identity` and `$context.requestOverride` are such maps: their
 * `keySet()` orders recorded on AWS (behaviour.md §0; LocalStack's `test_sqs_amz_json_protocol` snapshot) are
 * exactly this order, so it also gives AWS's order for key sets nobody recorded (an API key in `identity`, an
 * authorizer in `$context`).
 *
 * @example
 * ```ts
 * javaHashMapOrder(['header', 'path', 'querystring']); // ['path', 'header', 'querystring']
 * ```
 */
export function javaHashMapOrder(keys: readonly string[]): readonly string[] {
  const id = keys.join('\u0000');
  const known = memo.get(id);
  if (known) return known;
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  const bucket = (key: string): number => {
    const h = stringHash(key);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  const order = keys
    .map((key, index) => ({ key, index, bucket: bucket(key) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.key);
  // Bounded: key sets come from configuration (a few per gateway), not from request data.
  if (memo.size < 512) memo.set(id, order);
  return order;
}
