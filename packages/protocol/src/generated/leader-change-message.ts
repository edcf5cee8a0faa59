// generated — do not edit. Source: shared/kafka-protocol/messages/LeaderChangeMessage.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { MessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * LeaderChangeMessage (data); versions 0-1; flexible 0+.
 */
export interface LeaderChangeMessage {
  /** The version of the leader change message */
  version: number;
  /** The ID of the newly elected leader */
  leaderId: number;
  /** The set of voters in the quorum for this epoch */
  voters: Voter[];
  /** The voters who voted for the leader at the time of election */
  grantingVoters: Voter[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * Voter (common struct): versions 0-1.
 */
export interface Voter {
  /** VoterId */
  voterId: number;
  /** The directory id of the voter (versions 1+) */
  voterDirectoryId: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for LeaderChangeMessage: `read` and `write` its body at a given version. */
export const LeaderChangeMessage = {
  type: 'data',
  name: 'LeaderChangeMessage',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readLeaderChangeMessage,
  write: writeLeaderChangeMessage,
} as const satisfies MessageCodec<LeaderChangeMessage>;

function readLeaderChangeMessage(r: Reader, v: number): LeaderChangeMessage {
  checkVersion(v, 0, 1, 'LeaderChangeMessage');
  const o: LeaderChangeMessage = {
    version: r.int16(),
    leaderId: r.int32(),
    voters: readArray(r, true, v, readVoter),
    grantingVoters: readArray(r, true, v, readVoter),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeLeaderChangeMessage(w: Writer, v: number, o: LeaderChangeMessage): void {
  checkVersion(v, 0, 1, 'LeaderChangeMessage');
  w.int16(o.version);
  w.int32(o.leaderId);
  writeArray(w, true, v, o.voters, writeVoter);
  writeArray(w, true, v, o.grantingVoters, writeVoter);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readVoter(r: Reader, v: number): Voter {
  const o: Voter = {
    voterId: r.int32(),
    voterDirectoryId: v === 1 ? r.uuid() : ZERO_UUID,
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeVoter(w: Writer, v: number, o: Voter): void {
  w.int32(o.voterId);
  if (v === 1) w.uuid(o.voterDirectoryId);
  else if (o.voterDirectoryId !== ZERO_UUID) throw nonDefault('Voter.voterDirectoryId', v);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** LeaderChangeMessage with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaderChangeMessage(): LeaderChangeMessage {
  return {
    version: 0,
    leaderId: 0,
    voters: [],
    grantingVoters: [],
  };
}

/** Voter with every field at its default (Kafka's no-argument constructor). */
export function defaultVoter(): Voter {
  return {
    voterId: 0,
    voterDirectoryId: ZERO_UUID,
  };
}
