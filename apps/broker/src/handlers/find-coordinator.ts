// FindCoordinator v0-3. v0 looks up a group's coordinator (the key is the group id); v1 adds
// key_type (0 group, 1 transaction), throttle_time_ms and error_message; v2 is the same as v1; v3 is
// flexible (v4's batched keys are not served). The coordinator of a group is the leader of its
// __consumer_offsets partition; the topic is created on first need — locally and at once, so the
// first lookup is answered instead of COORDINATOR_NOT_AVAILABLE-and-retry. Transactions are not
// supported yet: key_type 1 gets TRANSACTIONAL_ID_AUTHORIZATION_FAILED; other key types are
// INVALID_REQUEST. Like Kafka 2.x/3.x on the wire, error_message is null on success.
import { ApiKey, ERRORS, ErrorCode, FindCoordinatorResponseTypes } from '@tarn/protocol';
import { GROUP_METADATA_TOPIC_NAME } from '../metadata/topic-name';
import { defineHandler } from '../server/handler';

const GROUP = 0;
const TRANSACTION = 1;

function answer(code: number, message: string | null, node = { nodeId: -1, host: '', port: -1 }): FindCoordinatorResponseTypes.FindCoordinatorResponse {
  return { ...FindCoordinatorResponseTypes.defaultFindCoordinatorResponse(), errorCode: code, errorMessage: message, ...node };
}

const failed = (code: number, message?: string) => answer(code, message ?? ERRORS.get(code)?.message ?? null);

export const findCoordinator = defineHandler({
  apiKey: ApiKey.FindCoordinator,
  minVersion: 0,
  maxVersion: 3,
  async handle(ctx, req) {
    const { broker } = ctx;
    const keyType = ctx.apiVersion >= 1 ? req.keyType : GROUP;
    if (keyType === TRANSACTION) return failed(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, 'tarn does not support transactions yet');
    if (keyType !== GROUP) return failed(ErrorCode.INVALID_REQUEST, `Unknown coordinator type received: ${keyType}`);
    const coordinator = broker.groupCoordinator;
    try {
      await coordinator.offsetsTopic.ensure();
    } catch (err) {
      broker.logger.warn({ err: String(err) }, `cannot create ${GROUP_METADATA_TOPIC_NAME}`);
      return failed(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    }
    const state = broker.metadata.topic(GROUP_METADATA_TOPIC_NAME)?.partitions[coordinator.partitionFor(req.key)];
    const leader = broker.liveBrokers(ctx.connection.listenerName).find((b) => b.nodeId === state?.leader);
    if (leader === undefined) return failed(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    return answer(ErrorCode.NONE, null, { nodeId: leader.nodeId, host: leader.host, port: leader.port });
  },
  errorResponse: (_req, code, message) => failed(code, message),
});
