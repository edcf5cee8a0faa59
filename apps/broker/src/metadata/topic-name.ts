/**
 * Kafka's topic name rules (org.apache.kafka.common.internals.Topic): 1-249 characters of
 * [a-zA-Z0-9._-], not "." or "..". Because metric names turn '.' into '_', two topics whose names
 * differ only there collide; Kafka refuses the second one and warns about names using either.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';

export const GROUP_METADATA_TOPIC_NAME = '__consumer_offsets';
export const TRANSACTION_STATE_TOPIC_NAME = '__transaction_state';
export const INTERNAL_TOPICS: ReadonlySet<string> = new Set([GROUP_METADATA_TOPIC_NAME, TRANSACTION_STATE_TOPIC_NAME]);
export const MAX_TOPIC_NAME_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

export function isInternalTopic(name: string): boolean {
  return INTERNAL_TOPICS.has(name);
}

/** Throws INVALID_TOPIC_EXCEPTION with Kafka's message when the name is not legal. */
export function validateTopicName(name: string): void {
  const fail = (why: string): never => {
    throw new KafkaError(ErrorCode.INVALID_TOPIC_EXCEPTION, why);
  };
  if (name.length === 0) fail("Topic name is illegal, it can't be empty");
  if (name === '.' || name === '..') fail('Topic name cannot be "." or ".."');
  if (name.length > MAX_TOPIC_NAME_LENGTH)
    fail(`Topic name is illegal, it can't be longer than ${MAX_TOPIC_NAME_LENGTH} characters, topic name: ${name}`);
  if (!LEGAL.test(name)) fail(`Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`);
}

export function hasCollisionChars(name: string): boolean {
  return name.includes('.') || name.includes('_');
}

export function unifyCollisionChars(name: string): string {
  return name.replaceAll('.', '_');
}
