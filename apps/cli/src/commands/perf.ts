// `tarn perf produce|consume`: kafka-producer-perf-test.sh and kafka-consumer-perf-test.sh.
import type { Command } from 'commander';
import { action } from '../context';
import { perfConsume, type PerfConsumeFlags } from '../perf/perf-consume';
import { perfProduce, type PerfProduceFlags } from '../perf/perf-produce';

export function registerPerf(program: Command): void {
  const perf = program.command('perf').description('measure produce and consume throughput and latency (Kafka perf-test tools)');
  perf
    .command('produce')
    .description('kafka-producer-perf-test.sh: send records as fast as allowed and report records/s, MB/s and latency')
    .requiredOption('--topic <topic>', 'topic to produce to')
    .requiredOption('--num-records <n>', 'number of records to send')
    .option('--record-size <bytes>', 'size of each record value (random letters)')
    .option('--payload-file <file>', 'send records picked at random from this file instead')
    .option('--payload-delimiter <text>', 'what separates the records of --payload-file', '\\n')
    .option('--throughput <records/s>', 'throttle to this many records/s; -1 for no limit', '-1')
    .option('--producer-props <key=value...>', 'producer properties (acks=all linger.ms=5 compression.type=lz4 …)')
    .option('--producer.config <file>', 'producer properties file')
    .option('--reporting-interval <ms>', 'progress line interval', '5000')
    .option('--transactional-id <id>', 'send in transactions with this transactional.id')
    .option('--transaction-duration-ms <ms>', 'commit a transaction this often (default 3000 with --transactional-id)')
    .addHelpText('after', '\nExample:\n  tarn perf produce --topic bench --num-records 1000000 --record-size 100 --producer-props acks=1')
    .action(action<PerfProduceFlags>(perfProduce));
  perf
    .command('consume')
    .description('kafka-consumer-perf-test.sh: consume records as a group member and report MB/s, records/s and latency')
    .requiredOption('--topic <topic>', 'topic to consume')
    .requiredOption('--messages <n>', 'number of records to consume')
    .option('--group <group>', 'group id (default: a new perf-consumer-N group)')
    .option('--from-latest', 'start at the log end instead of the beginning')
    .option('--timeout <ms>', 'give up after this long without a record', '10000')
    .option('--reporting-interval <ms>', 'interval of --show-detailed-stats lines', '5000')
    .option('--show-detailed-stats', 'print a stats line every reporting interval')
    .option('--hide-header', 'do not print the CSV header')
    .option('--consumer-props <key=value...>', 'consumer properties (fetch.min.bytes=1 max.poll.records=1000 …)')
    .option('--consumer.config <file>', 'consumer properties file')
    .addHelpText('after', '\nExample:\n  tarn perf consume --topic bench --messages 1000000 --show-detailed-stats')
    .action(action<PerfConsumeFlags>(perfConsume));
}
