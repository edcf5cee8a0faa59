/**
 * A metadata refresh of the assigned partitions' topics, one at a time (the fetcher's and the
 * position validator's after leader errors); `after` runs once it settles, either way.
 */
import type { Cluster } from '../cluster/cluster';
import type { SubscriptionState } from './subscription-state';

export class AssignedMetadataRefresh {
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly cluster: Cluster,
    private readonly subscriptions: SubscriptionState,
    private readonly after: () => void,
  ) {}

  /** Starts a refresh unless one is under way. */
  request(): void {
    if (this.refreshing !== null) return;
    const topics = [...new Set(this.subscriptions.assigned().map((tp) => tp.topic))];
    this.refreshing = this.cluster
      .refreshMetadata(topics)
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.refreshing = null;
        this.after();
      });
  }
}
