/**
 * Typed deserializers for record keys and values (Kafka's `key.deserializer` /
 * `value.deserializer`). A null key or value (tombstone) stays null, as Kafka's do.
 */
import type { RecordHeader } from '@tarn/protocol';

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
