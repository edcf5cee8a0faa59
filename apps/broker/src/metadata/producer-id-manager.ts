/**
 * Hands out producer ids for InitProducerId. Ids come from the metadata store in blocks of 1000, as
 * Kafka's ProducerIdManager takes them, so they stay unique across restarts (and brokers).
 */
import type { MetadataStore } from './metadata-store';

const BLOCK_SIZE = 1000;

export class ProducerIdManager {
  private next = 0;
  private end = 0;
  private refill: Promise<void> | null = null;

  constructor(private readonly store: MetadataStore) {}

  async generateProducerId(): Promise<number> {
    while (this.next >= this.end) {
      this.refill ??= this.store.allocateProducerIds(BLOCK_SIZE).then((first) => {
        this.next = first;
        this.end = first + BLOCK_SIZE;
        this.refill = null;
      });
      await this.refill;
    }
    return this.next++;
  }
}
