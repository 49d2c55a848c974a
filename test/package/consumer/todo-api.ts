// A small todo API, as a user of apigw-testkit would write it: one REST handler and one HTTP API handler.
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';

const todos = new Map<string, { id: string; title: string }>([['1', { id: '1', title: 'Buy milk' }]]);

export async function getTodo(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const todo = todos.get(event.pathParameters?.id ?? '');
  return todo
    ? { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(todo) }
    : { statusCode: 404, body: JSON.stringify({ message: 'no such todo' }) };
}

export async function createTodo(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const { title } = JSON.parse(event.body ?? '{}') as { title?: string };
  if (!title) return { statusCode: 400, body: JSON.stringify({ message: 'title is required' }) };
  const todo = { id: String(todos.size + 1), title };
  todos.set(todo.id, todo);
  return { statusCode: 201, headers: { location: `/todos/${todo.id}` }, body: JSON.stringify(todo) };
}
