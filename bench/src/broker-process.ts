// A tarn broker in a process of its own: the one implementation lives in @tarn/broker/testing (the
// wire fuzzer test spawns brokers too).
export { startBrokerProcess, type BrokerProcess } from '@tarn/broker/testing';
