/**
 * Faults that tests inject through the real code paths, in one explicit place instead of public
 * fields scattered over the broker's classes. In production every field stays at its default.
 */
export interface FaultInjection {
  /**
   * The next N produce requests (acks 1/-1) are appended and then their connection is dropped
   * instead of answered, as a lost response would: clients must retry.
   */
  dropProduceResponses: number;
  /** This broker's followers stop fetching from their leaders. */
  fetchersPaused: boolean;
  /** The next shutdown skips the controlled part (leaderships stay), as a crash would leave them. */
  skipControlledShutdown: boolean;
}

export function noFaults(): FaultInjection {
  return { dropProduceResponses: 0, fetchersPaused: false, skipControlledShutdown: false };
}
