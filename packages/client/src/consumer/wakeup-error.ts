/** A poll interrupted by `wakeup()` (Kafka's WakeupException). */
export class WakeupError extends Error {
  constructor() {
    super('the consumer was woken up (wakeup())');
    this.name = 'WakeupError';
  }
}
