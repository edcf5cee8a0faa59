/**
 * Which `__consumer_offsets` partition holds a group (Kafka's GroupMetadataManager.partitionFor):
 * `Utils.abs(groupId.hashCode) % partitions`. The hash must be Java's String.hashCode over UTF-16
 * code units with 32-bit overflow, and Kafka's Utils.abs maps Integer.MIN_VALUE to 0 (Math.abs
 * would leave it negative) — any other hash would put a group on another partition than Kafka does,
 * and a log directory written by Kafka would lose its groups.
 */

/** Java's String.hashCode: s[0]*31^(n-1) + … + s[n-1], in int32 arithmetic. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Kafka's Utils.abs. */
export function kafkaAbs(n: number): number {
  return n === -2147483648 ? 0 : Math.abs(n);
}

export function partitionForGroup(groupId: string, numPartitions: number): number {
  return kafkaAbs(javaStringHashCode(groupId)) % numPartitions;
}
