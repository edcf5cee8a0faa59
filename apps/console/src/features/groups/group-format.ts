/** Small helpers for showing groups: member ids, who owns which partition. */
import type { GroupMember } from '../../lib/types';

/** Member ids are "<client.id>-<uuid>": the start and the end are enough to tell them apart. */
export function shortId(memberId: string): string {
  return memberId.length <= 28 ? memberId : `${memberId.slice(0, 16)}…${memberId.slice(-6)}`;
}

/** "topic:partition" → the member assigned it in the current generation. */
export function partitionOwners(members: readonly GroupMember[]): Map<string, GroupMember> {
  const out = new Map<string, GroupMember>();
  for (const m of members)
    for (const [topic, parts] of Object.entries(m.assignment ?? {})) for (const p of parts) out.set(`${topic}:${p}`, m);
  return out;
}
