/**
 * What a CreateAcls or DeleteAcls request changes, computed without changing anything, so the
 * caller can write the change to the metadata store first and apply it once it is durable (as
 * Kafka's controller turns these requests into records that every broker then replays).
 *
 * CreateAcls (AclControlManager.createAcls): each binding is validated on its own; a valid one
 * that already exists, or appears twice in the request, succeeds without adding anything. One
 * request may add at most 10,000 bindings (QuorumController.MAX_RECORDS_PER_USER_OP); beyond that
 * Kafka's controller refuses the whole batch, and every binding that passed validation is answered
 * POLICY_VIOLATION "Unable to perform excessively large batch operation.".
 *
 * DeleteAcls (AclControlManager.deleteAcls): each filter is matched against the ACLs as they were
 * before the request, so a binding two filters match is reported by both and removed once. A
 * filter with an UNKNOWN field is refused. The same 10,000 bound applies to the removals of the
 * request; the filter that would cross it fails with UNKNOWN_SERVER_ERROR and removes nothing
 * (Kafka fails that filter the same way, but has already queued some of its removals).
 */
import { ErrorCode } from '@tarn/protocol';
import { compareAclBindings, type AclBinding } from './acl';
import { aclBindingFilterMatches, type AclBindingFilter } from './acl-binding-filter';
import { aclBindingId } from './acl-record';
import { validateAclBinding, validateAclBindingFilter, type AclApiError } from './acl-validation';

/** QuorumController.MAX_RECORDS_PER_USER_OP. */
export const MAX_ACL_CHANGES_PER_REQUEST = 10_000;

export type AclCreateResult = AclApiError;

export interface AclDeleteResult extends AclApiError {
  /** The bindings this filter matched (and the request removes), in DescribeAcls order. */
  readonly deleted: readonly AclBinding[];
}

export interface AclChanges {
  readonly added: readonly AclBinding[];
  /** Ids (acl-record.ts) of the bindings removed. */
  readonly removedIds: readonly string[];
}

/** What the plans read of the current ACLs. */
export interface AclSnapshot {
  has(id: string): boolean;
  entries(): Iterable<[string, AclBinding]>;
}

const OK: AclApiError = { errorCode: ErrorCode.NONE, errorMessage: null };
const TOO_MANY: AclApiError = {
  errorCode: ErrorCode.POLICY_VIOLATION,
  errorMessage: 'Unable to perform excessively large batch operation.',
};

export function planCreateAcls(current: AclSnapshot, bindings: readonly AclBinding[]): { results: AclCreateResult[]; changes: AclChanges } {
  const results: AclCreateResult[] = [];
  const added = new Map<string, AclBinding>();
  for (const binding of bindings) {
    const error = validateAclBinding(binding);
    if (error !== null) {
      results.push(error);
      continue;
    }
    const id = aclBindingId(binding);
    if (!current.has(id)) added.set(id, binding);
    results.push(OK);
  }
  if (added.size > MAX_ACL_CHANGES_PER_REQUEST) {
    return { results: results.map((r) => (r === OK ? TOO_MANY : r)), changes: { added: [], removedIds: [] } };
  }
  return { results, changes: { added: [...added.values()], removedIds: [] } };
}

export function planDeleteAcls(
  current: AclSnapshot,
  filters: readonly AclBindingFilter[],
): { results: AclDeleteResult[]; changes: AclChanges } {
  const results: AclDeleteResult[] = [];
  const removed = new Set<string>();
  for (const filter of filters) {
    const error = validateAclBindingFilter(filter);
    if (error !== null) {
      results.push({ ...error, deleted: [] });
      continue;
    }
    const matched: Array<[string, AclBinding]> = [];
    for (const [id, binding] of current.entries()) if (aclBindingFilterMatches(filter, binding)) matched.push([id, binding]);
    const fresh = matched.filter(([id]) => !removed.has(id));
    if (removed.size + fresh.length > MAX_ACL_CHANGES_PER_REQUEST) {
      results.push({ errorCode: ErrorCode.UNKNOWN_SERVER_ERROR, errorMessage: null, deleted: [] });
      continue;
    }
    for (const [id] of fresh) removed.add(id);
    results.push({ ...OK, deleted: matched.map(([, b]) => b).sort(compareAclBindings) });
  }
  return { results, changes: { added: [], removedIds: [...removed] } };
}
