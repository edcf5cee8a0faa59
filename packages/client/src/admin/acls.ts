/**
 * ACLs as Kafka's AdminClient: describeAcls / createAcls / deleteAcls with Kafka's AclBinding and
 * AclBindingFilter shapes; enum names as Kafka's (ResourceType, PatternType, AclOperation,
 * AclPermissionType).
 */
import { ApiKey, ErrorCode } from '@tarn/protocol';
import { KafkaError } from '../errors';
import { itemError, type AdminCallOptions, type AdminContext, type ItemResult } from './admin-context';

export const RESOURCE_TYPES = ['UNKNOWN', 'ANY', 'TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN', 'USER'] as const;
export const PATTERN_TYPES = ['UNKNOWN', 'ANY', 'MATCH', 'LITERAL', 'PREFIXED'] as const;
export const ACL_OPERATIONS = [
  'UNKNOWN',
  'ANY',
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
  'CREATE_TOKENS',
  'DESCRIBE_TOKENS',
  'TWO_PHASE_COMMIT',
] as const;
export const PERMISSION_TYPES = ['UNKNOWN', 'ANY', 'DENY', 'ALLOW'] as const;
export type ResourceTypeName = (typeof RESOURCE_TYPES)[number];
export type PatternTypeName = (typeof PATTERN_TYPES)[number];
export type AclOperationName = (typeof ACL_OPERATIONS)[number];
export type PermissionTypeName = (typeof PERMISSION_TYPES)[number];

export interface AclBinding {
  resourceType: ResourceTypeName;
  resourceName: string;
  patternType: PatternTypeName;
  /** `User:alice` */
  principal: string;
  /** `*` for any host. */
  host: string;
  operation: AclOperationName;
  permissionType: PermissionTypeName;
}

/** A filter: null / 'ANY' fields match anything (Kafka's AclBindingFilter). */
export interface AclBindingFilter {
  resourceType?: ResourceTypeName;
  resourceName?: string | null;
  patternType?: PatternTypeName;
  principal?: string | null;
  host?: string | null;
  operation?: AclOperationName;
  permissionType?: PermissionTypeName;
}

const code = <T extends string>(names: readonly T[], name: T): number => names.indexOf(name);
const nameOf = <T extends string>(names: readonly T[], c: number): T => names[c] ?? names[0]!;

function filterFields(f: AclBindingFilter) {
  return {
    resourceTypeFilter: code(RESOURCE_TYPES, f.resourceType ?? 'ANY'),
    resourceNameFilter: f.resourceName ?? null,
    patternTypeFilter: code(PATTERN_TYPES, f.patternType ?? 'ANY'),
    principalFilter: f.principal ?? null,
    hostFilter: f.host ?? null,
    operation: code(ACL_OPERATIONS, f.operation ?? 'ANY'),
    permissionType: code(PERMISSION_TYPES, f.permissionType ?? 'ANY'),
  };
}

export async function describeAcls(
  ctx: AdminContext,
  filter: AclBindingFilter = {},
  options: AdminCallOptions = {},
): Promise<AclBinding[]> {
  return ctx.retry('describeAcls', ctx.deadline(options), async () => {
    const r = await ctx.cluster.requestAny(ApiKey.DescribeAcls, (v) => {
      const f = filterFields(filter);
      // v0 knows literal patterns only
      return v >= 1 ? f : { ...f, patternTypeFilter: 3 };
    });
    if (r.errorCode !== ErrorCode.NONE) throw new KafkaError(r.errorCode, r.errorMessage ?? 'describeAcls');
    return r.resources.flatMap((res) =>
      res.acls.map((a) => ({
        resourceType: nameOf(RESOURCE_TYPES, res.resourceType),
        resourceName: res.resourceName,
        patternType: nameOf(PATTERN_TYPES, res.patternType),
        principal: a.principal,
        host: a.host,
        operation: nameOf(ACL_OPERATIONS, a.operation),
        permissionType: nameOf(PERMISSION_TYPES, a.permissionType),
      })),
    );
  });
}

/** One result per binding, in order. */
export async function createAcls(
  ctx: AdminContext,
  bindings: readonly AclBinding[],
  options: AdminCallOptions = {},
): Promise<(ItemResult<true> & { binding: AclBinding })[]> {
  const deadline = ctx.deadline(options);
  const keys = bindings.map((_, i) => String(i));
  const results = await ctx.perItem<true>('createAcls', keys, deadline, async (pending) => {
    const r = await ctx.toController(ApiKey.CreateAcls, {
      creations: pending.map((k) => {
        const b = bindings[Number(k)]!;
        return {
          resourceType: code(RESOURCE_TYPES, b.resourceType),
          resourceName: b.resourceName,
          resourcePatternType: code(PATTERN_TYPES, b.patternType),
          principal: b.principal,
          host: b.host,
          operation: code(ACL_OPERATIONS, b.operation),
          permissionType: code(PERMISSION_TYPES, b.permissionType),
        };
      }),
    });
    return new Map(
      pending.map((k, i) => {
        const res = r.results[i];
        const error =
          res === undefined
            ? new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, 'no answer')
            : itemError(res.errorCode, 'ACL', res.errorMessage);
        return [k, { value: error === null ? (true as const) : null, error }];
      }),
    );
  });
  return bindings.map((binding, i) => ({ binding, ...results.get(String(i))! }));
}

/** Per filter: the bindings it deleted (or the filter's error). */
export async function deleteAcls(
  ctx: AdminContext,
  filters: readonly AclBindingFilter[],
  options: AdminCallOptions = {},
): Promise<(ItemResult<AclBinding[]> & { filter: AclBindingFilter })[]> {
  const deadline = ctx.deadline(options);
  const keys = filters.map((_, i) => String(i));
  const results = await ctx.perItem<AclBinding[]>('deleteAcls', keys, deadline, async (pending) => {
    const r = await ctx.toController(ApiKey.DeleteAcls, (v) => ({
      // v0 knows literal patterns only
      filters: pending.map((k) => ({ ...filterFields(filters[Number(k)]!), ...(v === 0 ? { patternTypeFilter: 3 } : {}) })),
    }));
    return new Map(
      pending.map((k, i) => {
        const res = r.filterResults[i];
        if (res === undefined) return [k, { value: null, error: new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, 'no answer') }];
        const error = itemError(res.errorCode, 'ACL filter', res.errorMessage);
        const deleted = res.matchingAcls.map((a) => ({
          resourceType: nameOf(RESOURCE_TYPES, a.resourceType),
          resourceName: a.resourceName,
          patternType: nameOf(PATTERN_TYPES, a.patternType),
          principal: a.principal,
          host: a.host,
          operation: nameOf(ACL_OPERATIONS, a.operation),
          permissionType: nameOf(PERMISSION_TYPES, a.permissionType),
        }));
        return [k, { value: error === null ? deleted : null, error }];
      }),
    );
  });
  return filters.map((filter, i) => ({ filter, ...results.get(String(i))! }));
}
