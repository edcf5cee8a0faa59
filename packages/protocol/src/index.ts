export * from './generated/error-codes';
export * from './kafka-error';
export * from './records/record-batch-header';
export * from './records/varint';
export * from './records/compression';
export * from './records/record';
export * from './records/record-batch';
export * from './records/legacy-message-set';
