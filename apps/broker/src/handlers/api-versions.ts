// ApiVersions v0-4. v1 adds throttle_time_ms; v3 is flexible and carries the client's software name
// and version (KIP-511), which must match Kafka's pattern or the answer is INVALID_REQUEST; v4 only
// lets a supported feature's min_version be 0 (KAFKA-17011; tarn advertises no features). A version
// newer than 4 is answered by the dispatcher with the KIP-511 fallback.
import { ApiKey, ApiVersionsResponseTypes, ErrorCode } from '@tarn/protocol';
import { defineHandler } from './handler';

const SOFTWARE_PATTERN = /^[a-zA-Z0-9](?:[a-zA-Z0-9\-.]*[a-zA-Z0-9])?$/;

export const apiVersions = defineHandler({
  apiKey: ApiKey.ApiVersions,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, req) {
    if (ctx.apiVersion >= 3) {
      if (!SOFTWARE_PATTERN.test(req.clientSoftwareName) || !SOFTWARE_PATTERN.test(req.clientSoftwareVersion)) {
        return { ...ApiVersionsResponseTypes.defaultApiVersionsResponse(), errorCode: ErrorCode.INVALID_REQUEST };
      }
      ctx.connection.clientSoftware = { name: req.clientSoftwareName, version: req.clientSoftwareVersion };
    }
    return {
      ...ApiVersionsResponseTypes.defaultApiVersionsResponse(),
      apiKeys: ctx.services.apiVersions(),
    };
  },
  errorResponse: (_req, code) => ({ ...ApiVersionsResponseTypes.defaultApiVersionsResponse(), errorCode: code }),
});
