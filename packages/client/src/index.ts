// @tarn/client: tarn's own Kafka client (Kafka's names and semantics). Producer, consumer and admin
// build on one Cluster (connections, versions, metadata, coordinators).
export * from './errors';
export * from './config/properties';
export * from './config/properties-file';
export * from './config/client-config';
export * from './config/security-config';
export * from './network/broker-connection';
export * from './network/api-versions';
export * from './cluster/metadata';
export * from './cluster/cluster';
export * from './cluster/retry';
export * from './producer/index';
