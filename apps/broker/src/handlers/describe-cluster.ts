// DescribeCluster v0-1: the cluster id, the controller and every broker. v1 adds endpoint_type
// (1 = brokers; asking for controllers is UNSUPPORTED_ENDPOINT_TYPE on a broker, as in Kafka).
import { ApiKey, DescribeClusterResponseTypes, ErrorCode } from '@tarn/protocol';
import { defineHandler } from './handler';

export const describeCluster = defineHandler({
  apiKey: ApiKey.DescribeCluster,
  minVersion: 0,
  maxVersion: 1,
  handle(ctx, req) {
    const { services } = ctx;
    const base = {
      ...DescribeClusterResponseTypes.defaultDescribeClusterResponse(),
      endpointType: ctx.apiVersion >= 1 ? req.endpointType : 1,
    };
    if (ctx.apiVersion >= 1 && req.endpointType !== 1) {
      return { ...base, errorCode: ErrorCode.UNSUPPORTED_ENDPOINT_TYPE, errorMessage: 'The broker only handles the BROKER endpoint type' };
    }
    return {
      ...base,
      clusterId: services.metadata.clusterId,
      controllerId: services.controllerId(),
      brokers: services.liveBrokers(ctx.connection.listenerName).map((b) => ({
        ...DescribeClusterResponseTypes.defaultDescribeClusterBroker(),
        brokerId: b.nodeId,
        host: b.host,
        port: b.port,
        rack: b.rack,
      })),
      clusterAuthorizedOperations: req.includeClusterAuthorizedOperations ? 0 : -2147483648,
    };
  },
  errorResponse: (_req, code, message) => ({
    ...DescribeClusterResponseTypes.defaultDescribeClusterResponse(),
    errorCode: code,
    errorMessage: message,
  }),
});
