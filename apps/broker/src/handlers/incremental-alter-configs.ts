// IncrementalAlterConfigs v0-1: per-config SET (0), DELETE (1), APPEND (2) and SUBTRACT (3, list
// configs only) on a topic's overrides; effective at once. v1 is flexible. Broker configs are
// static in tarn: INVALID_REQUEST.
import { ApiKey, ErrorCode, IncrementalAlterConfigsResponseTypes, KafkaError, errorCodeOf } from '@tarn/protocol';
import type { ConfigOp } from '../metadata/topic-admin';
import { AclOperation } from './authorize';
import { defineHandler } from './handler';
import { ResourceType, configsAuthorized } from './describe-configs';

const OPS: Record<number, ConfigOp['op']> = { 0: 'set', 1: 'delete', 2: 'append', 3: 'subtract' };

export const incrementalAlterConfigs = defineHandler({
  apiKey: ApiKey.IncrementalAlterConfigs,
  minVersion: 0,
  maxVersion: 1,
  async handle(ctx, req) {
    const responses = [];
    for (const r of req.resources) {
      let errorCode: number = ErrorCode.NONE;
      let errorMessage: string | null = null;
      try {
        configsAuthorized(ctx, r.resourceType, r.resourceName, AclOperation.ALTER_CONFIGS);
        if (r.resourceType !== ResourceType.TOPIC) {
          throw new KafkaError(
            ErrorCode.INVALID_REQUEST,
            'tarn does not support dynamic broker configuration; change server.properties and restart',
          );
        }
        const ops = r.configs.map((c): ConfigOp => {
          const op = OPS[c.configOperation];
          if (op === undefined) throw new KafkaError(ErrorCode.INVALID_REQUEST, `Unknown config operation ${c.configOperation}`);
          return { name: c.name, op, value: c.value };
        });
        await ctx.services.topicAdmin.incrementalAlterConfigs(r.resourceName, ops, req.validateOnly);
      } catch (err) {
        errorCode = errorCodeOf(err);
        errorMessage = (err as Error).message;
      }
      responses.push({
        ...IncrementalAlterConfigsResponseTypes.defaultAlterConfigsResourceResponse(),
        resourceType: r.resourceType,
        resourceName: r.resourceName,
        errorCode,
        errorMessage,
      });
    }
    return { ...IncrementalAlterConfigsResponseTypes.defaultIncrementalAlterConfigsResponse(), responses };
  },
  errorResponse: (req, code, message) => ({
    ...IncrementalAlterConfigsResponseTypes.defaultIncrementalAlterConfigsResponse(),
    responses: req.resources.map((r) => ({
      ...IncrementalAlterConfigsResponseTypes.defaultAlterConfigsResourceResponse(),
      resourceType: r.resourceType,
      resourceName: r.resourceName,
      errorCode: code,
      errorMessage: message,
    })),
  }),
});
