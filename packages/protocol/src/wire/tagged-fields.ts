/**
 * Tagged-field sections, which end every struct in a flexible version:
 *
 *   count: uvarint, then count × (tag: uvarint, size: uvarint, size bytes of data)
 *
 * Known tags are decoded by the generated code (from a reader bounded to the field's bytes, which must
 * consume them exactly); unknown ones are kept verbatim in `unknownTaggedFields` so that re-encoding
 * reproduces them byte for byte. On encode, known and unknown fields are merged in ascending tag order,
 * as Kafka's RawTaggedFieldWriter does.
 */
import { DecodeError } from './decode-error';
import type { Reader } from './reader';
import { UnsupportedVersionError } from './unsupported-version-error';
import { Writer } from './writer';

/** A tagged field this codec does not know, kept as raw bytes. */
export interface RawTaggedField {
  tag: number;
  data: Buffer;
}

/** Every generated struct type has this optional member in schemas with flexible versions. */
export interface HasTaggedFields {
  unknownTaggedFields?: RawTaggedField[];
}

/** Decodes a known tag from `r` (the field's own bytes); returns false when the tag is not known. */
export type TaggedFieldReader = (tag: number, r: Reader) => boolean;

/** A known tagged field to encode: its tag and a function writing its value. */
export type TaggedFieldWrite = readonly [tag: number, write: (w: Writer) => void];

export function readTaggedFields(r: Reader, target: HasTaggedFields, known: TaggedFieldReader | null): void {
  const count = r.uvarint();
  if (count === 0) return;
  // Each field takes at least two bytes (tag and size), so a larger count cannot be honest.
  if (count * 2 > r.remaining) throw new DecodeError(`${count} tagged fields, but only ${r.remaining} bytes left`);
  for (let i = 0; i < count; i++) {
    const tag = r.uvarint();
    const field = r.sub(r.uvarint());
    if (known !== null && known(tag, field)) {
      field.expectEnd(`tagged field ${tag}`);
    } else {
      (target.unknownTaggedFields ??= []).push({ tag, data: field.buf.subarray(field.pos, field.end) });
    }
  }
}

/** A tag the schema defines, but not at this version (Kafka: "Tag N is not valid for version V"). */
export function invalidTag(tag: number, version: number): never {
  throw new DecodeError(`tag ${tag} is not valid for version ${version}`);
}

function writeRaw(w: Writer, field: RawTaggedField): void {
  w.uvarint(field.tag);
  w.uvarint(field.data.length);
  w.raw(field.data);
}

export function writeTaggedFields(
  w: Writer,
  known: readonly TaggedFieldWrite[] | null,
  unknown: readonly RawTaggedField[] | undefined,
): void {
  const knownCount = known === null ? 0 : known.length;
  const unknownCount = unknown === undefined ? 0 : unknown.length;
  w.uvarint(knownCount + unknownCount);
  let u = 0;
  for (let k = 0; k < knownCount; k++) {
    const [tag, write] = known![k]!;
    while (u < unknownCount && unknown![u]!.tag < tag) writeRaw(w, unknown![u++]!);
    if (u < unknownCount && unknown![u]!.tag === tag) {
      throw new UnsupportedVersionError(`unknown tagged field uses tag ${tag}, which belongs to a known field`);
    }
    const value = new Writer(64);
    write(value);
    w.uvarint(tag);
    w.uvarint(value.size);
    w.append(value);
  }
  while (u < unknownCount) writeRaw(w, unknown![u++]!);
}

/** In a version without tagged fields, carrying unknown ones would lose them: Kafka refuses too. */
export function noTaggedFields(value: HasTaggedFields, where: string, version: number): void {
  if (value.unknownTaggedFields !== undefined && value.unknownTaggedFields.length > 0) {
    throw new UnsupportedVersionError(`${where}: tagged fields were set, but version ${version} does not support them`);
  }
}
