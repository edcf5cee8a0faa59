/**
 * Typed deserializers for record keys and values (Kafka's `key.deserializer` /
 * `value.deserializer`). A null key or value (tombstone) stays null, as Kafka's do.
 */
import type { RecordHeader } from '@tarn/protocol';
import type { ConsumerRecord } from './consumer-record';

export interface Deserializer<T> {
  deserialize(topic: string, data: Buffer | null, headers: readonly RecordHeader[]): T;
}

/** The bytes as stored (Kafka's ByteArrayDeserializer); the default. */
export const BufferDeserializer: Deserializer<Buffer | null> = { deserialize: (_t, data) => data };

/** UTF-8 text (Kafka's StringDeserializer). */
export const StringDeserializer: Deserializer<string | null> = {
  deserialize: (_t, data) => (data === null ? null : data.toString('utf8')),
};

/** JSON text parsed; a value that is not JSON throws a SerializationError naming topic and cause. */
export function jsonDeserializer<T>(): Deserializer<T | null> {
  return {
    deserialize: (topic, data) => {
      if (data === null) return null;
      try {
        return JSON.parse(data.toString('utf8')) as T;
      } catch (err) {
        throw new SerializationError(topic, err);
      }
    },
  };
}

/** A deserializer failed on a record (Kafka's RecordDeserializationException); seek past `offset` to skip it. */
export class SerializationError extends Error {
  constructor(
    readonly topic: string,
    cause: unknown,
    readonly partition?: number,
    readonly offset?: number,
  ) {
    const at = partition === undefined ? topic : `${topic}-${partition} at offset ${offset}`;
    super(`cannot deserialize the record of ${at}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'SerializationError';
  }
}

/** `key.deserializer` / `value.deserializer` given as Kafka class names. */
export function deserializerByName(name: string | undefined): Deserializer<unknown> | undefined {
  if (name === undefined) return undefined;
  const simple = name.replace(/^org\.apache\.kafka\.common\.serialization\./, '');
  if (simple === 'StringDeserializer') return StringDeserializer;
  if (simple === 'ByteArrayDeserializer' || simple === 'BytesDeserializer' || simple === 'ByteBufferDeserializer')
    return BufferDeserializer;
  return undefined;
}

/**
 * Deserializes records in place (one object per record; none extra for bytes). A record that does
 * not deserialize stops there: the records before it are `good`, it and those after are `rest`,
 * and `error` names its topic, partition and offset (Kafka's RecordDeserializationException).
 */
export function deserializeRecords<K, V>(
  records: ConsumerRecord[],
  keyDeserializer: Deserializer<K>,
  valueDeserializer: Deserializer<V>,
): { good: ConsumerRecord<K, V>[]; error: SerializationError | null; rest: ConsumerRecord[] } {
  const kd = keyDeserializer as Deserializer<unknown>;
  const vd = valueDeserializer as Deserializer<unknown>;
  const all = records as unknown as ConsumerRecord<K, V>[];
  if (kd === BufferDeserializer && vd === BufferDeserializer) return { good: all, error: null, rest: [] };
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as ConsumerRecord<unknown, unknown>;
    try {
      r.key = kd.deserialize(r.topic, r.key as Buffer | null, r.headers);
      r.value = vd.deserialize(r.topic, r.value as Buffer | null, r.headers);
    } catch (err) {
      const cause = err instanceof SerializationError ? err.cause : err;
      return { good: all.slice(0, i), error: new SerializationError(r.topic, cause, r.partition, r.offset), rest: records.slice(i) };
    }
  }
  return { good: all, error: null, rest: [] };
}
