// DeleteTopics v0-4 (topics by name). v1 adds throttle time, v4 is flexible. Unknown topics are
// UNKNOWN_TOPIC_OR_PARTITION; internal topics cannot be deleted; delete.topic.enable=false answers
// TOPIC_DELETION_DISABLED.
import { ApiKey, DeleteTopicsResponseTypes, ErrorCode, errorCodeOf } from '@tarn/protocol';
import { defineHandler } from '../server/handler';

export const deleteTopics = defineHandler({
  apiKey: ApiKey.DeleteTopics,
  minVersion: 0,
  maxVersion: 4,
  async handle(ctx, req) {
    const responses = [];
    for (const name of req.topicNames) {
      let errorCode: number = ErrorCode.NONE;
      let errorMessage: string | null = null;
      try {
        await ctx.broker.topicAdmin.deleteTopic(name);
      } catch (err) {
        errorCode = errorCodeOf(err);
        errorMessage = (err as Error).message;
      }
      responses.push({ ...DeleteTopicsResponseTypes.defaultDeletableTopicResult(), name, errorCode, errorMessage: ctx.apiVersion >= 5 ? errorMessage : null });
    }
    return { ...DeleteTopicsResponseTypes.defaultDeleteTopicsResponse(), responses };
  },
  errorResponse: (req, code) => ({
    ...DeleteTopicsResponseTypes.defaultDeleteTopicsResponse(),
    responses: req.topicNames.map((name) => ({ ...DeleteTopicsResponseTypes.defaultDeletableTopicResult(), name, errorCode: code })),
  }),
});
