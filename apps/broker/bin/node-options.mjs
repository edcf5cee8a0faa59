// The broker's Node flags, like Kafka's KAFKA_HEAP_OPTS (-Xmx1G by default): a 768 MiB old space.
// V8 sizes its heap growth by the limit; with the default limit (a quarter of the machine's
// memory, up to 4 GiB) a broker under a churn of short-lived objects let its heap grow to four
// times what is live before collecting, with 768 MiB to about twice (a broker with thousands of
// partitions keeps some 150 MiB live). TARN_HEAP_OPTS replaces the flags (e.g. for brokers with
// many partitions: TARN_HEAP_OPTS=--max-old-space-size=4096).
export function brokerNodeOptions(env = process.env) {
  return (env.TARN_HEAP_OPTS ?? '--max-old-space-size=768').split(/\s+/).filter((s) => s !== '');
}
