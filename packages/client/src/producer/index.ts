export * from './producer';
export * from './producer-batch';
export { parseProducerConfig, PRODUCER_PROPERTIES, type ProducerProperties, type ProducerSettings } from './producer-config';
export * from './partitioner';
export * from './serializers';
export * from './producer-errors';
export type { ConsumerGroupMetadata, TopicPartitionOffsets } from './transaction-manager';
