/**
 * `tarn topics list|create|describe|alter|delete`: kafka-topics.sh (plus the topic half of
 * kafka-configs.sh in `alter`), over @tarn/client's Admin. `describe` prints kafka-topics.sh's
 * layout: a `Topic: … PartitionCount: … Configs: …` line, then one tab-indented line per partition.
 */
import type { Command } from 'commander';
import { ErrorCode, valuesOrThrow, type AlterConfigOp, type TopicDescription } from '@tarn/client';
import { action, type CommandContext } from '../context';
import { withAdmin } from '../connect';
import { CliError } from '../cli-error';
import { collectProperty } from '../client-config';

function intOption(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new CliError(`${name} must be an integer of at least ${min}, got '${value}'`);
  return n;
}

interface TopicFlags {
  topic?: string;
  partitions?: string;
  replicationFactor?: string;
  config?: Record<string, string>;
  deleteConfig?: string[];
  underReplicatedPartitions?: boolean;
  excludeInternal?: boolean;
  ifNotExists?: boolean;
  ifExists?: boolean;
}

function requireTopic(options: TopicFlags): string {
  if (options.topic === undefined) throw new CliError('Missing required option --topic');
  return options.topic;
}

const collectList = (v: string, prev: string[] = []): string[] => [...prev, v];

export function registerTopics(program: Command): void {
  const topics = program.command('topics').description('list, create, describe, alter and delete topics (kafka-topics.sh)');
  topics
    .command('list')
    .description('topic names, one per line')
    .option('--exclude-internal', 'leave out internal topics (__consumer_offsets, __transaction_state)')
    .action(action<TopicFlags>(list));
  topics
    .command('create')
    .description('create a topic')
    .requiredOption('--topic <topic>', 'topic name')
    .option('--partitions <n>', "number of partitions (default: the broker's num.partitions)")
    .option('--replication-factor <n>', "replicas per partition (default: the broker's default.replication.factor)")
    .option('--config <key=value>', 'topic config, e.g. retention.ms=86400000 (repeatable)', collectProperty)
    .option('--if-not-exists', 'succeed without creating when the topic exists')
    .addHelpText('after', '\nExample:\n  tarn topics create --topic orders --partitions 6 --config cleanup.policy=compact')
    .action(action<TopicFlags>(create));
  topics
    .command('describe')
    .description('partitions, leaders, replicas, ISR and configs of a topic (every topic without --topic)')
    .option('--topic <topic>', 'topic to describe')
    .option('--under-replicated-partitions', 'only partitions whose ISR is smaller than their replica set')
    .option('--exclude-internal', 'leave out internal topics')
    .action(action<TopicFlags>(describe));
  topics
    .command('alter')
    .description('add partitions and change or remove topic configs (kafka-topics.sh --alter, kafka-configs.sh --alter)')
    .requiredOption('--topic <topic>', 'topic to change')
    .option('--partitions <n>', 'new total number of partitions (can only grow)')
    .option('--config <key=value>', 'set a topic config (repeatable)', collectProperty)
    .option('--delete-config <key>', 'remove a topic config, back to the default (repeatable)', collectList)
    .action(action<TopicFlags>(alter));
  topics
    .command('delete')
    .description('delete a topic')
    .requiredOption('--topic <topic>', 'topic to delete')
    .option('--if-exists', 'succeed when there is no such topic')
    .action(action<TopicFlags>(remove));
}

async function list({ options, out }: CommandContext<TopicFlags>): Promise<void> {
  const listed = await withAdmin(options, (admin) => admin.listTopics({ listInternal: options.excludeInternal !== true }));
  if (out.json) out.jsonLine(listed);
  else for (const t of listed) out.line(t.name);
}

async function create({ options, out }: CommandContext<TopicFlags>): Promise<void> {
  const name = requireTopic(options);
  const [result] = await withAdmin(options, (admin) =>
    admin.createTopics([
      {
        name,
        numPartitions: intOption('--partitions', options.partitions, 1) ?? -1,
        replicationFactor: intOption('--replication-factor', options.replicationFactor, 1) ?? -1,
        configs: options.config ?? {},
      },
    ]),
  );
  if (result!.error !== null) {
    if (options.ifNotExists && result!.error.code === ErrorCode.TOPIC_ALREADY_EXISTS) return;
    throw result!.error;
  }
  if (out.json) out.jsonLine({ topic: name, ...result!.value });
  else out.line(`Created topic ${name}.`);
}

interface DescribedTopic extends TopicDescription {
  configs: Record<string, string>;
}

async function describe({ options, out }: CommandContext<TopicFlags>): Promise<void> {
  const described: DescribedTopic[] = await withAdmin(options, async (admin) => {
    const names =
      options.topic !== undefined
        ? [options.topic]
        : (await admin.listTopics({ listInternal: options.excludeInternal !== true })).map((t) => t.name);
    const descriptions = valuesOrThrow(await admin.describeTopics(names));
    const configs = await admin.describeConfigs(names.map((name) => ({ type: 'TOPIC' as const, name })));
    return descriptions.map((d, i) => {
      // kafka-topics.sh lists only the configs set on the topic itself
      const own = (configs[i]?.value ?? []).filter((c) => c.source === 'DYNAMIC_TOPIC_CONFIG');
      return { ...d, configs: Object.fromEntries(own.map((c) => [c.name, c.value ?? ''])) };
    });
  });
  for (const t of described) {
    const partitions = options.underReplicatedPartitions ? t.partitions.filter((p) => p.isr.length < p.replicas.length) : t.partitions;
    if (out.json) {
      out.jsonLine({ ...t, partitions });
      continue;
    }
    if (!options.underReplicatedPartitions) {
      const configs = Object.entries(t.configs).map(([k, v]) => `${k}=${v}`);
      out.line(
        `${out.bold(`Topic: ${t.name}`)}\tTopicId: ${t.topicId}\tPartitionCount: ${t.partitions.length}\t` +
          `ReplicationFactor: ${t.partitions[0]?.replicas.length ?? 0}\tConfigs: ${configs.join(',')}`,
      );
    }
    for (const p of partitions) {
      const leader = p.leader < 0 ? out.red('none') : String(p.leader);
      const isr = p.isr.length < p.replicas.length ? out.yellow(p.isr.join(',')) : p.isr.join(',');
      out.line(`\tTopic: ${t.name}\tPartition: ${p.partition}\tLeader: ${leader}\tReplicas: ${p.replicas.join(',')}\tIsr: ${isr}`);
    }
  }
}

async function alter({ options, out }: CommandContext<TopicFlags>): Promise<void> {
  const name = requireTopic(options);
  const partitions = intOption('--partitions', options.partitions, 1);
  const ops: AlterConfigOp[] = [
    ...Object.entries(options.config ?? {}).map(([k, v]) => ({ name: k, op: 'SET' as const, value: v })),
    ...(options.deleteConfig ?? []).map((k) => ({ name: k, op: 'DELETE' as const })),
  ];
  if (partitions === undefined && ops.length === 0) throw new CliError('nothing to alter: give --partitions, --config or --delete-config');
  await withAdmin(options, async (admin) => {
    if (partitions !== undefined) valuesOrThrow(await admin.createPartitions({ [name]: { totalCount: partitions } }));
    if (ops.length > 0) valuesOrThrow(await admin.incrementalAlterConfigs([{ resource: { type: 'TOPIC', name }, ops }]));
  });
  if (out.json) out.jsonLine({ topic: name, partitions: partitions ?? null, configs: ops });
  else {
    if (partitions !== undefined) out.line(`Topic ${name} now has ${partitions} partitions.`);
    if (ops.length > 0) out.line(`Completed updating config for topic ${name}.`);
  }
}

async function remove({ options, out }: CommandContext<TopicFlags>): Promise<void> {
  const name = requireTopic(options);
  const [result] = await withAdmin(options, (admin) => admin.deleteTopics([name]));
  if (result!.error !== null) {
    if (options.ifExists && result!.error.code === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION) return;
    throw result!.error;
  }
  if (out.json) out.jsonLine({ topic: name, deleted: true });
  else out.line(`Deleted topic ${name}.`);
}
