/**
 * One member of a classic group (Kafka's MemberMetadata): identity, timeouts, the protocols it
 * supports with their metadata, its current assignment, and the JoinGroup / SyncGroup answer it is
 * waiting for. A member with a parked JoinGroup or SyncGroup needs no heartbeat; a new member (not
 * yet through a rebalance) does, because it cannot heartbeat before it knows its member id.
 */
import type { JoinGroupResponseTypes } from '@tarn/protocol';

export interface Protocol {
  name: string;
  metadata: Buffer;
}

export interface JoinGroupResult {
  members: JoinGroupResponseTypes.JoinGroupResponseMember[];
  memberId: string;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leaderId: string;
  skipAssignment: boolean;
  error: number;
}

export interface SyncGroupResult {
  protocolType: string | null;
  protocolName: string | null;
  assignment: Buffer;
  error: number;
}

export type JoinCallback = (result: JoinGroupResult) => void;
export type SyncCallback = (result: SyncGroupResult) => void;

const EMPTY = Buffer.alloc(0);

export class MemberMetadata {
  assignment: Buffer = EMPTY;
  awaitingJoinCallback: JoinCallback | null = null;
  awaitingSyncCallback: SyncCallback | null = null;
  isNew = false;
  heartbeatSatisfied = false;
  heartbeatTimer: NodeJS.Timeout | null = null;
  /** When this member joined the group (for the console). */
  readonly joinedAtMs = Date.now();

  constructor(
    public memberId: string,
    readonly groupInstanceId: string | null,
    public clientId: string,
    public clientHost: string,
    public rebalanceTimeoutMs: number,
    public sessionTimeoutMs: number,
    readonly protocolType: string,
    public supportedProtocols: Protocol[],
  ) {}

  get isStaticMember(): boolean {
    return this.groupInstanceId !== null;
  }

  get isAwaitingJoin(): boolean {
    return this.awaitingJoinCallback !== null;
  }

  get isAwaitingSync(): boolean {
    return this.awaitingSyncCallback !== null;
  }

  get hasSatisfiedHeartbeat(): boolean {
    if (this.isNew) return this.heartbeatSatisfied;
    if (this.isAwaitingJoin || this.isAwaitingSync) return true;
    return this.heartbeatSatisfied;
  }

  protocols(): Set<string> {
    return new Set(this.supportedProtocols.map((p) => p.name));
  }

  metadata(protocol: string): Buffer {
    const p = this.supportedProtocols.find((x) => x.name === protocol);
    if (p === undefined) throw new Error(`member ${this.memberId} does not support protocol ${protocol}`);
    return p.metadata;
  }

  /** Same protocols, in the same order, with the same metadata bytes. */
  matches(protocols: readonly Protocol[]): boolean {
    if (protocols.length !== this.supportedProtocols.length) return false;
    return protocols.every((p, i) => {
      const mine = this.supportedProtocols[i]!;
      return p.name === mine.name && p.metadata.equals(mine.metadata);
    });
  }

  /** This member's vote: its most preferred protocol among the candidates. */
  vote(candidates: ReadonlySet<string>): string {
    const p = this.supportedProtocols.find((x) => candidates.has(x.name));
    if (p === undefined) throw new Error(`member ${this.memberId} does not support any of the candidate protocols`);
    return p.name;
  }
}
