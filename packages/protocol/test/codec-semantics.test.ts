// Hand-built byte vectors for what the Kafka 2.1.1 fixtures cannot show (flexible versions: compact
// encodings, tagged fields, nullable structs), and Kafka's rules for defaults, ignorable fields and
// unknown tagged fields.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiVersionsResponse } from '../src/generated/api-versions-response';
import { DescribeTopicPartitionsRequest } from '../src/generated/describe-topic-partitions-request';
import { FetchResponse } from '../src/generated/fetch-response';
import { ProduceRequest } from '../src/generated/produce-request';
import { OffsetCommitValue } from '../src/generated/coordinator/offset-commit-value';
import type { MessageCodec } from '../src/wire/message-codec';
import { Reader } from '../src/wire/reader';
import { type RawTaggedField, writeTaggedFields } from '../src/wire/tagged-fields';
import { UnsupportedVersionError } from '../src/wire/unsupported-version-error';
import { Writer } from '../src/wire/writer';

/** Hex bytes; `#` starts a comment that runs to the end of the line. */
const hex = (s: string): Buffer => Buffer.from(s.replace(/#.*$/gm, '').replace(/\s+/g, ''), 'hex');

function encode<T>(codec: MessageCodec<T>, version: number, value: T): Buffer {
  const w = new Writer();
  codec.write(w, version, value);
  return w.toBuffer();
}

function decode<T>(codec: MessageCodec<T>, version: number, bytes: Buffer): T {
  const r = new Reader(bytes);
  const value = codec.read(r, version);
  assert.equal(r.remaining, 0);
  return value;
}

describe('flexible versions', () => {
  it('ApiVersionsResponse v3: compact array, tagged fields in tag order, unknown tags kept', () => {
    const value: ApiVersionsResponse = {
      errorCode: 0,
      apiKeys: [{ apiKey: 0, minVersion: 0, maxVersion: 9 }],
      throttleTimeMs: 0,
      supportedFeatures: [],
      finalizedFeaturesEpoch: 5n,
      finalizedFeatures: [],
      zkMigrationReady: true,
      unknownTaggedFields: [{ tag: 7, data: hex('aabb') }],
    };
    const bytes = hex(`
      0000                                  # error_code
      02 0000 0000 0009 00                  # api_keys: 1 entry + its empty tag section
      00000000                              # throttle_time_ms
      03                                    # 3 tagged fields (supported_features is at its default: omitted)
      01 08 0000000000000005                # tag 1 finalized_features_epoch
      03 01 01                              # tag 3 zk_migration_ready
      07 02 aabb                            # tag 7, unknown
    `);
    assert.deepEqual(encode(ApiVersionsResponse, 3, value), bytes);
    assert.deepEqual(decode(ApiVersionsResponse, 3, bytes), value);
  });

  it('FetchResponse v12: tagged struct written only when it differs from its default', () => {
    const records = hex('010203');
    const partition: FetchResponse['responses'][number]['partitions'][number] = {
      partitionIndex: 0,
      errorCode: 0,
      highWatermark: 10n,
      lastStableOffset: 10n,
      logStartOffset: 0n,
      divergingEpoch: { epoch: -1, endOffset: -1n },
      currentLeader: { leaderId: 1, leaderEpoch: 2 },
      snapshotId: { endOffset: -1n, epoch: -1 },
      abortedTransactions: null,
      preferredReadReplica: -1,
      records,
    };
    const value: FetchResponse = {
      throttleTimeMs: 0,
      errorCode: 0,
      sessionId: 0,
      responses: [{ topic: 't', topicId: 'AAAAAAAAAAAAAAAAAAAAAA', partitions: [partition] }],
      nodeEndpoints: [],
    };
    const bytes = hex(`
      00000000 0000 00000000                # throttle, error, session
      02 0274                               # responses: 1 topic "t"
      02                                    # partitions: 1
      00000000 0000                         # index, error
      000000000000000a 000000000000000a 0000000000000000
      00                                    # aborted_transactions: null
      ffffffff                              # preferred_read_replica
      04 010203                             # records
      01 01 09 00000001 00000002 00         # tag 1 current_leader
      00 00                                 # topic and response tag sections
    `);
    const w = new Writer();
    FetchResponse.write(w, 12, value);
    const chunks = w.finish();
    assert.ok(chunks.includes(records), 'records are referenced, not copied');
    assert.deepEqual(Buffer.concat(chunks), bytes);
    assert.deepEqual(decode(FetchResponse, 12, bytes), value);
  });

  it('nullable struct fields carry an int8 marker', () => {
    const base = { topics: [{ name: 'a' }], responsePartitionLimit: 2000 };
    const withCursor: DescribeTopicPartitionsRequest = { ...base, cursor: { topicName: 'b', partitionIndex: 1 } };
    const noCursor: DescribeTopicPartitionsRequest = { ...base, cursor: null };
    const present = hex('02 0261 00 000007d0 01 0262 00000001 00 00');
    const absent = hex('02 0261 00 000007d0 ff 00');
    assert.deepEqual(encode(DescribeTopicPartitionsRequest, 0, withCursor), present);
    assert.deepEqual(encode(DescribeTopicPartitionsRequest, 0, noCursor), absent);
    assert.deepEqual(decode(DescribeTopicPartitionsRequest, 0, present), withCursor);
    assert.deepEqual(decode(DescribeTopicPartitionsRequest, 0, absent), noCursor);
  });

  it('merges unknown tagged fields around known ones by tag', () => {
    const unknown: RawTaggedField[] = [
      { tag: 1, data: hex('11') },
      { tag: 3, data: hex('33') },
    ];
    const w = new Writer();
    writeTaggedFields(w, [[2, (tw) => tw.int8(0x22)]], unknown);
    assert.deepEqual(w.toBuffer(), hex('03 0101 11 0201 22 0301 33'));
    assert.throws(() => writeTaggedFields(new Writer(), [[1, (tw) => tw.int8(0)]], unknown), UnsupportedVersionError);
  });
});

describe('defaults and versions', () => {
  const produce: ProduceRequest = { transactionalId: null, acks: 1, timeoutMs: 100, topicData: [] };

  it('fields absent from a version decode to their schema default', () => {
    const v2 = decode(ProduceRequest, 2, hex('0001 00000064 00000000'));
    assert.deepEqual(v2, produce);
    const commit = decode(OffsetCommitValue, 0, hex('0000000000000005 0000 0000000000000007'));
    assert.deepEqual(commit, { offset: 5n, leaderEpoch: -1, metadata: '', commitTimestamp: 7n, expireTimestamp: -1n });
  });

  it('refuses a non-default value a version cannot carry, unless the field is ignorable', () => {
    assert.throws(() => encode(ProduceRequest, 2, { ...produce, transactionalId: 'tx' }), UnsupportedVersionError);
    const commit: OffsetCommitValue = { offset: 5n, leaderEpoch: 3, metadata: '', commitTimestamp: 7n, expireTimestamp: 9n };
    // leaderEpoch (3+) and expireTimestamp (1 only) are ignorable: silently dropped at v0.
    assert.deepEqual(encode(OffsetCommitValue, 0, commit), hex('0000000000000005 0000 0000000000000007'));
  });

  it('refuses unknown tagged fields in a version without tagged fields', () => {
    const tagged = { ...produce, unknownTaggedFields: [{ tag: 9, data: hex('00') }] };
    assert.throws(() => encode(ProduceRequest, 8, tagged), UnsupportedVersionError);
    assert.doesNotThrow(() => encode(ProduceRequest, 9, tagged));
  });

  it('refuses versions outside the schema', () => {
    assert.throws(() => encode(ProduceRequest, 12, produce), UnsupportedVersionError);
    assert.throws(() => ProduceRequest.read(new Reader(hex('00')), -1), UnsupportedVersionError);
  });

  it('refuses null where the version does not allow it', () => {
    const value = { ...produce, topicData: [{ name: 't', partitionData: [{ index: 0, records: null }] }] };
    assert.doesNotThrow(() => encode(ProduceRequest, 3, value), 'records are nullable in every version');
    assert.throws(
      () => encode(ApiVersionsResponse, 0, { ...decode(ApiVersionsResponse, 0, hex('0000 00000000')), apiKeys: null as never }),
      TypeError,
    );
  });
});
