/**
 * Topic names by topic id (KIP-516), for the requests that name topics by id (Fetch v13+,
 * DeleteTopics v6, Metadata v10+). Built from the metadata image on first use and kept current by
 * its change events, so a lookup costs one map read on the fetch path.
 */
import type { MetadataStore } from './metadata-store';

export class TopicIds {
  private names: Map<string, string> | null = null;

  constructor(private readonly store: MetadataStore) {
    store.onChange((c) => {
      if (this.names === null) return;
      if (c.type === 'topic-created') {
        const t = store.topic(c.topic);
        if (t !== undefined) this.names.set(t.topicId, t.name);
      } else if (c.type === 'topic-deleted') {
        this.names.delete(c.topicId);
      }
    });
  }

  nameOf(topicId: string): string | undefined {
    this.names ??= new Map(this.store.topics().map((t) => [t.topicId, t.name]));
    return this.names.get(topicId);
  }
}
