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
