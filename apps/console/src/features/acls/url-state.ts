/**
 * The URL state of /acls (see lib/url-state): the DescribeAcls filter — resource type, name,
 * pattern type, principal, operation, permission — and the page. Names and principals match
 * exactly, as Kafka's filters do; pattern type `MATCH` with a name finds every ACL that applies to
 * a resource of that name (its LITERAL ACLs, the `*` wildcard and the PREFIXED ones it starts with).
 */
import { get, int, oneOf, PAGE_SIZES, type ParamSource } from '../../lib/url-state';

export const RESOURCE_TYPES = ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN', 'USER'] as const;
export const FILTER_PATTERN_TYPES = ['ANY', 'MATCH', 'LITERAL', 'PREFIXED'] as const;
export const OPERATIONS = [
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
] as const;
export const PERMISSIONS = ['ALLOW', 'DENY'] as const;

export interface AclListParams {
  type: 'ANY' | (typeof RESOURCE_TYPES)[number];
  /** '' for any name. */
  name: string;
  pattern: (typeof FILTER_PATTERN_TYPES)[number];
  /** '' for any principal. */
  principal: string;
  op: 'ANY' | (typeof OPERATIONS)[number];
  perm: 'ANY' | (typeof PERMISSIONS)[number];
  /** 0-based here, 1-based in the URL. */
  page: number;
  size: number;
}

export function parseAclListParams(src: ParamSource): AclListParams {
  const page = int(src, 'page', 1, 1_000_000);
  const size = int(src, 'size', 1, 500);
  return {
    type: oneOf(src, 'type', ['ANY', ...RESOURCE_TYPES] as const, 'ANY'),
    name: (get(src, 'name') ?? '').slice(0, 32_767),
    pattern: oneOf(src, 'pattern', FILTER_PATTERN_TYPES, 'ANY'),
    principal: (get(src, 'principal') ?? '').slice(0, 32_767),
    op: oneOf(src, 'op', ['ANY', ...OPERATIONS] as const, 'ANY'),
    perm: oneOf(src, 'perm', ['ANY', ...PERMISSIONS] as const, 'ANY'),
    page: page !== null ? page - 1 : 0,
    size: size !== null && (PAGE_SIZES as readonly number[]).includes(size) ? size : 50,
  };
}

/** The URL changes that give `p`; defaults leave the URL. */
export function aclListChanges(p: AclListParams): Record<string, string | number | null> {
  return {
    type: p.type === 'ANY' ? null : p.type,
    name: p.name,
    pattern: p.pattern === 'ANY' ? null : p.pattern,
    principal: p.principal,
    op: p.op === 'ANY' ? null : p.op,
    perm: p.perm === 'ANY' ? null : p.perm,
    page: p.page > 0 ? p.page + 1 : null,
    size: p.size === 50 ? null : p.size,
  };
}

export function aclListInput(p: AclListParams) {
  return {
    resourceType: p.type,
    resourceName: p.name === '' ? null : p.name,
    patternType: p.pattern,
    principal: p.principal === '' ? null : p.principal,
    host: null,
    operation: p.op,
    permission: p.perm,
    page: p.page,
    pageSize: p.size,
  };
}

/** Whether any filter is set (the empty state then says nothing matched rather than that there are no ACLs). */
export function isFiltered(p: AclListParams): boolean {
  return p.type !== 'ANY' || p.name !== '' || p.pattern !== 'ANY' || p.principal !== '' || p.op !== 'ANY' || p.perm !== 'ANY';
}

/** /acls filtered to what applies to one resource (MATCH), e.g. from a topic's "Who can do what". */
export function aclsHref(filter: Partial<Pick<AclListParams, 'type' | 'name' | 'pattern' | 'principal'>>): string {
  const q = new URLSearchParams();
  if (filter.type !== undefined && filter.type !== 'ANY') q.set('type', filter.type);
  if (filter.name !== undefined && filter.name !== '') q.set('name', filter.name);
  if (filter.pattern !== undefined && filter.pattern !== 'ANY') q.set('pattern', filter.pattern);
  if (filter.principal !== undefined && filter.principal !== '') q.set('principal', filter.principal);
  const s = q.toString();
  return s === '' ? '/acls' : `/acls?${s}`;
}
