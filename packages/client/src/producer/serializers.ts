/**
 * Typed serializers for record keys and values (Kafka's `key.serializer` / `value.serializer`): a
 * producer typed `Producer<K, V>` turns a K and a V into bytes with them. `null` stays null (a
 * tombstone value, a record without a key), as Kafka's serializers pass null through.
 */
/** A value the serializer cannot turn into bytes (Kafka's SerializationException on the producer side). */
export class RecordSerializationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RecordSerializationError';
  }
}

export interface Serializer<T> {
  serialize(topic: string, data: T): Buffer | null;
}

/** UTF-8 strings (Kafka's StringSerializer). */
export const StringSerializer: Serializer<string | null | undefined> = {
  serialize: (_topic, data) => {
    if (data === null || data === undefined) return null;
    if (typeof data !== 'string') throw new RecordSerializationError(`StringSerializer got a ${typeof data}, not a string`);
    return Buffer.from(data, 'utf8');
  },
};

/** Bytes as given (Kafka's ByteArraySerializer); strings are taken as UTF-8 for convenience. */
export const BufferSerializer: Serializer<Buffer | Uint8Array | string | null | undefined> = {
  serialize: (_topic, data) => {
    if (data === null || data === undefined) return null;
    if (typeof data === 'string') return Buffer.from(data, 'utf8');
    if (Buffer.isBuffer(data)) return data;
    if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    throw new RecordSerializationError(
      `cannot serialize a ${typeof data} as bytes: give a Buffer, Uint8Array or string, or set a serializer`,
    );
  },
};

/** Any JSON value as its UTF-8 JSON text; `null`/`undefined` are a null value, not the text "null". */
export function jsonSerializer<T>(): Serializer<T | null | undefined> {
  return {
    serialize: (_topic, data) => {
      if (data === null || data === undefined) return null;
      try {
        return Buffer.from(JSON.stringify(data), 'utf8');
      } catch (err) {
        throw new RecordSerializationError(`cannot serialize as JSON: ${(err as Error).message}`, { cause: err });
      }
    },
  };
}

/** A serializer from a plain function. */
export function serializerOf<T>(fn: (data: T, topic: string) => Buffer | null): Serializer<T> {
  return { serialize: (topic, data) => fn(data, topic) };
}
