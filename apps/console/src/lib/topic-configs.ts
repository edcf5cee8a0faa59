/**
 * Kafka's topic-level config names, offered as suggestions when creating a topic. Only a hint for
 * typing: the broker validates names and values and its answer is what the form shows.
 */
export const TOPIC_CONFIG_NAMES = [
  'cleanup.policy',
  'compression.type',
  'delete.retention.ms',
  'file.delete.delay.ms',
  'flush.messages',
  'flush.ms',
  'index.interval.bytes',
  'max.compaction.lag.ms',
  'max.message.bytes',
  'message.timestamp.type',
  'min.cleanable.dirty.ratio',
  'min.compaction.lag.ms',
  'min.insync.replicas',
  'preallocate',
  'retention.bytes',
  'retention.ms',
  'segment.bytes',
  'segment.index.bytes',
  'segment.jitter.ms',
  'segment.ms',
  'unclean.leader.election.enable',
] as const;

/** The config an INVALID_CONFIG message is about ("… for configuration retention.ms: …"). */
export function configNameInMessage(message: string, candidates: readonly string[]): string | null {
  const m = /configuration ([\w.-]+)/.exec(message) ?? /config(?:uration)? '?([\w.-]+)'?/i.exec(message);
  if (m !== null && candidates.includes(m[1]!)) return m[1]!;
  return candidates.find((c) => c !== '' && message.includes(c)) ?? null;
}
