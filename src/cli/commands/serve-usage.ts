import { isAbsolute, relative } from 'node:path';

/**
 * An example request a served module may export as `examples` (an array); `serve` prints each as a curl line.
 *
 * @example
 * ```js
 * export const examples = [{ title: 'List pets', path: '/pets' }, { title: 'Add a pet', method: 'POST', path: '/pets',
 *   headers: { 'x-api-key': 'demo-key-0123456789abcdef' }, body: '{"name":"Rex"}' }];
 * ```
 */
export interface ServeExample {
  title: string;
  method?: string;
  /** Path below the stage URL, e.g. `/pets/1`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface UsageInput {
  origin: string;
  cwd: string;
  file: string;
  gateway: object;
  options: Record<string, unknown> | undefined;
  examples: readonly ServeExample[];
  /** Lines describing the module's WebSocket API, printed after the HTTP examples. */
  webSocketLines?: readonly string[] | undefined;
}

/** The banner `serve` prints once listening: where the API is, and a curl line per example or route. */
export function usageText(input: UsageInput): string {
  const { apiType, stage } = describeApi(input.gateway, input.options);
  const prefix = stage === '$default' ? '' : `/${stage}`;
  const base = `${input.origin}${prefix}`;
  const shown = relative(input.cwd, input.file);
  const lines = [
    `apigw-testkit serve: ${shown.startsWith('..') || isAbsolute(shown) ? input.file : shown} (${apiType ?? 'simulated'} API, stage ${stage})`,
    `  Listening on ${input.origin}`,
    `  Stage URL:   ${base}/`,
    '',
  ];
  const examples =
    input.examples.length > 0
      ? input.examples
      : apiType === 'WEBSOCKET'
        ? []
        : routeExamples(routeKeys(input.gateway, input.options));
  if (examples.length > 0) {
    lines.push('Try it:');
    for (const example of examples) lines.push(`  # ${example.title}`, `  ${curlLine(base, example)}`);
    lines.push('');
  }
  if (input.webSocketLines) lines.push(...input.webSocketLines);
  lines.push(
    'Each request is logged as: METHOD PATH STATUS LATENCY cache=hit|miss|- throttle=ok|throttled|quota|-',
    'Press Ctrl+C to stop.',
    '',
  );
  return lines.join('\n');
}

function describeApi(
  gateway: object,
  options: Record<string, unknown> | undefined,
): { apiType?: string; stage: string } {
  // A gateway from createGateway carries its resolved settings in `info`; otherwise read the options.
  const info = (gateway as { info?: unknown }).info;
  const source = (typeof info === 'object' && info !== null ? info : (options ?? {})) as Record<
    string,
    unknown
  >;
  const apiType = typeof source.apiType === 'string' ? source.apiType : undefined;
  const stageValue = source.stage;
  const named =
    typeof stageValue === 'string'
      ? stageValue
      : typeof stageValue === 'object' && stageValue !== null
        ? (stageValue as { name?: unknown }).name
        : undefined;
  // createGateway's defaults: REST stage "dev", HTTP API "$default" (no path prefix).
  const stage = typeof named === 'string' ? named : apiType === 'HTTP' ? '$default' : 'dev';
  return apiType === undefined ? { stage } : { apiType, stage };
}

function routeKeys(gateway: object, options: Record<string, unknown> | undefined): readonly string[] {
  const info = (gateway as { info?: { routes?: unknown } }).info;
  if (Array.isArray(info?.routes)) return info.routes.filter((r): r is string => typeof r === 'string');
  const routes = options?.routes;
  return typeof routes === 'object' && routes !== null ? Object.keys(routes) : [];
}

function routeExamples(keys: readonly string[]): ServeExample[] {
  const examples: ServeExample[] = [];
  for (const key of keys) {
    const space = key.indexOf(' ');
    if (space === -1) {
      examples.push({ title: key, path: '/' });
      continue;
    }
    const verb = key.slice(0, space);
    // Fill each {param} / {param+} with its name so the line runs as is.
    const path = key.slice(space + 1).replace(/\{([^}+]+)\+?\}/g, '$1');
    examples.push({ title: key, method: verb === 'ANY' ? 'GET' : verb, path });
  }
  return examples;
}

/** A copy-pasteable curl command (POSIX shell quoting). */
export function curlLine(base: string, example: ServeExample): string {
  const parts = ['curl', '-i'];
  const method = (example.method ?? 'GET').toUpperCase();
  if (method !== 'GET') parts.push('-X', method);
  for (const [name, value] of Object.entries(example.headers ?? {}))
    parts.push('-H', quote(`${name}: ${value}`));
  if (example.body !== undefined) parts.push('--data', quote(example.body));
  parts.push(quote(`${base}${example.path}`));
  return parts.join(' ');
}

function quote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
