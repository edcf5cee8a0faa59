// generated — do not edit. Source: shared/kafka-protocol/messages/DefaultPrincipalData.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { MessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * DefaultPrincipalData (data); versions 0; flexible 0+.
 */
export interface DefaultPrincipalData {
  /** The principal type */
  type: string;
  /** The principal name */
  name: string;
  /** Whether the principal was authenticated by a delegation token on the forwarding broker. */
  tokenAuthenticated: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DefaultPrincipalData: `read` and `write` its body at a given version. */
export const DefaultPrincipalData = {
  type: 'data',
  name: 'DefaultPrincipalData',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDefaultPrincipalData,
  write: writeDefaultPrincipalData,
} as const satisfies MessageCodec<DefaultPrincipalData>;

function readDefaultPrincipalData(r: Reader, v: number): DefaultPrincipalData {
  checkVersion(v, 0, 0, 'DefaultPrincipalData');
  const o: DefaultPrincipalData = {
    type: r.compactString(),
    name: r.compactString(),
    tokenAuthenticated: r.bool(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDefaultPrincipalData(w: Writer, v: number, o: DefaultPrincipalData): void {
  checkVersion(v, 0, 0, 'DefaultPrincipalData');
  w.compactString(o.type);
  w.compactString(o.name);
  w.bool(o.tokenAuthenticated);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** DefaultPrincipalData with every field at its default (Kafka's no-argument constructor). */
export function defaultDefaultPrincipalData(): DefaultPrincipalData {
  return {
    type: "",
    name: "",
    tokenAuthenticated: false,
  };
}
