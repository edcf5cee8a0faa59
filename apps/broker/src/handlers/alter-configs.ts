// AlterConfigs v0-2: replaces ALL overrides of a topic with the given set (not incremental: configs
// left out go back to their defaults), taking effect on the live logs at once. validate_only checks
// without changing anything. v2 is flexible. Broker configs are static in tarn: INVALID_REQUEST.
import { AlterConfigsResponseTypes, ApiKey, ErrorCode, KafkaError, errorCodeOf } from '@tarn/protocol';
import { AclOperation } from './authorize';
import { defineHandler } from './handler';
import { ResourceType, configsAuthorized } from './describe-configs';

export const alterConfigs = defineHandler({
  apiKey: ApiKey.AlterConfigs,
  minVersion: 0,
  maxVersion: 2,
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
        const configs: Record<string, string> = {};
        for (const c of r.configs) if (c.value !== null) configs[c.name] = c.value;
        await ctx.services.topicAdmin.replaceConfigs(r.resourceName, configs, req.validateOnly);
      } catch (err) {
        errorCode = errorCodeOf(err);
        errorMessage = (err as Error).message;
      }
      responses.push({
        ...AlterConfigsResponseTypes.defaultAlterConfigsResourceResponse(),
        resourceType: r.resourceType,
        resourceName: r.resourceName,
        errorCode,
        errorMessage,
      });
    }
    return { ...AlterConfigsResponseTypes.defaultAlterConfigsResponse(), responses };
  },
  errorResponse: (req, code, message) => ({
    ...AlterConfigsResponseTypes.defaultAlterConfigsResponse(),
    responses: req.resources.map((r) => ({
      ...AlterConfigsResponseTypes.defaultAlterConfigsResourceResponse(),
      resourceType: r.resourceType,
      resourceName: r.resourceName,
      errorCode: code,
      errorMessage: message,
    })),
  }),
});
