/**
 * Kafka's UnsupportedVersionException: a codec was asked for a version outside the schema's range, or a
 * value cannot be expressed at the requested version (a non-ignorable field holds a non-default value
 * that version cannot carry, or tagged fields are set on a version without tagged fields). This is a
 * programming error on the encoding side, never a property of received bytes.
 */
export class UnsupportedVersionError extends Error {
  override readonly name = 'UnsupportedVersionError';
}
