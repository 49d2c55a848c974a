import { DefinitionError } from '../../../errors/families.js';
import { resolveValue } from '../cloudformation/intrinsics.js';
import type { TemplateContext } from '../cloudformation/template-context.js';
import { child, isRecord } from '../source/pointer.js';

/** An `Api` / `HttpApi` event of a function, resolved. */
export interface SamEvent {
  functionId: string;
  eventId: string;
  type: 'Api' | 'HttpApi';
  /** Logical id of the API it belongs to (`ServerlessRestApi` / `ServerlessHttpApi` when implicit). */
  apiId: string;
  properties: Record<string, unknown>;
  pointer: string;
}

/** Every Api/HttpApi event; one naming a missing API is a `DEFINITION_UNKNOWN_API` error at its template path. */
export function samEvents(ctx: TemplateContext): SamEvent[] {
  const out: SamEvent[] = [];
  for (const [functionId, res] of Object.entries(ctx.resources)) {
    if (res.Type !== 'AWS::Serverless::Function' || !isRecord(res.Properties.Events)) continue;
    for (const [eventId, event] of Object.entries(res.Properties.Events)) {
      if (!isRecord(event) || (event.Type !== 'Api' && event.Type !== 'HttpApi')) continue;
      const pointer = child('/Resources', functionId, 'Properties', 'Events', eventId);
      const raw = isRecord(event.Properties) ? event.Properties : {};
      const idKey = event.Type === 'Api' ? 'RestApiId' : 'ApiId';
      const expected = event.Type === 'Api' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi';
      let apiId = event.Type === 'Api' ? 'ServerlessRestApi' : 'ServerlessHttpApi';
      const ref = raw[idKey];
      if (ref !== undefined) {
        const name = isRecord(ref) && typeof ref.Ref === 'string' ? ref.Ref : undefined;
        if (name === undefined || ctx.resources[name]?.Type !== expected) {
          throw new DefinitionError(
            'DEFINITION_UNKNOWN_API',
            `${ctx.file}#${child(pointer, 'Properties', idKey)}: ${idKey} must be a Ref to an ${expected} of this template, got ${JSON.stringify(ref)}`,
            `Declare the ${expected} and write ${idKey}: !Ref MyApi, or remove ${idKey} to use the implicit API.`,
            { file: ctx.file, pointer: child(pointer, 'Properties', idKey) },
          );
        }
        apiId = name;
      }
      const { [idKey]: _omit, ...rest } = raw;
      out.push({
        functionId,
        eventId,
        type: event.Type,
        apiId,
        properties: resolveValue(ctx, rest, child(pointer, 'Properties')) as Record<string, unknown>,
        pointer,
      });
    }
  }
  return out;
}
