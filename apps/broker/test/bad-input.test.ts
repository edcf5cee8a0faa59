// Bad input gets Kafka's answer — an error code, or a closed connection where Kafka closes it — and
// the broker keeps serving a second client throughout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiKey,
  ErrorCode,
  FetchRequestTypes,
  MetadataRequestTypes,
  ProduceRequestTypes,
  buildRecordBatch,
  encodeRequest,
} from '@tarn/protocol';
import { TestConnection, startBroker } from './helpers';

test('bad frames close only their own connection; bad requests get error codes', async () => {
  const { port } = await startBroker({ 'socket.request.max.bytes': String(1 << 20) });
  const witness = await TestConnection.open(port);
  const metadataRequest = {
    ...MetadataRequestTypes.defaultMetadataRequest(),
    topics: [{ ...MetadataRequestTypes.defaultMetadataRequestTopic(), name: 'bad-input' }],
  };
  // as Kafka: the request that auto-creates a topic is answered LEADER_NOT_AVAILABLE, the next one has it
  const first = await witness.request(ApiKey.Metadata, 1, metadataRequest);
  assert.equal(first.topics[0]!.errorCode, ErrorCode.LEADER_NOT_AVAILABLE);
  assert.deepEqual(first.topics[0]!.partitions, []);
  const stillServing = async () => {
    const md = await witness.request(ApiKey.Metadata, 1, metadataRequest);
    assert.equal(md.topics[0]!.errorCode, 0);
    assert.equal(md.topics[0]!.partitions.length, 1);
  };
  await stillServing();

  const closedBy = async (bytes: Buffer | Buffer[], what: string) => {
    const c = await TestConnection.open(port);
    c.write(bytes);
    await assert.doesNotReject(c.expectClosed(), `${what} closes the connection`);
    await stillServing();
  };
  const produceBody = (topic: string, partition: number, acks = 1) => ({
    ...ProduceRequestTypes.defaultProduceRequest(),
    acks,
    timeoutMs: 1000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: topic,
        partitionData: [
          { ...ProduceRequestTypes.defaultPartitionProduceData(), index: partition, records: buildRecordBatch([{ value: 'x' }]) },
        ],
      },
    ],
  });

  // garbage: a plausible size, then bytes that are no request at all
  const garbage = Buffer.alloc(64, 0xab);
  garbage.writeInt32BE(60, 0);
  await closedBy(garbage, 'garbage');
  // a frame whose body is cut short
  const frame = Buffer.concat(encodeRequest(ApiKey.Produce, 7, 1, 't', produceBody('bad-input', 0)));
  const cut = frame.subarray(0, frame.length - 20);
  cut.writeInt32BE(cut.length - 4, 0);
  await closedBy(cut, 'a truncated frame');
  // a size prefix beyond socket.request.max.bytes
  const huge = Buffer.alloc(8);
  huge.writeInt32BE((1 << 20) + 1, 0);
  await closedBy(huge, 'an oversized frame');
  const negative = Buffer.alloc(8);
  negative.writeInt32BE(-5, 0);
  await closedBy(negative, 'a negative size');
  // four zero bytes: a frame of size 0 (this once killed the broker)
  await closedBy(Buffer.alloc(4), 'a zero size');
  await closedBy(Buffer.from('0000000000000001', 'hex'), 'a zero size followed by more bytes');
  await closedBy(Buffer.from('00000003000000', 'hex'), 'a frame shorter than a request header');
  // an unknown API key
  const unknownKey = Buffer.from(
    encodeRequest(ApiKey.ApiVersions, 0, 1, 't', { clientSoftwareName: '', clientSoftwareVersion: '' })
      .map((b) => Buffer.from(b))
      .reduce((a, b) => Buffer.concat([a, b])),
  );
  unknownKey.writeInt16BE(999, 4);
  await closedBy(unknownKey, 'an unknown API key');
  // a known API at a version we do not serve
  const unsupported = Buffer.concat(encodeRequest(ApiKey.Produce, 9, 1, 't', produceBody('bad-input', 0)));
  unsupported.writeInt16BE(99, 6);
  await closedBy(unsupported, 'an unsupported version');

  // bytes after a request body are ignored, as Kafka ignores them (librdkafka 2.12+ sends some)
  const padded = Buffer.concat([...encodeRequest(ApiKey.Metadata, 12, 77, 'rdkafka', metadataRequest), Buffer.from([0, 0, 0])]);
  padded.writeInt32BE(padded.length - 4, 0);
  const paddedConn = await TestConnection.open(port);
  paddedConn.write(padded);
  const paddedAnswer = await paddedConn.readFrame(5000);
  assert.equal(paddedAnswer.readInt32BE(0), 77, 'the padded request is answered');
  paddedConn.close();

  const c = await TestConnection.open(port);
  // a partition that does not exist, and a topic that does not exist
  const res = await c.request(ApiKey.Produce, 7, produceBody('bad-input', 5));
  assert.equal(res.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  const res2 = await c.request(ApiKey.Produce, 7, produceBody('no-such-topic', 0));
  assert.equal(res2.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  // internal topics refuse client writes
  const res3 = await c.request(ApiKey.Produce, 7, produceBody('__consumer_offsets', 0));
  assert.equal(res3.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.INVALID_TOPIC_EXCEPTION);
  // acks other than -1, 0, 1
  const res4 = await c.request(ApiKey.Produce, 7, produceBody('bad-input', 0, 2));
  assert.equal(res4.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.INVALID_REQUIRED_ACKS);
  // a fetch at an offset out of range
  const fetched = await c.request(ApiKey.Fetch, 11, {
    ...FetchRequestTypes.defaultFetchRequest(),
    maxWaitMs: 0,
    minBytes: 1,
    maxBytes: 1 << 20,
    topics: [
      {
        ...FetchRequestTypes.defaultFetchTopic(),
        topic: 'bad-input',
        partitions: [{ ...FetchRequestTypes.defaultFetchPartition(), partition: 0, fetchOffset: 1000n, partitionMaxBytes: 1 << 20 }],
      },
    ],
  });
  assert.equal(fetched.responses[0]!.partitions[0]!.errorCode, ErrorCode.OFFSET_OUT_OF_RANGE);
  // a corrupt batch (bad CRC) is CORRUPT_MESSAGE and is not stored
  const body = produceBody('bad-input', 0);
  const records = body.topicData[0]!.partitionData[0]!.records!;
  records[records.length - 1] = records[records.length - 1]! ^ 0xff;
  const res5 = await c.request(ApiKey.Produce, 7, body);
  assert.equal(res5.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.CORRUPT_MESSAGE);
  c.close();

  // acks=0: no answer on success; a failure closes the connection so the client notices
  const quiet = await TestConnection.open(port);
  quiet.sendRequest(ApiKey.Produce, 7, produceBody('bad-input', 0, 0));
  await assert.rejects(quiet.readFrame(500), /timed out/);
  quiet.sendRequest(ApiKey.Produce, 7, produceBody('bad-input', 9, 0));
  await quiet.expectClosed();
  await stillServing();
  witness.close();
});
