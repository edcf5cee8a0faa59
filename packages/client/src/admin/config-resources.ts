/**
 * describeConfigs and incrementalAlterConfigs (KIP-339) for topics and brokers. Topic resources go
 * to the controller; a broker's own configs go to that broker (its static and dynamic settings are
 * its own), as Kafka's AdminClient routes them. Kafka's enum codes are named here
 * (ConfigResource.Type, ConfigEntry.ConfigSource, ConfigDef.Type, AlterConfigOp.OpType).
 */
import { ApiKey, ErrorCode } from '@tarn/protocol';
import { itemError, type AdminCallOptions, type AdminContext, type ItemResult } from './admin-context';

export const ConfigResourceType = { UNKNOWN: 0, TOPIC: 2, BROKER: 4, BROKER_LOGGER: 8, CLIENT_METRICS: 16, GROUP: 32 } as const;
export type ConfigResourceTypeName = keyof typeof ConfigResourceType;

export const CONFIG_SOURCES = [
  'UNKNOWN',
  'DYNAMIC_TOPIC_CONFIG',
  'DYNAMIC_BROKER_CONFIG',
  'DYNAMIC_DEFAULT_BROKER_CONFIG',
  'STATIC_BROKER_CONFIG',
  'DEFAULT_CONFIG',
  'DYNAMIC_BROKER_LOGGER_CONFIG',
  'CLIENT_METRICS_CONFIG',
  'GROUP_CONFIG',
] as const;
export type ConfigSourceName = (typeof CONFIG_SOURCES)[number];
export const CONFIG_TYPES = ['UNKNOWN', 'BOOLEAN', 'STRING', 'INT', 'SHORT', 'LONG', 'DOUBLE', 'LIST', 'CLASS', 'PASSWORD'] as const;
export type ConfigTypeName = (typeof CONFIG_TYPES)[number];
export const AlterConfigOpType = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;
export type AlterConfigOpName = keyof typeof AlterConfigOpType;

export interface ConfigResource {
  type: ConfigResourceTypeName;
  /** The topic name, or the broker id as a string ('' for the cluster-wide broker default). */
  name: string;
}

export interface ConfigEntry {
  name: string;
  /** null for sensitive values (passwords) and unset ones. */
  value: string | null;
  source: ConfigSourceName;
  isDefault: boolean;
  isReadOnly: boolean;
  isSensitive: boolean;
  type: ConfigTypeName;
  documentation: string | null;
  synonyms: { name: string; value: string | null; source: ConfigSourceName }[];
}

export interface ConfigResult<V> extends ItemResult<V> {
  resource: ConfigResource;
}

const keyOf = (r: ConfigResource): string => `${r.type}:${r.name}`;

/** Where a resource's request goes: a broker's configs to that broker, the rest to the controller. */
async function targetOf(ctx: AdminContext, r: ConfigResource): Promise<number> {
  if ((r.type === 'BROKER' || r.type === 'BROKER_LOGGER') && r.name !== '') return Number(r.name);
  return ctx.controller();
}

/** Resources grouped by target broker, so each broker gets one request. */
async function byTarget(ctx: AdminContext, resources: readonly ConfigResource[]): Promise<Map<number, ConfigResource[]>> {
  const out = new Map<number, ConfigResource[]>();
  for (const r of resources) {
    const id = await targetOf(ctx, r);
    out.set(id, [...(out.get(id) ?? []), r]);
  }
  return out;
}

export async function describeConfigs(
  ctx: AdminContext,
  resources: readonly ConfigResource[],
  options: AdminCallOptions & { includeSynonyms?: boolean; includeDocumentation?: boolean; configNames?: string[] } = {},
): Promise<ConfigResult<ConfigEntry[]>[]> {
  const deadline = ctx.deadline(options);
  const byKey = new Map(resources.map((r) => [keyOf(r), r]));
  const results = await ctx.perItem<ConfigEntry[]>('describeConfigs', [...byKey.keys()], deadline, async (keys) => {
    const out = new Map<string, ItemResult<ConfigEntry[]>>();
    for (const [broker, group] of await byTarget(
      ctx,
      keys.map((k) => byKey.get(k)!),
    )) {
      const r = await ctx.cluster.request(broker, ApiKey.DescribeConfigs, (v) => ({
        resources: group.map((res) => ({
          resourceType: ConfigResourceType[res.type],
          resourceName: res.name,
          configurationKeys: options.configNames ?? null,
        })),
        includeSynonyms: v >= 1 ? (options.includeSynonyms ?? false) : false,
        includeDocumentation: v >= 3 ? (options.includeDocumentation ?? false) : false,
      }));
      for (const res of r.results) {
        const type = (Object.entries(ConfigResourceType).find(([, code]) => code === res.resourceType)?.[0] ??
          'UNKNOWN') as ConfigResourceTypeName;
        out.set(keyOf({ type, name: res.resourceName }), {
          value:
            res.errorCode === ErrorCode.NONE
              ? res.configs.map((c) => ({
                  name: c.name,
                  value: c.value,
                  source: CONFIG_SOURCES[c.configSource] ?? 'UNKNOWN',
                  isDefault: c.isDefault || c.configSource === 5,
                  isReadOnly: c.readOnly,
                  isSensitive: c.isSensitive,
                  type: CONFIG_TYPES[c.configType] ?? 'UNKNOWN',
                  documentation: c.documentation,
                  synonyms: c.synonyms.map((s) => ({ name: s.name, value: s.value, source: CONFIG_SOURCES[s.source] ?? 'UNKNOWN' })),
                }))
              : null,
          error: itemError(res.errorCode, `${type} ${res.resourceName}`, res.errorMessage),
        });
      }
    }
    return out;
  });
  return resources.map((resource) => ({ resource, ...results.get(keyOf(resource))! }));
}

export interface AlterConfigOp {
  name: string;
  /** SET (default), DELETE (back to the default), APPEND / SUBTRACT (list configs). */
  op?: AlterConfigOpName;
  value?: string | null;
}

export async function incrementalAlterConfigs(
  ctx: AdminContext,
  changes: readonly { resource: ConfigResource; ops: readonly AlterConfigOp[] }[],
  options: AdminCallOptions & { validateOnly?: boolean } = {},
): Promise<ConfigResult<true>[]> {
  const deadline = ctx.deadline(options);
  const byKey = new Map(changes.map((c) => [keyOf(c.resource), c]));
  const results = await ctx.perItem<true>('incrementalAlterConfigs', [...byKey.keys()], deadline, async (keys) => {
    const out = new Map<string, ItemResult<true>>();
    for (const [broker, group] of await byTarget(
      ctx,
      keys.map((k) => byKey.get(k)!.resource),
    )) {
      const r = await ctx.cluster.request(broker, ApiKey.IncrementalAlterConfigs, {
        resources: group.map((res) => ({
          resourceType: ConfigResourceType[res.type],
          resourceName: res.name,
          configs: byKey.get(keyOf(res))!.ops.map((op) => ({
            name: op.name,
            configOperation: AlterConfigOpType[op.op ?? 'SET'],
            value: op.value ?? null,
          })),
        })),
        validateOnly: options.validateOnly ?? false,
      });
      for (const res of r.responses) {
        const res0 = group.find((g) => g.name === res.resourceName && ConfigResourceType[g.type] === res.resourceType);
        if (res0 === undefined) continue;
        out.set(keyOf(res0), {
          value: res.errorCode === ErrorCode.NONE ? true : null,
          error: itemError(res.errorCode, `${res0.type} ${res.resourceName}`, res.errorMessage),
        });
      }
    }
    return out;
  });
  for (const c of changes) if (c.resource.type === 'TOPIC') ctx.cluster.invalidateTopic(c.resource.name);
  return changes.map((c) => ({ resource: c.resource, ...results.get(keyOf(c.resource))! }));
}
