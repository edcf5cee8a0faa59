// Schema field types and how they map to TypeScript: the declared type, the default value, and the
// "differs from the default" test Kafka's generator uses for tagged fields and non-ignorable fields.
//
//   int8/int16/int32/uint16/uint32/float64 → number   int64 → bigint   bool → boolean
//   string → string   bytes → Buffer   records → Buffer | null   uuid → string (Uuid.toString form)
//   []T → T[]   Struct → Struct   (nullable in any version → | null)
import type { FieldSpec } from './schema';

export type PrimitiveKind =
  'bool' | 'int8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'float64' | 'string' | 'bytes' | 'records' | 'uuid';

export type FieldType =
  | { readonly kind: PrimitiveKind }
  | { readonly kind: 'array'; readonly element: FieldType }
  | { readonly kind: 'struct'; readonly name: string };

const PRIMITIVES = new Set<string>([
  'bool',
  'int8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'float64',
  'string',
  'bytes',
  'records',
  'uuid',
]);

export function parseFieldType(text: string): FieldType {
  if (text.startsWith('[]')) {
    const element = parseFieldType(text.slice(2));
    if (element.kind === 'array' || element.kind === 'records') throw new Error(`unsupported array element type in ${text}`);
    return { kind: 'array', element };
  }
  if (PRIMITIVES.has(text)) return { kind: text as PrimitiveKind };
  if (/^[A-Z][A-Za-z0-9]*$/.test(text)) return { kind: 'struct', name: text };
  throw new Error(`unknown field type ${text}`);
}

/** The TypeScript type of a value of `type` (never null). */
export function tsBaseType(type: FieldType): string {
  switch (type.kind) {
    case 'bool':
      return 'boolean';
    case 'int64':
      return 'bigint';
    case 'string':
    case 'uuid':
      return 'string';
    case 'bytes':
      return 'Buffer';
    case 'records':
      return 'Buffer | null';
    case 'array': {
      const element = tsBaseType(type.element);
      return `${element}[]`;
    }
    case 'struct':
      return type.name;
    default:
      return 'number';
  }
}

export function isNullableSomewhere(field: FieldSpec): boolean {
  return !field.nullableVersions.empty || field.type.kind === 'records';
}

/** The declared property type. */
export function tsFieldType(field: FieldSpec): string {
  const base = tsBaseType(field.type);
  return field.nullableVersions.empty || field.type.kind === 'records' ? base : `${base} | null`;
}

function parseInteger(field: FieldSpec, min: number, max: number): number {
  const text = field.default.trim();
  if (text === '') return 0;
  const n = /^-?0x/i.test(text) ? (text.startsWith('-') ? -parseInt(text.slice(3), 16) : parseInt(text.slice(2), 16)) : Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`field ${field.name}: invalid default ${field.default}`);
  return n;
}

function nullDefault(field: FieldSpec): boolean {
  if (field.default !== 'null') return false;
  if (!field.nullableVersions.covers(field.versions)) {
    throw new Error(`field ${field.name}: null cannot be the default, not all versions are nullable`);
  }
  return true;
}

/**
 * The default value as a TypeScript expression. `structDefault(name)` returns the expression building a
 * default struct (the emitter generates those factories on demand).
 */
export function defaultExpr(field: FieldSpec, structDefault: (name: string) => string): string {
  const t = field.type;
  switch (t.kind) {
    case 'bool': {
      const d = field.default.toLowerCase();
      if (d !== '' && d !== 'true' && d !== 'false') throw new Error(`field ${field.name}: invalid bool default ${field.default}`);
      return d === 'true' ? 'true' : 'false';
    }
    case 'int8':
      return String(parseInteger(field, -0x80, 0x7f));
    case 'int16':
      return String(parseInteger(field, -0x8000, 0x7fff));
    case 'uint16':
      return String(parseInteger(field, 0, 0xffff));
    case 'int32':
      return String(parseInteger(field, -0x80000000, 0x7fffffff));
    case 'uint32':
      return String(parseInteger(field, 0, 0xffffffff));
    case 'int64': {
      const text = field.default.trim();
      const n = text === '' ? 0n : BigInt(text);
      if (n !== BigInt.asIntN(64, n)) throw new Error(`field ${field.name}: invalid int64 default ${field.default}`);
      return `${n}n`;
    }
    case 'float64': {
      const n = field.default === '' ? 0 : Number(field.default);
      if (Number.isNaN(n)) throw new Error(`field ${field.name}: invalid float64 default ${field.default}`);
      return String(n);
    }
    case 'string':
      return nullDefault(field) ? 'null' : JSON.stringify(field.default);
    case 'uuid':
      if (field.default === '') return 'ZERO_UUID';
      if (!/^[A-Za-z0-9_-]{21}[AQgw]$/.test(field.default)) throw new Error(`field ${field.name}: invalid uuid default`);
      return JSON.stringify(field.default);
    case 'bytes':
      if (nullDefault(field)) return 'null';
      if (field.default !== '') throw new Error(`field ${field.name}: bytes default must be empty or null`);
      return 'EMPTY_BYTES';
    case 'records':
      return 'null';
    case 'array':
      if (nullDefault(field)) return 'null';
      if (field.default !== '') throw new Error(`field ${field.name}: array default must be empty or null`);
      return '[]';
    case 'struct':
      if (nullDefault(field)) return 'null';
      if (field.default !== '') throw new Error(`field ${field.name}: struct default must be empty or null`);
      return structDefault(t.name);
  }
}

/**
 * A TypeScript condition that is true when `expr` differs from the field's default (Kafka's
 * FieldSpec.generateNonDefaultValueCheck). `considerNull` says whether `expr` may be null here.
 * `structIsDefault(name)` names the generated "is this struct all defaults" function.
 */
export function nonDefaultExpr(field: FieldSpec, expr: string, considerNull: boolean, structIsDefault: (name: string) => string): string {
  const t = field.type;
  const d = defaultExpr(field, () => '');
  const orNull = (test: string): string => (considerNull ? `${expr} === null || ${test}` : test);
  switch (t.kind) {
    case 'array':
    case 'bytes':
      return d === 'null' ? `${expr} !== null` : orNull(`${expr}.length !== 0`);
    case 'records':
      return `${expr} !== null`;
    case 'string':
    case 'uuid':
      return d === 'null' ? `${expr} !== null` : orNull(`${expr} !== ${d}`);
    case 'struct':
      return d === 'null' ? `${expr} !== null` : orNull(`!${structIsDefault(t.name)}(${expr})`);
    case 'bool':
      return d === 'true' ? `!${expr}` : expr;
    default:
      return `${expr} !== ${d}`;
  }
}

/** The suffix of the Reader/Writer methods and element codecs for a primitive, e.g. "Int32". */
export function primitiveMethod(kind: PrimitiveKind): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}
