/**
 * An internal topic (`__consumer_offsets`, `__transaction_state`) created on first need: the first
 * caller creates it, concurrent callers wait for that creation, and a topic another broker created
 * meanwhile counts as created.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';
import type { Logger } from '../logger';
import type { MetadataStore } from './metadata-store';
import type { TopicAdmin } from './topic-admin';

export interface InternalTopicSpec {
  name: string;
  numPartitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

export class InternalTopicCreation {
  private creating: Promise<void> | null = null;

  constructor(
    private readonly metadata: MetadataStore,
    private readonly topicAdmin: TopicAdmin,
    private readonly logger: Logger,
  ) {}

  /** Creates the topic unless it exists; `spec` is read only when it must be created. */
  ensure(spec: () => InternalTopicSpec): Promise<void> {
    const s = spec();
    if (this.metadata.topic(s.name) !== undefined) return Promise.resolve();
    this.creating ??= this.topicAdmin
      .createTopic(s, { internal: true })
      .then(
        () => this.logger.info({ partitions: s.numPartitions }, `created ${s.name}`),
        (err: unknown) => {
          if (err instanceof KafkaError && err.code === ErrorCode.TOPIC_ALREADY_EXISTS) return;
          throw err;
        },
      )
      .finally(() => {
        this.creating = null;
      });
    return this.creating;
  }
}
