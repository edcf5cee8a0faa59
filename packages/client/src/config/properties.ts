/**
 * Kafka-style client properties (`bootstrap.servers`, `linger.ms`, …) as given by a caller or read
 * from a `.properties` file, and typed accessors that producer, consumer and admin configs share: a
 * value of the wrong type is a ConfigError naming the property, never NaN downstream.
 */
import { ConfigError } from '../errors';

export type PropertyValue = string | number | boolean;
/** Kafka's property names as keys, e.g. `{ 'bootstrap.servers': 'localhost:9092', 'acks': 'all' }`. */
export type ClientProperties = Readonly<Record<string, PropertyValue | undefined>>;

export function stringProp(props: ClientProperties, key: string, fallback: string): string;
export function stringProp(props: ClientProperties, key: string, fallback?: string): string | undefined;
export function stringProp(props: ClientProperties, key: string, fallback?: string): string | undefined {
  const v = props[key];
  return v === undefined ? fallback : String(v);
}

/** An integer property (Kafka's int/long); `min` bounds it. */
export function intProp(props: ClientProperties, key: string, fallback: number, min = Number.MIN_SAFE_INTEGER): number {
  const v = props[key];
  if (v === undefined) return fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
  if (!Number.isSafeInteger(n)) throw new ConfigError(key, `expected an integer, got ${JSON.stringify(v)}`);
  if (n < min) throw new ConfigError(key, `must be at least ${min}, got ${n}`);
  return n;
}

export function boolProp(props: ClientProperties, key: string, fallback: boolean): boolean {
  const v = props[key];
  if (v === undefined) return fallback;
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().toLowerCase();
  if (s === 'true') return true;
  if (s === 'false') return false;
  throw new ConfigError(key, `expected true or false, got ${JSON.stringify(v)}`);
}

/** One of a fixed set of values, compared case-insensitively (Kafka accepts `acks=ALL` and `all`), returned as listed. */
export function enumProp<T extends string>(props: ClientProperties, key: string, values: readonly T[], fallback: T): T {
  const v = props[key];
  if (v === undefined) return fallback;
  const s = String(v).trim().toLowerCase();
  const found = values.find((x) => x.toLowerCase() === s);
  if (found === undefined) throw new ConfigError(key, `expected one of ${values.join(', ')}, got ${JSON.stringify(v)}`);
  return found;
}

/** A comma-separated list (Kafka's LIST type), blanks dropped. */
export function listProp(props: ClientProperties, key: string, fallback: readonly string[] = []): string[] {
  const v = props[key];
  if (v === undefined) return [...fallback];
  return String(v)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
