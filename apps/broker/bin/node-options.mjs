// How every tarn launcher runs the broker (npm start and npm run cluster, the tests, e2e, benches and
// the fuzzer): the same node flags and the same entry script, so they differ only in what they pass
// it. The flags are like Kafka's KAFKA_HEAP_OPTS (-Xmx1G -Xms1G by default): a 768 MiB old space. V8
// sizes its heap growth by the limit; with the default limit (a quarter of the machine's memory, up
// to 4 GiB) a broker under a churn of short-lived objects let its heap grow to four times what is
// live before collecting, with 768 MiB to about twice (a broker with thousands of partitions keeps
// some 150 MiB live). And an initial old space of 128 MiB, as Kafka's -Xms: V8 otherwise starts the
// old generation small and keeps its limit a few MiB above what is live, so a broker with ~30 MiB
// live promoting ~1 MiB/s (10 k records/s, 100-byte records) ran a mark-compact every ~7 s (pauses
// 2.5-27 ms, incremental steps up to 56 ms on a busy 2-core machine: the latency bench's largest
// broker stalls), four in its first 2 s; with the floor, one in 140 s. TARN_HEAP_OPTS replaces the
// flags (e.g. for brokers with many partitions: TARN_HEAP_OPTS=--max-old-space-size=4096).
import { fileURLToPath } from 'node:url';

const DEFAULT_HEAP_OPTS = '--max-old-space-size=768 --initial-old-space-size=128';

export function brokerNodeOptions(env = process.env) {
  return (env.TARN_HEAP_OPTS ?? DEFAULT_HEAP_OPTS).split(/\s+/).filter((s) => s !== '');
}

/** bin/tarn-broker.js, next to this file. */
export const brokerEntry = fileURLToPath(new URL('./tarn-broker.js', import.meta.url));

/**
 * The command that runs a broker: [node, [flags…, extra node flags…, entry script, broker args…]].
 * `entry` replaces the script (another checkout's broker, TARN_BROKER_BIN).
 */
export function brokerCommand(args, options = {}) {
  const { nodeArgs = [], entry = brokerEntry, env = process.env } = options;
  return [process.execPath, [...brokerNodeOptions(env), ...nodeArgs, entry, ...args]];
}
