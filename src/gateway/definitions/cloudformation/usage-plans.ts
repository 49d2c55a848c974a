import { createHash } from 'node:crypto';
import { child, isRecord } from '../source/pointer.js';
import { resolveValue } from './intrinsics.js';
import { apiIdFor } from './physical-ids.js';
import type { TemplateContext } from './template-context.js';

/**
 * `AWS::ApiGateway::UsagePlan`, `ApiKey` and `UsagePlanKey` resources of REST API `apiId` as `apiKeys` and
 * `usagePlans` options. A key without `Value` gets a 40-character value derived from its logical id (AWS generates
 * a random one), so tests can read it from `options.apiKeys`.
 */
export function usagePlanOptions(ctx: TemplateContext, apiId: string): Record<string, unknown> {
  const resolved = (id: string) =>
    resolveValue(ctx, ctx.resources[id]!.Properties, child('/Resources', id, 'Properties')) as Record<
      string,
      unknown
    >;
  const ofType = (type: string) =>
    Object.keys(ctx.resources).filter((id) => ctx.resources[id]!.Type === type);
  const id = apiIdFor(apiId);
  const plans = ofType('AWS::ApiGateway::UsagePlan')
    .map((planId) => ({ planId, p: resolved(planId) }))
    .filter(({ p }) => Array.isArray(p.ApiStages) && p.ApiStages.some((s) => isRecord(s) && s.ApiId === id));
  if (plans.length === 0) return {};
  const planKeys = ofType('AWS::ApiGateway::UsagePlanKey').map((k) => resolved(k));
  const keys = new Map<string, Record<string, unknown>>();
  const usagePlans = plans.map(({ planId, p }) => {
    const members = planKeys.filter((k) => k.UsagePlanId === planId).map((k) => String(k.KeyId));
    for (const keyId of members) {
      if (ctx.resources[keyId]?.Type !== 'AWS::ApiGateway::ApiKey' || keys.has(keyId)) continue;
      const k = resolved(keyId);
      keys.set(keyId, {
        id:
          keyId
            .toLowerCase()
            .replace(/[^a-z0-9]/g, '')
            .slice(0, 10) || keyId,
        value:
          typeof k.Value === 'string'
            ? k.Value
            : createHash('sha256').update(keyId).digest('base64url').slice(0, 40),
        ...(typeof k.Name === 'string' ? { name: k.Name } : {}),
        enabled: k.Enabled !== false && k.Enabled !== 'false',
      });
    }
    const throttle = isRecord(p.Throttle)
      ? { rateLimit: Number(p.Throttle.RateLimit), burstLimit: Number(p.Throttle.BurstLimit) }
      : undefined;
    const quota = isRecord(p.Quota)
      ? {
          limit: Number(p.Quota.Limit),
          period: p.Quota.Period,
          ...(p.Quota.Offset === undefined ? {} : { offset: Number(p.Quota.Offset) }),
        }
      : undefined;
    return {
      id:
        planId
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
          .slice(0, 10) || planId,
      ...(typeof p.UsagePlanName === 'string' ? { name: p.UsagePlanName } : {}),
      apiStages: (p.ApiStages as Record<string, unknown>[])
        .filter((s) => s.ApiId === id)
        .map((s) => ({ stage: String(s.Stage) })),
      ...(throttle ? { throttle } : {}),
      ...(quota ? { quota } : {}),
      keys: members.map((k) => keys.get(k)?.id).filter((k) => k !== undefined),
    };
  });
  return { apiKeys: [...keys.values()], usagePlans };
}
