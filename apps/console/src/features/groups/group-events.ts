/**
 * The group coordinator's events as they arrive over `live.events` (types 'group-'). The bus types
 * them loosely (`type: group-…`, any fields), so each one is checked here before the rebalance
 * timeline uses it: a completed rebalance carries the same record `groups.rebalances` returns.
 */
import { z } from 'zod';
import type { RebalanceRecord } from '../../lib/types';

const partitionsByTopic = z.record(z.string(), z.array(z.number()));
const memberChange = z.object({
  memberId: z.string(),
  groupInstanceId: z.string().nullable(),
  clientId: z.string(),
  reason: z.string(),
  timeMs: z.number(),
});

const rebalanceCompleted = z.object({
  type: z.literal('group-rebalance-completed'),
  group: z.string(),
  generation: z.number(),
  protocolType: z.string().nullable(),
  protocol: z.string().nullable(),
  leader: z.string().nullable(),
  startedAtMs: z.number(),
  completedAtMs: z.number(),
  durationMs: z.number(),
  cause: z.string(),
  reason: z.string(),
  joined: z.array(memberChange),
  left: z.array(memberChange),
  members: z.array(
    z.object({
      memberId: z.string(),
      groupInstanceId: z.string().nullable(),
      clientId: z.string(),
      clientHost: z.string(),
      assignment: partitionsByTopic.nullable(),
    }),
  ),
  diff: z.record(z.string(), z.object({ added: partitionsByTopic, removed: partitionsByTopic })),
});

const rebalanceStarted = z.object({
  type: z.literal('group-rebalance-started'),
  group: z.string(),
  generation: z.number(),
  cause: z.string(),
  reason: z.string(),
});
const memberJoined = z.object({
  type: z.literal('group-member-joined'),
  group: z.string(),
  memberId: z.string(),
  clientId: z.string(),
  reason: z.string(),
});
const memberLeft = z.object({
  type: z.literal('group-member-left'),
  group: z.string(),
  memberId: z.string(),
  clientId: z.string(),
  reason: z.string(),
});

export const groupEvent = z.discriminatedUnion('type', [rebalanceCompleted, rebalanceStarted, memberJoined, memberLeft]);
export type GroupEvent = z.infer<typeof groupEvent>;

// compile-time probe: a parsed event is a RebalanceRecord the timeline can show
type Probe<T extends true> = T;
export type _Probe = Probe<
  Omit<Extract<GroupEvent, { type: 'group-rebalance-completed' }>, 'type' | 'group'> extends RebalanceRecord ? true : false
>;

/** The event if it is one the timeline understands, else null. */
export function parseGroupEvent(event: unknown): GroupEvent | null {
  const r = groupEvent.safeParse(event);
  return r.success ? r.data : null;
}

export function rebalanceFromEvent(e: Extract<GroupEvent, { type: 'group-rebalance-completed' }>): RebalanceRecord {
  const { type: _type, group: _group, ...record } = e;
  return record;
}

const HISTORY = 50;

/** Adds a rebalance to the history (oldest first) unless it is already there. */
export function mergeRebalance(history: readonly RebalanceRecord[] | undefined, r: RebalanceRecord): RebalanceRecord[] {
  const list = history ?? [];
  if (list.some((x) => x.generation === r.generation && x.completedAtMs === r.completedAtMs)) return list as RebalanceRecord[];
  return [...list, r].sort((a, b) => a.completedAtMs - b.completedAtMs || a.generation - b.generation).slice(-HISTORY);
}

/** A rebalance under way: started, members coming and going, no new generation yet. */
export interface PendingRebalance {
  startedAtMs: number;
  cause: string;
  reason: string;
  changes: Array<{ id: string; kind: 'joined' | 'left'; memberId: string; clientId: string; reason: string }>;
}

/** Folds an event into the rebalance under way (null once the generation completes). */
export function nextPending(pending: PendingRebalance | null, e: GroupEvent, id: string, timeMs: number): PendingRebalance | null {
  switch (e.type) {
    case 'group-rebalance-completed':
      return null;
    case 'group-rebalance-started':
      return pending ?? { startedAtMs: timeMs, cause: e.cause, reason: e.reason, changes: [] };
    case 'group-member-joined':
    case 'group-member-left': {
      const base = pending ?? {
        startedAtMs: timeMs,
        cause: e.type === 'group-member-joined' ? 'join' : 'leave',
        reason: e.reason,
        changes: [],
      };
      if (base.changes.some((c) => c.id === id)) return base;
      return {
        ...base,
        changes: [
          ...base.changes,
          { id, kind: e.type === 'group-member-joined' ? 'joined' : 'left', memberId: e.memberId, clientId: e.clientId, reason: e.reason },
        ],
      };
    }
  }
}
