// DeleteTopics v0-6. v0-3 name topics; v1 adds throttle time; v4 is flexible; v5 answers an
// error_message per topic; v6 names each topic by name or by topic id (KIP-516) and answers both.
// As Kafka: unknown names are UNKNOWN_TOPIC_OR_PARTITION, unknown ids UNKNOWN_TOPIC_ID; a topic given
// by both name and id, or by neither, or named twice in one request, is INVALID_REQUEST; internal
// topics cannot be deleted; delete.topic.enable=false answers TOPIC_DELETION_DISABLED.
import { ApiKey, DeleteTopicsResponseTypes, ErrorCode, KafkaError, errorCodeOf, type DeleteTopicsRequestTypes } from '@tarn/protocol';
import { ZERO_UUID } from '../metadata/cluster-metadata';
import { AclOperation, authorizedTopic } from './authorize';
import { defineHandler, type RequestContext } from './handler';

type Result = DeleteTopicsResponseTypes.DeletableTopicResult;
type Target = { name: string | null; topicId: string };

const TOPIC_IDS_VERSION = 6;

function targets(req: DeleteTopicsRequestTypes.DeleteTopicsRequest, apiVersion: number): Target[] {
  return apiVersion >= TOPIC_IDS_VERSION ? req.topics : req.topicNames.map((name) => ({ name, topicId: ZERO_UUID }));
}

function result(t: Target, errorCode: number, errorMessage: string | null, apiVersion: number): Result {
  return {
    ...DeleteTopicsResponseTypes.defaultDeletableTopicResult(),
    name: t.name,
    topicId: t.topicId,
    errorCode,
    errorMessage: apiVersion >= 5 ? errorMessage : null,
  };
}

async function deleteOne(ctx: RequestContext, t: Target, duplicate: boolean): Promise<Result> {
  const v = ctx.apiVersion;
  const byId = t.topicId !== ZERO_UUID;
  if ((t.name !== null) === byId)
    return result(
      t,
      ErrorCode.INVALID_REQUEST,
      byId ? 'You may not specify both topic name and topic id.' : 'Either topic name or topic id must be specified.',
      v,
    );
  if (duplicate) return result(t, ErrorCode.INVALID_REQUEST, `Duplicate topic ${byId ? 'id' : 'name'}.`, v);
  let name = t.name;
  if (byId) {
    const topic = ctx.services.metadata.topics().find((x) => x.topicId === t.topicId);
    if (topic === undefined) return result(t, ErrorCode.UNKNOWN_TOPIC_ID, 'This server does not host this topic ID.', v);
    name = topic.name;
    if (!authorizedTopic(ctx, AclOperation.DESCRIBE, name))
      return result(t, ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'Authorization failed.', v);
  }
  if (!authorizedTopic(ctx, AclOperation.DELETE, name!))
    return result({ name, topicId: t.topicId }, ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'Authorization failed.', v);
  const topicId = ctx.services.metadata.topic(name!)?.topicId ?? ZERO_UUID;
  try {
    await ctx.services.topicAdmin.deleteTopic(name!);
    return result({ name, topicId }, ErrorCode.NONE, null, v);
  } catch (err) {
    return result({ name, topicId: t.topicId }, errorCodeOf(err), err instanceof KafkaError ? err.message : String(err), v);
  }
}

export const deleteTopics = defineHandler({
  apiKey: ApiKey.DeleteTopics,
  minVersion: 0,
  maxVersion: 6,
  async handle(ctx, req) {
    const all = targets(req, ctx.apiVersion);
    const seen = new Map<string, number>();
    for (const t of all) {
      const k = t.name ?? `id:${t.topicId}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    const responses: Result[] = [];
    for (const t of all) responses.push(await deleteOne(ctx, t, seen.get(t.name ?? `id:${t.topicId}`)! > 1));
    return { ...DeleteTopicsResponseTypes.defaultDeleteTopicsResponse(), responses };
  },
  errorResponse: (req, code, message, apiVersion) => ({
    ...DeleteTopicsResponseTypes.defaultDeleteTopicsResponse(),
    responses: targets(req, apiVersion).map((t) => result(t, code, message, apiVersion)),
  }),
});
