import { EventInputError } from '../../errors/families.js';
import { formatText, formatValue } from '../../errors/format-value.js';
import { HTTP_METHODS } from './constants.js';

/** The verb of an event: one of GET POST PUT PATCH DELETE HEAD OPTIONS (case-insensitive in, uppercase out). */
export function resolveMethod(where: string, method: unknown): string {
  if (method === undefined) return 'GET';
  switch (method) {
    // The usual spellings skip the case conversion and the list scan.
    case 'GET':
    case 'POST':
    case 'PUT':
    case 'PATCH':
    case 'DELETE':
    case 'HEAD':
    case 'OPTIONS':
      return method as string;
  }
  const upper = typeof method === 'string' ? method.toUpperCase() : '';
  if (HTTP_METHODS.includes(upper)) return upper;
  throw new EventInputError(
    'EVENT_INVALID_METHOD',
    `${where}: invalid method: ${formatValue(method)}`,
    upper === 'ANY'
      ? 'ANY is a route method, not a request verb; pass the verb the client sent (GET, POST, …).'
      : `Use one of ${HTTP_METHODS.join(', ')}.`,
    { method },
  );
}

/** Checks a request path: text starting with `/`, no whitespace or control characters. */
export function checkPath(where: string, path: unknown): string {
  if (typeof path === 'string' && path[0] === '/') {
    let ok = true;
    for (let i = 0; i < path.length; i++) {
      const c = path.charCodeAt(i);
      if (c <= 32 || c === 127) {
        ok = false;
        break;
      }
    }
    if (ok) return path;
  }
  throw new EventInputError(
    'EVENT_INVALID_PATH',
    `${where}: invalid path: ${formatValue(path)}`,
    "A request path starts with '/' and has no spaces or control characters (percent-encode them, e.g. %20).",
    { path },
  );
}

/** Checks a stage name: non-empty, no `/`. */
export function checkStage(where: string, stage: unknown): string {
  if (typeof stage === 'string' && stage !== '' && !stage.includes('/')) return stage;
  throw new EventInputError(
    'EVENT_INVALID_STAGE',
    `${where}: invalid stage name: ${formatValue(stage)}`,
    "Pass the stage name without slashes, e.g. 'dev' (HTTP APIs also accept '$default').",
    { stage },
  );
}

/** Checks a map of string values (stage variables, authorizer claims…); `null`/`undefined`/`{}` give `null`. */
export function checkStringMap(where: string, what: string, value: unknown): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !Array.isArray(value)) {
    let empty = true;
    for (const key in value as Record<string, unknown>) {
      empty = false;
      if (typeof (value as Record<string, unknown>)[key] !== 'string') {
        throw new EventInputError(
          'EVENT_INVALID_STRING_MAP',
          `${where}: ${what}.${key} is not a string: ${formatText((value as Record<string, unknown>)[key])}`,
          `Every value of ${what} is a string in API Gateway events; convert it with String(…).`,
          { key },
        );
      }
    }
    return empty ? null : { ...(value as Record<string, string>) };
  }
  throw new EventInputError(
    'EVENT_INVALID_STRING_MAP',
    `${where}: ${what} must be an object of strings, got ${Array.isArray(value) ? 'an array' : typeof value}`,
    `Pass ${what} as { name: 'value' }.`,
  );
}
