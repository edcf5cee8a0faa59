// CreatePartitions v0-3: grow a topic to `count` partitions, with optional manual assignments;
// validate_only checks without changing anything. v2 is flexible. A topic named twice is
// INVALID_REQUEST; more than 10,000 new partitions in one request is POLICY_VIOLATION for all.
import { ApiKey, CreatePartitionsResponseTypes, ErrorCode, errorCodeOf } from '@tarn/protocol';
import { batchSizeError } from '../metadata/topic-admin';
import { AclOperation, authorizedTopic } from './authorize';
import { defineHandler } from './handler';

export const createPartitions = defineHandler({
  apiKey: ApiKey.CreatePartitions,
  minVersion: 0,
  maxVersion: 3,
  async handle(ctx, req) {
    const counts = new Map<string, number>();
    for (const t of req.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    const added = req.topics.reduce(
      (sum, t) => sum + Math.max(0, t.count - (ctx.services.metadata.topic(t.name)?.partitions.length ?? t.count)),
      0,
    );
    const tooLarge = batchSizeError(added);
    const results = [];
    for (const t of req.topics) {
      let errorCode: number = ErrorCode.NONE;
      let errorMessage: string | null = null;
      try {
        if (tooLarge !== null) throw tooLarge;
        if (counts.get(t.name)! > 1) {
          errorCode = ErrorCode.INVALID_REQUEST;
          errorMessage = 'Duplicate topic in request.';
        } else if (!authorizedTopic(ctx, AclOperation.ALTER, t.name)) {
          errorCode = ErrorCode.TOPIC_AUTHORIZATION_FAILED;
          errorMessage = 'The topic authorization is failed.';
        } else {
          await ctx.services.topicAdmin.createPartitions(t.name, t.count, t.assignments?.map((a) => a.brokerIds) ?? null, req.validateOnly);
        }
      } catch (err) {
        errorCode = errorCodeOf(err);
        errorMessage = (err as Error).message;
      }
      results.push({ ...CreatePartitionsResponseTypes.defaultCreatePartitionsTopicResult(), name: t.name, errorCode, errorMessage });
    }
    return { ...CreatePartitionsResponseTypes.defaultCreatePartitionsResponse(), results };
  },
  errorResponse: (req, code, message) => ({
    ...CreatePartitionsResponseTypes.defaultCreatePartitionsResponse(),
    results: req.topics.map((t) => ({
      ...CreatePartitionsResponseTypes.defaultCreatePartitionsTopicResult(),
      name: t.name,
      errorCode: code,
      errorMessage: message,
    })),
  }),
});
