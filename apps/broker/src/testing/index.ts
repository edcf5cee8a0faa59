// @tarn/broker/testing: helpers for tests, e2e and benches (an etcd server, free ports, a broker in a
// process of its own). The wire fuzzer is `@tarn/broker/testing/wire-fuzzer` (it loads kafkajs).
export * from './etcd-server';
export * from './broker-process';
export * from './pki';
