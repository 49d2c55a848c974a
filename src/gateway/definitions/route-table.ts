import type { DefinitionDescription } from './import-definition.js';

/**
 * Formats the route tables of a described definition as aligned text columns (method, path, integration,
 * authorizer, API key), one block per API, followed by its warnings.
 *
 * @example
 * ```ts
 * import { describeDefinition, formatRouteTable } from 'apigw-testkit/definitions';
 * console.log(formatRouteTable(await describeDefinition('template.yaml')));
 * ```
 */
export function formatRouteTable(description: DefinitionDescription): string {
  const blocks = description.apis.map((api) => {
    const title = `${api.logicalId ?? api.name} (${api.apiType} API${api.stages.length > 0 ? `, stages: ${api.stages.join(', ')}` : ''})`;
    const rows = api.routes.map((r) => {
      const space = r.routeKey.indexOf(' ');
      const [method, path] =
        space < 0 ? ['*', r.routeKey] : [r.routeKey.slice(0, space), r.routeKey.slice(space + 1)];
      return [method, path, r.integration, r.authorizer, r.apiKeyRequired ? 'yes' : 'no'];
    });
    const header = ['METHOD', 'PATH', 'INTEGRATION', 'AUTHORIZER', 'API KEY'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
    const warnings = api.warnings.map(
      (w) => `  ${w.kind === 'warning' ? 'warning' : 'note'}: ${w.pointer || '/'}: ${w.message}`,
    );
    return [
      title,
      line(header),
      ...rows.map(line),
      ...(rows.length === 0 ? ['(no routes)'] : []),
      ...warnings,
    ].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
