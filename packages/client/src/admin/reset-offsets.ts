/**
 * `kafka-consumer-groups.sh --reset-offsets` as a function: the plan (group, topic, partition, new
 * offset) for every strategy of Kafka's ConsumerGroupCommand, and its execution. As Kafka, a group
 * must be inactive (Empty or Dead) both to plan and to execute; otherwise NON_EMPTY_GROUP with the
 * group's state. Strategy details follow ConsumerGroupCommand (Kafka 3.9):
 * - to-offset and shift-by are clamped to [log start, log end];
 * - to-current keeps the committed offset, and partitions without one get the log end;
 * - shift-by needs a committed offset per partition;
 * - to-datetime / by-duration fall back to the log end where no record is that recent;
 * - from-file takes `topic,partition,offset` (or `group,topic,partition,offset`) lines as they are;
 * - scope `all-topics` is every partition the group has committed offsets for; `topic:0,1` some partitions.
 */
import { ErrorCode } from '@tarn/protocol';
import { ConfigError, KafkaError, requireInteger } from '../errors';
import type { AdminCallOptions, AdminContext, ItemResult } from './admin-context';
import { alterConsumerGroupOffsets, listConsumerGroupOffsets, type PartitionResult } from './group-offsets';
import { describeConsumerGroups, type TopicPartitionRef } from './groups';
import { listOffsets, type OffsetSpec } from './partition-offsets';
import { describeTopics } from './topics';

export type ResetStrategy =
  | { type: 'to-earliest' }
  | { type: 'to-latest' }
  | { type: 'to-current' }
  | { type: 'to-offset'; offset: number }
  | { type: 'shift-by'; shift: number }
  /** 'YYYY-MM-DDTHH:mm:SS.sss' (local time) with an optional zone ('Z', '+01:00'), or epoch ms. */
  | { type: 'to-datetime'; datetime: string | number }
  /** ISO-8601 duration back from now, 'PnDTnHnMnS'. */
  | { type: 'by-duration'; duration: string }
  | { type: 'from-file'; csv: string };

export interface ResetOffsetsSpec {
  groupId: string;
  strategy: ResetStrategy;
  /** 'all-topics', or `--topic` values: 'orders' (every partition) or 'orders:0,2'. Ignored by from-file. */
  scope: 'all-topics' | { topics: string[] };
  /** The clock for by-duration (tests). */
  now?: number;
}

export interface ResetPlanEntry extends TopicPartitionRef {
  groupId: string;
  /** The committed offset before the reset (null: none). */
  currentOffset: number | null;
  newOffset: number;
}

/** Kafka's "Assignments can only be reset if the group is inactive" as a typed error. */
async function requireInactive(ctx: AdminContext, groupId: string, options: AdminCallOptions): Promise<void> {
  const [d] = await describeConsumerGroups(ctx, [groupId], options);
  if (d!.error !== null) throw d!.error;
  const state = d!.value!.state;
  if (state !== 'Empty' && state !== 'Dead')
    throw new KafkaError(
      ErrorCode.NON_EMPTY_GROUP,
      `Assignments can only be reset if the group '${groupId}' is inactive, but the current state is ${state}.`,
    );
}

export async function resetOffsetsPlan(
  ctx: AdminContext,
  spec: ResetOffsetsSpec,
  options: AdminCallOptions = {},
): Promise<ResetPlanEntry[]> {
  const { groupId, strategy } = spec;
  if (strategy.type === 'to-offset') requireInteger(strategy.offset, '--to-offset');
  if (strategy.type === 'shift-by') requireInteger(strategy.shift, '--shift-by');
  await requireInactive(ctx, groupId, options);
  const committed = await listConsumerGroupOffsets(ctx, groupId, options);
  const current = new Map(committed.map((c) => [`${c.topic}:${c.partition}`, c.offset]));
  const currentOf = (tp: TopicPartitionRef): number | null => current.get(`${tp.topic}:${tp.partition}`) ?? null;
  const entry = (tp: TopicPartitionRef, newOffset: number): ResetPlanEntry => ({
    groupId,
    topic: tp.topic,
    partition: tp.partition,
    currentOffset: currentOf(tp),
    newOffset,
  });

  if (strategy.type === 'from-file') return parseResetFile(strategy.csv, groupId).map((e) => entry(e, e.offset));

  const partitions =
    spec.scope === 'all-topics'
      ? committed.map((c) => ({ topic: c.topic, partition: c.partition }))
      : await scopePartitions(ctx, spec.scope.topics, options);
  const offsetsAt = async (tps: readonly TopicPartitionRef[], spec: OffsetSpec): Promise<Map<string, number>> => {
    const results = await listOffsets(
      ctx,
      tps.map((tp) => ({ ...tp, spec })),
      options,
    );
    return new Map(results.map((r) => [`${r.topic}:${r.partition}`, valueOrThrow(r).offset]));
  };
  const key = (tp: TopicPartitionRef): string => `${tp.topic}:${tp.partition}`;

  switch (strategy.type) {
    case 'to-earliest':
    case 'to-latest': {
      const at = await offsetsAt(partitions, strategy.type === 'to-earliest' ? 'earliest' : 'latest');
      return partitions.map((tp) => entry(tp, at.get(key(tp))!));
    }
    case 'to-current': {
      const missing = partitions.filter((tp) => currentOf(tp) === null);
      const ends = await offsetsAt(missing, 'latest');
      return partitions.map((tp) => entry(tp, currentOf(tp) ?? ends.get(key(tp))!));
    }
    case 'to-offset':
    case 'shift-by': {
      const requested = new Map<string, number>();
      for (const tp of partitions) {
        if (strategy.type === 'to-offset') requested.set(key(tp), strategy.offset);
        else {
          const c = currentOf(tp);
          if (c === null)
            throw new ConfigError(
              '--shift-by',
              `Cannot shift offset for partition ${tp.topic}-${tp.partition} since there is no current committed offset`,
            );
          requested.set(key(tp), c + strategy.shift);
        }
      }
      const [starts, ends] = await Promise.all([offsetsAt(partitions, 'earliest'), offsetsAt(partitions, 'latest')]);
      return partitions.map((tp) => entry(tp, Math.min(ends.get(key(tp))!, Math.max(starts.get(key(tp))!, requested.get(key(tp))!))));
    }
    case 'to-datetime':
    case 'by-duration': {
      const timestamp =
        strategy.type === 'to-datetime'
          ? parseResetDatetime(strategy.datetime)
          : (spec.now ?? Date.now()) - parseIsoDuration(strategy.duration);
      const at = await offsetsAt(partitions, { timestamp });
      const empty = partitions.filter((tp) => at.get(key(tp)) === -1);
      const ends = await offsetsAt(empty, 'latest');
      return partitions.map((tp) => entry(tp, at.get(key(tp)) === -1 ? ends.get(key(tp))! : at.get(key(tp))!));
    }
  }
}

/** Commits the plan for the group (refused while it has members, as Kafka). */
export async function executeResetPlan(
  ctx: AdminContext,
  groupId: string,
  plan: readonly ResetPlanEntry[],
  options: AdminCallOptions = {},
): Promise<PartitionResult<true>[]> {
  await requireInactive(ctx, groupId, options);
  return alterConsumerGroupOffsets(
    ctx,
    groupId,
    plan.filter((e) => e.groupId === groupId).map((e) => ({ topic: e.topic, partition: e.partition, offset: e.newOffset })),
    options,
  );
}

function valueOrThrow<V>(r: ItemResult<V>): V {
  if (r.error !== null) throw r.error;
  return r.value!;
}

/** `--topic` values: 'orders' (all its partitions, from metadata) or 'orders:0,2'. */
async function scopePartitions(ctx: AdminContext, topics: readonly string[], options: AdminCallOptions): Promise<TopicPartitionRef[]> {
  const out: TopicPartitionRef[] = [];
  const whole: string[] = [];
  for (const t of topics) {
    const [topic, list] = parseTopicScope(t);
    if (list === null) whole.push(topic);
    else out.push(...list.map((partition) => ({ topic, partition })));
  }
  if (whole.length > 0)
    for (const d of await describeTopics(ctx, whole, options))
      out.push(...valueOrThrow(d).partitions.map((p) => ({ topic: d.name, partition: p.partition })));
  return out;
}

/** 'orders:0,2' → ['orders', [0, 2]]; 'orders' → ['orders', null]. */
export function parseTopicScope(value: string): [string, number[] | null] {
  const i = value.indexOf(':');
  if (i < 0) return [value, null];
  const partitions = value
    .slice(i + 1)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      if (!/^\d+$/.test(s)) throw new ConfigError('--topic', `partition ${JSON.stringify(s)} in ${JSON.stringify(value)} is not a number`);
      return Number(s);
    });
  return [value.slice(0, i), partitions];
}

/** Kafka's reset datetime: 'YYYY-MM-DDTHH:mm:SS.sss', zone optional (local time without one). */
export function parseResetDatetime(value: string | number): number {
  if (typeof value === 'number') return value;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  const ms =
    m === null
      ? NaN
      : Date.parse(m[2] === undefined ? m[1]! : `${m[1]}${m[2].length === 5 ? `${m[2].slice(0, 3)}:${m[2].slice(3)}` : m[2]}`);
  if (Number.isNaN(ms)) throw new ConfigError('--to-datetime', `expected YYYY-MM-DDTHH:mm:SS.sss, got ${JSON.stringify(value)}`);
  return ms;
}

/** ISO-8601 durations as Java's Duration.parse ('P1DT2H', 'PT30M', 'PT0.5S'), in ms. */
export function parseIsoDuration(value: string): number {
  const m = /^([-+]?)P(?:([-+]?\d+)D)?(?:T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+(?:[.,]\d+)?)S)?)?$/i.exec(value.trim());
  if (m === null || (m[2] ?? m[3] ?? m[4] ?? m[5]) === undefined)
    throw new ConfigError('--by-duration', `expected an ISO-8601 duration like PnDTnHnMnS, got ${JSON.stringify(value)}`);
  const n = (s: string | undefined): number => (s === undefined ? 0 : Number(s.replace(',', '.')));
  const ms = ((n(m[2]) * 24 + n(m[3])) * 60 + n(m[4])) * 60_000 + Math.round(n(m[5]) * 1000);
  return m[1] === '-' ? -ms : ms;
}

/** `--from-file` CSV: 'topic,partition,offset' lines, or 'group,topic,partition,offset' (only `groupId`'s kept). */
export function parseResetFile(csv: string, groupId: string): (TopicPartitionRef & { offset: number })[] {
  const out: (TopicPartitionRef & { offset: number })[] = [];
  csv.split(/\r?\n/).forEach((line, i) => {
    const fields = line.split(',').map((s) => s.trim());
    if (line.trim() === '') return;
    if (fields.length !== 3 && fields.length !== 4) throw new ConfigError('--from-file', `line ${i + 1}: expected topic,partition,offset`);
    const [group, topic, partition, offset] = fields.length === 4 ? fields : [groupId, ...fields];
    if (!/^\d+$/.test(partition!) || !/^-?\d+$/.test(offset!))
      throw new ConfigError('--from-file', `line ${i + 1}: partition and offset must be numbers`);
    if (group === groupId) out.push({ topic: topic!, partition: Number(partition), offset: Number(offset) });
  });
  return out;
}
