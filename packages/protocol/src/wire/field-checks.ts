/**
 * Checks generated codecs share: version ranges, fields a version cannot carry, nulls where a version
 * forbids them. All of these are encoding-side programming errors (Kafka's UnsupportedVersionException
 * and NullPointerException), so they are not DecodeErrors.
 */
import { UnsupportedVersionError } from './unsupported-version-error';

/** Kafka's Uuid.ZERO_UUID in Uuid.toString() form. */
export const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

/** Default of non-nullable bytes fields. Zero-length, so sharing it is safe. */
export const EMPTY_BYTES: Buffer = Buffer.alloc(0);

export function checkVersion(version: number, min: number, max: number, name: string): void {
  if (!(version >= min && version <= max)) {
    throw new UnsupportedVersionError(`${name} has no version ${version} (valid versions ${min}-${max})`);
  }
}

/** A non-ignorable field holds a non-default value the requested version cannot carry. */
export function nonDefault(field: string, version: number): UnsupportedVersionError {
  return new UnsupportedVersionError(`attempted to write a non-default ${field} at version ${version}`);
}

/** Returns `value`, or throws when a version where the field is not nullable is given null. */
export function nonNull<T>(value: T | null, field: string, version: number): T {
  if (value === null) throw new TypeError(`${field} is not nullable at version ${version}, but is null`);
  return value;
}
