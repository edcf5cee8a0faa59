/**
 * Topics for the console: a server-side paged, sorted and searchable list (the console stays fast
 * with thousands of topics), and one topic's partitions with offsets, sizes and replica state.
 */
import { resolveTopicConfigs, TOPIC_CONFIG_BY_NAME } from '@tarn/storage';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import type { AdminServices } from '../../services';
import type { TopicMetadata } from '../../metadata/cluster-metadata';

export type TopicSort = 'name' | 'partitions' | 'size' | 'messages';

export interface TopicListQuery {
  page: number;
  pageSize: number;
  sort: TopicSort;
  direction: 'asc' | 'desc';
  search: string;
  includeInternal: boolean;
}

export interface TopicSummary {
  name: string;
  topicId: string;
  internal: boolean;
  partitions: number;
  replicationFactor: number;
  sizeBytes: number;
  /** Records between log start and high watermark, summed over local partitions. */
  messages: number;
  underReplicated: number;
}

function summarize(services: AdminServices, t: TopicMetadata): TopicSummary {
  let sizeBytes = 0;
  let messages = 0;
  for (const p of t.partitions) {
    const log = services.logManager.getLog(t.name, p.partition);
    if (log === undefined) continue;
    sizeBytes += log.size;
    messages += Math.max(0, log.highWatermark - log.logStartOffset);
  }
  return {
    name: t.name,
    topicId: t.topicId,
    internal: t.internal,
    partitions: t.partitions.length,
    replicationFactor: t.partitions[0]?.replicas.length ?? 0,
    sizeBytes,
    messages,
    underReplicated: t.partitions.filter((p) => p.isr.length < p.replicas.length).length,
  };
}

export function listTopics(
  services: AdminServices,
  q: TopicListQuery,
  visible: (topic: string) => boolean = () => true,
): { total: number; items: TopicSummary[] } {
  const needle = q.search.trim().toLowerCase();
  let topics = services.metadata
    .topics()
    .filter((t) => (q.includeInternal || !t.internal) && (needle === '' || t.name.toLowerCase().includes(needle)) && visible(t.name));
  const dir = q.direction === 'asc' ? 1 : -1;
  let items: TopicSummary[];
  if (q.sort === 'name' || q.sort === 'partitions') {
    // sort on metadata alone, then summarize only the page
    topics = topics.sort(
      (a, b) =>
        dir *
        (q.sort === 'name' ? a.name.localeCompare(b.name) : a.partitions.length - b.partitions.length || a.name.localeCompare(b.name)),
    );
    items = topics.slice(q.page * q.pageSize, (q.page + 1) * q.pageSize).map((t) => summarize(services, t));
  } else {
    const all = topics.map((t) => summarize(services, t));
    const key = q.sort === 'size' ? (s: TopicSummary) => s.sizeBytes : (s: TopicSummary) => s.messages;
    all.sort((a, b) => dir * (key(a) - key(b)) || a.name.localeCompare(b.name));
    items = all.slice(q.page * q.pageSize, (q.page + 1) * q.pageSize);
  }
  return { total: topics.length, items };
}

export function topicDetail(services: AdminServices, name: string) {
  const t = services.metadata.topic(name);
  if (t === undefined) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${name}' does not exist.`);
  return {
    ...summarize(services, t),
    configs: resolveTopicConfigs(t.configs, services.config.props).map((c) => ({ ...c, doc: TOPIC_CONFIG_BY_NAME.get(c.name)?.doc ?? '' })),
    partitions: t.partitions.map((p) => {
      const log = services.logManager.getLog(t.name, p.partition);
      return {
        partition: p.partition,
        leader: p.leader,
        leaderEpoch: p.leaderEpoch,
        replicas: p.replicas,
        isr: p.isr,
        outOfSync: p.replicas.filter((r) => !p.isr.includes(r)),
        logStartOffset: log?.logStartOffset ?? null,
        highWatermark: log?.highWatermark ?? null,
        lastStableOffset: log?.lastStableOffset ?? null,
        logEndOffset: log?.logEndOffset ?? null,
        sizeBytes: log?.size ?? null,
        segments: log?.segments.length ?? null,
      };
    }),
  };
}
