export { type ExportOptions, exportOpenApi } from './export/export-openapi.js';
export {
  type DefinitionDescription,
  describeDefinition,
  importDefinition,
  importOpenApi,
  importTemplate,
} from './import-definition.js';
export { formatRouteTable } from './route-table.js';
export type {
  DefinitionImport,
  DefinitionSource,
  ImportedApi,
  ImportOptions,
  ImportWarning,
  RouteSummary,
} from './types.js';
