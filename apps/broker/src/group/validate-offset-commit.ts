/**
 * Who may commit offsets to a group (Kafka's GroupCoordinator.validateOffsetCommit), shared by
 * OffsetCommit and TxnOffsetCommit. A commit naming a generation, member or instance comes from a
 * member and is checked as one (KIP-447 brought these fields to TxnOffsetCommit v3, so a
 * transactional producer is fenced like the consumer it commits for); a commit naming none comes
 * from outside group management, which an Empty group accepts. Transactional commits without member
 * fields are accepted whatever the group's state: TxnOffsetCommit before v3 has no such fields.
 */
import { ErrorCode } from '@tarn/protocol';
import type { GroupMetadata } from './group-metadata';
import { validateCurrentMember } from './validate-current-member';

export function validateOffsetCommit(
  group: GroupMetadata,
  generationId: number,
  memberId: string,
  groupInstanceId: string | null,
  isTransactional: boolean,
): number | null {
  if (group.is('Dead')) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
  if (generationId >= 0 || memberId !== '' || groupInstanceId !== null) {
    return (
      validateCurrentMember(group, memberId, groupInstanceId) ?? (generationId !== group.generationId ? ErrorCode.ILLEGAL_GENERATION : null)
    );
  }
  if (!isTransactional && !group.is('Empty')) return ErrorCode.UNKNOWN_MEMBER_ID; // only members commit while a group has them
  return null;
}
