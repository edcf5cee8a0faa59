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
export * from './admin/admin';
export * from './admin/admin-context';
export * from './admin/topics';
export * from './admin/config-resources';
export * from './admin/cluster-info';
export * from './admin/groups';
export * from './admin/group-offsets';
export * from './admin/partition-offsets';
export * from './admin/partition-admin';
export * from './admin/acls';
export * from './admin/scram-users';
export * from './admin/transactions';
export * from './admin/reset-offsets';
export * from './consumer/index';
