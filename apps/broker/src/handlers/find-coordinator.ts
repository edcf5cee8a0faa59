// FindCoordinator v0-6. v0 looks up a group's coordinator (the key is the group id); v1 adds
// key_type (0 group, 1 transaction), throttle_time_ms and error_message; v2 is the same as v1; v3 is
// flexible; v4 batches keys (KIP-699): coordinator_keys in, one `coordinators` entry per key out,
// each with its own error; v5 only allows the TRANSACTION_ABORTABLE error (KIP-890), which tarn never
// sends; v6 adds key type 2, share groups (KIP-932), which tarn does not have: INVALID_REQUEST.
// The coordinator of a group is the leader of its __consumer_offsets partition, that of a
// transactional id the leader of its __transaction_state partition; the topic is created on first
// need — locally and at once, so the first lookup is answered instead of
// COORDINATOR_NOT_AVAILABLE-and-retry. Other key types are INVALID_REQUEST. Like Kafka on the wire,
// error_message is null on success. With an authorizer (KafkaApis.getCoordinator, per key in v4+):
// a group key needs DESCRIBE on the group (else GROUP_AUTHORIZATION_FAILED), a transaction key
// DESCRIBE on the transactional id (else TRANSACTIONAL_ID_AUTHORIZATION_FAILED), checked first.
import { ApiKey, ERRORS, ErrorCode, FindCoordinatorResponseTypes, type FindCoordinatorRequestTypes } from '@tarn/protocol';
import { GROUP_METADATA_TOPIC_NAME, TRANSACTION_STATE_TOPIC_NAME } from '../metadata/topic-name';
import { AclOperation, ResourceType, authorized, authorizedGroup } from './authorize';
import { defineHandler, type RequestContext } from './handler';

type Response = FindCoordinatorResponseTypes.FindCoordinatorResponse;
type Coordinator = Omit<FindCoordinatorResponseTypes.Coordinator, 'key'>;

const GROUP = 0;
const TRANSACTION = 1;
const BATCHED_VERSION = 4;

function failed(code: number, message?: string): Coordinator {
  return { nodeId: -1, host: '', port: -1, errorCode: code, errorMessage: message ?? ERRORS.get(code)?.message ?? null };
}

async function lookup(ctx: RequestContext, keyType: number, key: string): Promise<Coordinator> {
  const { services } = ctx;
  if (keyType === GROUP && !authorizedGroup(ctx, AclOperation.DESCRIBE, key)) return failed(ErrorCode.GROUP_AUTHORIZATION_FAILED);
  if (keyType === TRANSACTION && !authorized(ctx, AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, key))
    return failed(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
  if (keyType !== GROUP && keyType !== TRANSACTION)
    return failed(ErrorCode.INVALID_REQUEST, `Unknown coordinator type received: ${keyType}`);
  const internal =
    keyType === GROUP
      ? {
          name: GROUP_METADATA_TOPIC_NAME,
          topic: services.groupCoordinator.offsetsTopic,
          partitionFor: () => services.groupCoordinator.partitionFor(key),
        }
      : {
          name: TRANSACTION_STATE_TOPIC_NAME,
          topic: services.transactions.topic,
          partitionFor: () => services.transactions.topic.partitionFor(key),
        };
  try {
    await internal.topic.ensure();
  } catch (err) {
    services.logger.warn({ err: String(err) }, `cannot create ${internal.name}`);
    return failed(ErrorCode.COORDINATOR_NOT_AVAILABLE);
  }
  const state = services.metadata.topic(internal.name)?.partitions[internal.partitionFor()];
  const leader = services.liveBrokers(ctx.connection.listenerName).find((b) => b.nodeId === state?.leader);
  if (leader === undefined) return failed(ErrorCode.COORDINATOR_NOT_AVAILABLE);
  return { nodeId: leader.nodeId, host: leader.host, port: leader.port, errorCode: ErrorCode.NONE, errorMessage: null };
}

function single(c: Coordinator): Response {
  return { ...FindCoordinatorResponseTypes.defaultFindCoordinatorResponse(), ...c };
}

function batched(keys: string[], each: (key: string) => Coordinator): Response {
  return {
    ...FindCoordinatorResponseTypes.defaultFindCoordinatorResponse(),
    coordinators: keys.map((key) => ({ ...FindCoordinatorResponseTypes.defaultCoordinator(), key, ...each(key) })),
  };
}

export const findCoordinator = defineHandler({
  apiKey: ApiKey.FindCoordinator,
  minVersion: 0,
  maxVersion: 6,
  async handle(ctx, req: FindCoordinatorRequestTypes.FindCoordinatorRequest) {
    const keyType = ctx.apiVersion >= 1 ? req.keyType : GROUP;
    if (ctx.apiVersion < BATCHED_VERSION) return single(await lookup(ctx, keyType, req.key));
    const found = new Map<string, Coordinator>();
    for (const key of req.coordinatorKeys) if (!found.has(key)) found.set(key, await lookup(ctx, keyType, key));
    return batched(req.coordinatorKeys, (key) => found.get(key)!);
  },
  errorResponse: (req, code, message, apiVersion) =>
    apiVersion < BATCHED_VERSION ? single(failed(code, message)) : batched(req.coordinatorKeys, () => failed(code, message)),
});
