/**
 * `tarn groups list|describe|delete|reset-offsets`: kafka-consumer-groups.sh over @tarn/client's
 * Admin, with its column names (`GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID
 * HOST CLIENT-ID` for describe, `GROUP TOPIC PARTITION NEW-OFFSET` for a reset) and its messages.
 * The reset plan for every strategy is computed by Admin.resetOffsetsPlan; this file prints it and,
 * with --execute, commits it.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseTopicScope, valuesOrThrow, type Admin, type ResetPlanEntry, type ResetStrategy } from '@tarn/client';
import { action, type CommandContext } from '../context';
import { CliError, errorText } from '../cli-error';
import { withAdmin } from '../connect';
import type { Output } from '../output';

interface GroupFlags {
  group?: string[];
  allGroups?: boolean;
  members?: boolean;
  state?: boolean | string;
  allTopics?: boolean;
  topic?: string[];
  toEarliest?: boolean;
  toLatest?: boolean;
  toCurrent?: boolean;
  toOffset?: string;
  shiftBy?: string;
  toDatetime?: string;
  byDuration?: string;
  fromFile?: string;
  dryRun?: boolean;
  execute?: boolean;
  export?: boolean;
}

const collectList = (v: string, prev: string[] = []): string[] => [...prev, v];

/** The --group values, or every group with --all-groups (as kafka-consumer-groups.sh). */
async function groupIds(admin: Admin, options: GroupFlags): Promise<string[]> {
  if (options.allGroups) return (await admin.listConsumerGroups()).groups.map((g) => g.groupId);
  if (options.group === undefined || options.group.length === 0) throw new CliError('Missing required option --group (or --all-groups)');
  return options.group;
}

export function registerGroups(program: Command): void {
  const groups = program
    .command('groups')
    .description('list, describe, delete consumer groups and reset their offsets (kafka-consumer-groups.sh)');
  groups.command('list').description('consumer group ids').option('--state', "show each group's state").action(action<GroupFlags>(list));
  groups
    .command('describe')
    .description("a group's committed offsets, log end offsets, lag and members")
    .option('--group <group>', 'consumer group id (repeatable)', collectList)
    .option('--all-groups', 'every consumer group')
    .option('--members', 'list the members instead of the offsets')
    .option('--state', "show the group's state, coordinator and assignor")
    .action(action<GroupFlags>(describe));
  groups
    .command('delete')
    .description('delete inactive consumer groups')
    .option('--group <group>', 'consumer group id (repeatable)', collectList)
    .option('--all-groups', 'every consumer group')
    .action(action<GroupFlags>(remove));
  groups
    .command('reset-offsets')
    .description("reset inactive groups' committed offsets (prints the plan; commits it with --execute)")
    .option('--group <group>', 'consumer group id (repeatable)', collectList)
    .option('--all-groups', 'every consumer group')
    .option('--all-topics', 'every topic the group has offsets for')
    .option('--topic <topic[:partitions]>', "a topic, or some of its partitions ('orders:0,2'); repeatable", collectList)
    .option('--to-earliest', 'the earliest offset')
    .option('--to-latest', 'the log end offset')
    .option('--to-current', 'the committed offset (the log end where none)')
    .option('--to-offset <offset>', 'this offset (clamped to the log)')
    .option('--shift-by <n>', 'the committed offset plus n (negative to go back)')
    .option('--to-datetime <YYYY-MM-DDTHH:mm:SS.sss>', 'the first offset at or after this time')
    .option('--by-duration <PnDTnHnMnS>', 'the first offset at or after this long ago')
    .option('--from-file <csv>', 'offsets from a topic,partition,offset CSV file')
    .option('--dry-run', 'only print the plan (the default)')
    .option('--execute', 'commit the new offsets')
    .option('--export', 'print the plan as topic,partition,offset CSV (for --from-file)')
    .addHelpText('after', '\nExample:\n  tarn groups reset-offsets --group billing --topic orders --to-earliest --execute')
    .action(action<GroupFlags>(resetOffsets));
}

async function list({ options, out }: CommandContext<GroupFlags>): Promise<void> {
  const { groups, errors } = await withAdmin(options, (admin) => admin.listConsumerGroups());
  if (errors.length > 0 && groups.length === 0) throw errors[0];
  if (out.json) out.jsonLine(groups);
  else if (options.state)
    out.table(
      ['GROUP', 'STATE'],
      groups.map((g) => [g.groupId, g.state]),
    );
  else for (const g of groups) out.line(g.groupId);
}

interface OffsetRow {
  group: string;
  topic: string;
  partition: number;
  currentOffset: number | null;
  logEndOffset: number | null;
  lag: number | null;
  consumerId: string | null;
  host: string | null;
  clientId: string | null;
}

async function describeOffsets(admin: Admin, groupId: string): Promise<{ state: string; members: number; rows: OffsetRow[] }> {
  const [d] = await admin.describeConsumerGroups([groupId]);
  if (d!.error !== null) throw d!.error;
  const group = d!.value!;
  const committed = await admin.listConsumerGroupOffsets(groupId);
  const rows = new Map<string, OffsetRow>();
  const row = (topic: string, partition: number): OffsetRow => {
    const key = `${topic}:${partition}`;
    let r = rows.get(key);
    if (r === undefined) {
      r = {
        group: groupId,
        topic,
        partition,
        currentOffset: null,
        logEndOffset: null,
        lag: null,
        consumerId: null,
        host: null,
        clientId: null,
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const m of group.members)
    for (const tp of m.assignment)
      Object.assign(row(tp.topic, tp.partition), { consumerId: m.memberId, host: m.host, clientId: m.clientId });
  for (const c of committed) row(c.topic, c.partition).currentOffset = c.offset;
  const list = [...rows.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
  const ends = await admin.listOffsets(list.map((r) => ({ topic: r.topic, partition: r.partition, spec: 'latest' as const })));
  ends.forEach((e, i) => {
    const r = list[i]!;
    r.logEndOffset = e.value?.offset ?? null;
    if (r.currentOffset !== null && r.logEndOffset !== null) r.lag = r.logEndOffset - r.currentOffset;
  });
  return { state: group.state, members: group.members.length, rows: list };
}

async function describe({ options, out }: CommandContext<GroupFlags>): Promise<void> {
  await withAdmin(options, async (admin) => {
    for (const groupId of await groupIds(admin, options)) {
      if (options.members || options.state) await describeMembers(admin, groupId, options, out);
      else await describeGroupOffsets(admin, groupId, out);
    }
  });
}

async function describeMembers(admin: Admin, groupId: string, options: GroupFlags, out: Output): Promise<void> {
  const [d] = await admin.describeConsumerGroups([groupId]);
  if (d!.error !== null) throw d!.error;
  const g = d!.value!;
  if (out.json) out.jsonLine(g);
  else if (options.state) {
    const c = g.coordinator;
    out.line('');
    out.table(
      ['GROUP', 'COORDINATOR (ID)', 'ASSIGNMENT-STRATEGY', 'STATE', '#MEMBERS'],
      [[groupId, c === null ? null : `${c.host}:${c.port} (${c.nodeId})`, g.partitionAssignor, g.state, g.members.length]],
    );
  } else {
    if (g.members.length === 0) out.line(`\nConsumer group '${groupId}' has no active members.`);
    out.line('');
    out.table(
      ['GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS'],
      g.members.map((m) => [groupId, m.memberId, m.host, m.clientId, m.assignment.length]),
    );
  }
}

async function describeGroupOffsets(admin: Admin, groupId: string, out: Output): Promise<void> {
  const { state, members, rows } = await describeOffsets(admin, groupId);
  if (state === 'Dead') throw new CliError(`Consumer group '${groupId}' does not exist.`);
  if (out.json) {
    out.jsonLine({ group: groupId, state, partitions: rows });
    return;
  }
  if (members === 0) out.line(`\nConsumer group '${groupId}' has no active members.`);
  if (state === 'PreparingRebalance' || state === 'CompletingRebalance') out.line(`\nWarning: Consumer group '${groupId}' is rebalancing.`);
  out.line('');
  out.table(
    ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'],
    rows.map((r) => [
      r.group,
      r.topic,
      r.partition,
      r.currentOffset,
      r.logEndOffset,
      r.lag === null ? null : colourLag(out, r.lag),
      r.consumerId,
      r.host,
      r.clientId,
    ]),
  );
}

function colourLag(out: Output, lag: number): string {
  return lag === 0 ? String(lag) : out.yellow(String(lag));
}

async function remove({ options, out }: CommandContext<GroupFlags>): Promise<void> {
  const results = await withAdmin(options, async (admin) => admin.deleteConsumerGroups(await groupIds(admin, options)));
  if (out.json) {
    out.jsonLine(
      results.map((r) => ({ group: r.groupId, deleted: r.error === null, error: r.error === null ? null : errorText(r.error) })),
    );
  } else {
    const deleted = results.filter((r) => r.error === null).map((r) => `'${r.groupId}'`);
    if (deleted.length > 0) out.line(`Deletion of requested consumer groups (${deleted.join(', ')}) was successful.`);
  }
  const failed = results.filter((r) => r.error !== null);
  if (failed.length === 1 && results.length === 1) throw failed[0]!.error;
  if (failed.length > 0) {
    const lines = failed.map((r) => `* Group '${r.groupId}' could not be deleted due to: ${errorText(r.error)}`);
    throw new CliError(`Deletion of some consumer groups failed:\n${lines.join('\n')}`);
  }
}

function strategyOf(options: GroupFlags): ResetStrategy {
  const chosen: ResetStrategy[] = [];
  if (options.toEarliest) chosen.push({ type: 'to-earliest' });
  if (options.toLatest) chosen.push({ type: 'to-latest' });
  if (options.toCurrent) chosen.push({ type: 'to-current' });
  if (options.toOffset !== undefined) chosen.push({ type: 'to-offset', offset: integer('--to-offset', options.toOffset) });
  if (options.shiftBy !== undefined) chosen.push({ type: 'shift-by', shift: integer('--shift-by', options.shiftBy) });
  if (options.toDatetime !== undefined) chosen.push({ type: 'to-datetime', datetime: options.toDatetime });
  if (options.byDuration !== undefined) chosen.push({ type: 'by-duration', duration: options.byDuration });
  if (options.fromFile !== undefined) {
    let csv: string;
    try {
      csv = readFileSync(options.fromFile, 'utf8');
    } catch (err) {
      throw new CliError(`cannot read --from-file ${options.fromFile}: ${(err as Error).message}`);
    }
    chosen.push({ type: 'from-file', csv });
  }
  if (chosen.length !== 1) {
    throw new CliError(
      'One of the reset scenarios should be defined: --to-datetime, --by-duration, --to-earliest, --to-latest, --shift-by, --from-file, --to-current, --to-offset',
    );
  }
  return chosen[0]!;
}

function integer(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new CliError(`${name} must be an integer, got '${value}'`);
  return n;
}

async function resetOffsets({ options, out }: CommandContext<GroupFlags>): Promise<void> {
  const strategy = strategyOf(options);
  if (options.dryRun && options.execute) throw new CliError('Option --dry-run and --execute cannot be given together');
  const topics = options.topic ?? [];
  if (strategy.type !== 'from-file' && (options.allTopics === true) === topics.length > 0) {
    throw new CliError('One of the reset scopes should be defined: --all-topics, --topic.');
  }
  for (const t of topics) parseTopicScope(t);
  if (!options.dryRun && !options.execute) {
    process.stderr.write(
      'WARN: No action will be performed as the --execute option is missing. Add --dry-run to keep this behaviour without the warning, or --execute to reset.\n',
    );
  }
  const plans = await withAdmin(options, async (admin) => {
    const out: { groupId: string; plan: ResetPlanEntry[] }[] = [];
    for (const groupId of await groupIds(admin, options)) {
      const plan = await admin.resetOffsetsPlan({ groupId, strategy, scope: options.allTopics ? 'all-topics' : { topics } });
      if (options.execute) valuesOrThrow(await admin.executeResetPlan(groupId, plan));
      out.push({ groupId, plan });
    }
    return out;
  });
  if (out.json) {
    for (const { groupId, plan } of plans) out.jsonLine({ group: groupId, executed: options.execute === true, partitions: plan });
    return;
  }
  const all = plans.flatMap((p) => p.plan);
  if (options.export) {
    // Kafka's export names the group only when there are several
    for (const e of all)
      out.line(plans.length > 1 ? `${e.groupId},${e.topic},${e.partition},${e.newOffset}` : `${e.topic},${e.partition},${e.newOffset}`);
    return;
  }
  out.line('');
  out.table(
    ['GROUP', 'TOPIC', 'PARTITION', 'NEW-OFFSET'],
    all.map((e) => [e.groupId, e.topic, e.partition, e.newOffset]),
  );
}
