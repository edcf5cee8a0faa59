/**
 * The grant form: what the user typed, the binding it stands for, and what the form can tell
 * before asking the broker (a name, a `Type:name` principal, an operation the resource type has).
 * Everything else — Kafka's own refusals, warnings, the notation — comes from `acls.preview`.
 */
import type { AclBindingInput } from '../../lib/types';
import { OPERATIONS, RESOURCE_TYPES } from './url-state';

export type GrantField = 'principal' | 'permission' | 'operation' | 'resourceType' | 'patternType' | 'resourceName' | 'host';
export type GrantErrors = Partial<Record<GrantField | 'form', string>>;

export interface GrantDraft {
  principal: string;
  permission: 'ALLOW' | 'DENY';
  operation: (typeof OPERATIONS)[number];
  resourceType: (typeof RESOURCE_TYPES)[number];
  patternType: 'LITERAL' | 'PREFIXED';
  resourceName: string;
  host: string;
}

export const CLUSTER_NAME = 'kafka-cluster';

export function emptyGrant(prefill: Partial<GrantDraft> = {}): GrantDraft {
  const resourceType = prefill.resourceType ?? 'TOPIC';
  return {
    principal: 'User:',
    permission: 'ALLOW',
    operation: 'READ',
    patternType: 'LITERAL',
    resourceName: resourceType === 'CLUSTER' ? CLUSTER_NAME : '',
    host: '*',
    ...prefill,
    resourceType,
  };
}

/**
 * The draft after choosing another resource type: the operation falls back to the type's first
 * when it does not apply, and the cluster's one name is filled in.
 */
export function withResourceType(
  d: GrantDraft,
  type: GrantDraft['resourceType'],
  operationsOf: (type: string) => readonly string[],
): GrantDraft {
  const ops = operationsOf(type);
  const operation = ops.includes(d.operation) ? d.operation : ((ops[0] ?? 'ALL') as GrantDraft['operation']);
  const resourceName = type === 'CLUSTER' ? CLUSTER_NAME : d.resourceType === 'CLUSTER' ? '' : d.resourceName;
  return { ...d, resourceType: type, operation, resourceName };
}

/** The binding the draft stands for, or the first problem of each field. */
export function grantInput(
  d: GrantDraft,
  operationsOf?: (type: string) => readonly string[],
): { input: AclBindingInput | null; errors: GrantErrors } {
  const errors: GrantErrors = {};
  const principal = d.principal.trim();
  const colon = principal.indexOf(':');
  if (principal === '' || principal === 'User:') errors.principal = 'Name the principal, e.g. User:alice (User:* is everyone).';
  else if (colon < 0) errors.principal = `A principal is Type:name — did you mean User:${principal}?`;
  // names are kept as typed (a group id may hold spaces); only an empty one is refused
  const name = d.resourceName;
  if (name.trim() === '')
    errors.resourceName =
      d.patternType === 'PREFIXED' ? 'Give the prefix names must start with.' : 'Name the resource, or * for every one of its type.';
  if (d.host.trim() === '') errors.host = 'An IP address, or * for any host.';
  const ops = operationsOf?.(d.resourceType);
  if (ops !== undefined && ops.length > 0 && !ops.includes(d.operation))
    errors.operation = `${d.operation} does not apply to ${d.resourceType}.`;
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      resourceType: d.resourceType,
      resourceName: name,
      patternType: d.patternType,
      principal,
      host: d.host.trim(),
      operation: d.operation,
      permission: d.permission,
    },
    errors,
  };
}
