// Lambda handlers of the example pets API. They are ordinary Lambda proxy handlers (payload 1.0): the same
// functions would run unchanged behind a real REST API. Module state (the pet store, the invocation counter)
// persists between requests, as in a warm Lambda.

const pets = new Map([
  ['1', { id: '1', name: 'Rex', type: 'dog' }],
  ['2', { id: '2', name: 'Tom', type: 'cat' }],
]);
let listInvocations = 0;

const json = (statusCode, body) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** GET /pets — cached by the stage cache: repeated calls within the TTL do not reach this handler. */
export async function listPets() {
  listInvocations += 1;
  return {
    ...json(200, [...pets.values()]),
    headers: { 'Content-Type': 'application/json', 'X-Handler-Invocation': String(listInvocations) },
  };
}

/** GET /pets/{id} — throttled per method (rate 1 rps, burst 2). */
export async function getPet(event) {
  const pet = pets.get(event.pathParameters?.id ?? '');
  return pet ? json(200, pet) : json(404, { message: `no pet ${event.pathParameters?.id}` });
}

/** POST /pets — needs an API key; the key id reaches the handler in requestContext.identity.apiKeyId. */
export async function createPet(event) {
  let input;
  try {
    input = JSON.parse(event.body ?? '');
  } catch {
    return json(400, { message: 'body must be JSON like {"name":"Rex","type":"dog"}' });
  }
  if (typeof input?.name !== 'string') return json(400, { message: 'name is required' });
  const id = String(pets.size + 1);
  const pet = { id, name: input.name, type: typeof input.type === 'string' ? input.type : 'unknown' };
  pets.set(id, pet);
  return json(201, { ...pet, createdWithKey: event.requestContext.identity.apiKeyId ?? null });
}

/** GET /reports/slow — takes 5 s, longer than its 3 s integration timeout: the client gets 504. */
export async function slowReport() {
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  return json(200, { report: 'finished too late; API Gateway already answered 504' });
}
