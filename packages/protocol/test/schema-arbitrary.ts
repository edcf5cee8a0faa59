// fast-check arbitraries built straight from Kafka's schemas: for a message at a version, values that
// respect that version's field set (absent fields hold their defaults), nullability and tagged fields,
// plus unknown tagged fields in flexible versions. Defaults are computed here independently of the
// generator's emitters, so the round-trip tests also check what the generated code fills in.
import fc from 'fast-check';
import type { FieldType } from '../codegen/field-type';
import type { FieldSpec, MessageSpec, StructSpec } from '../codegen/schema';

type Value = unknown;

const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

function parseInteger(text: string): number {
  const t = text.trim();
  if (t === '') return 0;
  return /^0x/i.test(t) ? parseInt(t.slice(2), 16) : Number(t);
}

function findStruct(m: MessageSpec, name: string): StructSpec {
  const s = [m.root, ...m.structs].find((x) => x.name === name);
  if (s === undefined) throw new Error(`${m.name}: no struct ${name}`);
  return s;
}

/** Kafka's default value rules (SCHEMA-FORMAT.md, "Deserializing Messages"). */
export function defaultValue(m: MessageSpec, f: FieldSpec): Value {
  const t = f.type;
  const d = f.default;
  switch (t.kind) {
    case 'bool':
      return d.toLowerCase() === 'true';
    case 'int64':
      return d === '' ? 0n : BigInt(d);
    case 'float64':
      return d === '' ? 0 : Number(d);
    case 'string':
      return d === 'null' ? null : d;
    case 'uuid':
      return d === '' ? ZERO_UUID : d;
    case 'bytes':
      return d === 'null' ? null : Buffer.alloc(0);
    case 'records':
      return null;
    case 'array':
      return d === 'null' ? null : [];
    case 'struct':
      return d === 'null' ? null : defaultStruct(m, findStruct(m, t.name));
    default:
      return parseInteger(d);
  }
}

function defaultStruct(m: MessageSpec, s: StructSpec): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const f of s.fields) out[f.prop] = defaultValue(m, f);
  return out;
}

const uint32 = fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff })).map(([hi, lo]) => hi * 0x10000 + lo);
const bytes = fc.uint8Array({ maxLength: 12 }).map((a) => Buffer.from(a));
const uuid = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((a) => Buffer.from(a).toString('base64url'));

function typeArbitrary(m: MessageSpec, t: FieldType, v: number): fc.Arbitrary<Value> {
  switch (t.kind) {
    case 'bool':
      return fc.boolean();
    case 'int8':
      return fc.integer({ min: -0x80, max: 0x7f });
    case 'int16':
      return fc.integer({ min: -0x8000, max: 0x7fff });
    case 'uint16':
      return fc.integer({ min: 0, max: 0xffff });
    case 'int32':
      return fc.integer();
    case 'uint32':
      return uint32;
    case 'int64':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case 'float64':
      return fc.double();
    case 'string':
      return fc.string({ unit: 'binary', maxLength: 8 });
    case 'uuid':
      return uuid;
    case 'bytes':
    case 'records':
      return bytes;
    case 'array':
      return fc.array(typeArbitrary(m, t.element, v), { maxLength: 3 });
    case 'struct':
      return structArbitrary(m, findStruct(m, t.name), v);
  }
}

function fieldArbitrary(m: MessageSpec, f: FieldSpec, v: number): fc.Arbitrary<Value> {
  if (!f.versions.contains(v)) return fc.constant(defaultValue(m, f));
  const arb = typeArbitrary(m, f.type, v);
  return f.nullableVersions.contains(v) ? fc.option(arb, { nil: null, freq: 4 }) : arb;
}

/** Unknown tagged fields: tags no field of the struct uses, ascending (as Kafka writes them). */
function unknownTagsArbitrary(s: StructSpec): fc.Arbitrary<{ tag: number; data: Buffer }[]> {
  const known = new Set(s.fields.flatMap((f) => (f.tag === null ? [] : [f.tag])));
  const limit = Math.max(-1, ...known) + 6;
  const free = Array.from({ length: limit + 1 }, (_, i) => i).filter((t) => !known.has(t));
  return fc
    .uniqueArray(fc.constantFrom(...free), { minLength: 1, maxLength: 3 })
    .chain((tags) => fc.tuple(...tags.sort((a, b) => a - b).map((tag) => bytes.map((data) => ({ tag, data })))));
}

export function structArbitrary(m: MessageSpec, s: StructSpec, v: number): fc.Arbitrary<Record<string, Value>> {
  const model: Record<string, fc.Arbitrary<Value>> = {};
  for (const f of s.fields) model[f.prop] = fieldArbitrary(m, f, v);
  const requiredKeys = s.fields.map((f) => f.prop);
  if (m.flexibleVersions.contains(v)) model['unknownTaggedFields'] = unknownTagsArbitrary(s);
  return fc.record(model, { requiredKeys, noNullPrototype: true });
}

export function messageArbitrary(m: MessageSpec, v: number): fc.Arbitrary<Record<string, Value>> {
  return structArbitrary(m, m.root, v);
}
