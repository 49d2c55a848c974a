import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InvalidInputError } from '../../errors/families.js';
import type { FetchLike } from '../../gateway/adapters/gateway-like.js';
import { createGateway } from '../../gateway/create-gateway.js';
import type { GatewayOptions } from '../../gateway/types.js';
import type { WebSocketGateway } from '../../gateway/websocket/create-websocket-gateway.js';
import type { WebSocketGatewayOptions } from '../../gateway/websocket/websocket-types.js';
import { importOptionsOf, pickApi } from './definition-flags.js';

/** What `serve` needs of a definition file: the gateway of its API (and its WebSocket API, when it has one). */
export interface LoadedDefinition {
  gateway: FetchLike;
  options: Record<string, unknown>;
  webSocket: WebSocketGateway | undefined;
  file: string;
  /** Import warnings and notes, printed under the banner. */
  notes: string[];
}

/**
 * Imports an OpenAPI document or SAM/CloudFormation/CDK template for `serve`: handlers from `--handlers` or loaded
 * from `CodeUri` + `Handler` like `sam local`, the API chosen by `--api` (the only REST/HTTP one by default), and the
 * template's WebSocket API served beside it on the same port.
 */
export async function loadDefinition(
  path: string,
  flags: Record<string, string | boolean | string[] | undefined>,
  cwd: string,
): Promise<LoadedDefinition> {
  const file = isAbsolute(path) ? path : resolve(cwd, path);
  if (!existsSync(file)) {
    throw new InvalidInputError(
      'SERVE_MODULE_NOT_FOUND',
      `no definition at ${file}`,
      'Pass the path of an OpenAPI file or a SAM/CloudFormation template relative to the current directory',
    );
  }
  const options = await importOptionsOf('serve', flags, cwd);
  const { importDefinition } = await import('../../gateway/definitions/index.js');
  const imported = await importDefinition(file, options);
  const api = pickApi('serve', imported.apis, typeof flags.api === 'string' ? flags.api : undefined);
  const notes = api.warnings.map(
    (w) => `${w.kind === 'warning' ? 'warning' : 'note'}: ${w.pointer}: ${w.message}`,
  );
  if (api.apiType === 'WEBSOCKET') {
    const webSocket = createGateway(api.options as unknown as WebSocketGatewayOptions);
    return {
      gateway: webSocket,
      options: api.options as unknown as Record<string, unknown>,
      webSocket,
      file,
      notes,
    };
  }
  const other = imported.apis.find((a) => a.apiType === 'WEBSOCKET');
  const webSocket = other ? createGateway(other.options as unknown as WebSocketGatewayOptions) : undefined;
  const gateway = createGateway(api.options as GatewayOptions);
  return { gateway, options: api.options as unknown as Record<string, unknown>, webSocket, file, notes };
}
