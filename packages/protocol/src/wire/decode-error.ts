/**
 * Bytes that cannot be decoded: a truncated frame, a length running past the end, a null where the
 * schema forbids one, a malformed varint. Decoders throw nothing else for bad input, so the broker can
 * tell "this connection sent garbage, close it" (DESIGN.md decision 6) from its own bugs.
 */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}
