// Reads Kafka's message schemas (JSON with // comments; language described in
// shared/kafka-protocol/SCHEMA-FORMAT.md) into a normalized model, applying the rules of Kafka's own
// generator (org.apache.kafka.message.FieldSpec / StructRegistry): versions default to taggedVersions,
// tags must sit inside flexible versions, struct names are unique within a message, and so on.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Versions } from './versions';
import { parseFieldType, type FieldType } from './field-type';

export type MessageKind = 'request' | 'response' | 'header' | 'data';

export interface FieldSpec {
  /** The schema name, e.g. "TransactionalId". */
  readonly name: string;
  /** The TypeScript property name, e.g. "transactionalId" (Kafka's camelCaseName). */
  readonly prop: string;
  readonly type: FieldType;
  readonly versions: Versions;
  readonly taggedVersions: Versions;
  readonly nullableVersions: Versions;
  /** The field's own flexibleVersions override (strings and bytes only), else null. */
  readonly flexibleVersions: Versions | null;
  readonly tag: number | null;
  /** The raw "default" ("" when absent). */
  readonly default: string;
  readonly ignorable: boolean;
  readonly zeroCopy: boolean;
  readonly about: string;
}

export interface StructSpec {
  readonly name: string;
  readonly fields: readonly FieldSpec[];
  /** Versions in which this struct can be read or written (Kafka's parentVersions ∩ struct versions). */
  readonly versions: Versions;
  readonly common: boolean;
}

export interface MessageSpec {
  readonly name: string;
  readonly kind: MessageKind;
  readonly apiKey: number | null;
  readonly validVersions: Versions;
  readonly flexibleVersions: Versions;
  readonly deprecatedVersions: Versions;
  readonly latestVersionUnstable: boolean;
  readonly listeners: readonly string[];
  readonly root: StructSpec;
  /** Every other struct, in emission order: inline structs depth-first, then common structs. */
  readonly structs: readonly StructSpec[];
  /** Path of the schema relative to the shared directory, e.g. "kafka-protocol/messages/ProduceRequest.json". */
  readonly source: string;
}

/** Strips // comments (outside strings) so JSON.parse can read the schema files. */
export function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else {
      out += c;
    }
  }
  return out;
}

interface RawField {
  name: string;
  type: string;
  versions?: string;
  taggedVersions?: string;
  nullableVersions?: string;
  flexibleVersions?: string;
  tag?: number | string;
  default?: string | number | boolean;
  ignorable?: boolean;
  zeroCopy?: boolean;
  mapKey?: boolean;
  entityType?: string;
  about?: string;
  fields?: RawField[];
}

interface RawStruct {
  name: string;
  versions: string;
  fields: RawField[];
}

interface RawMessage {
  name: string;
  type: MessageKind;
  apiKey?: number;
  validVersions: string;
  flexibleVersions: string;
  deprecatedVersions?: string;
  latestVersionUnstable?: boolean;
  listeners?: string[];
  fields: RawField[];
  commonStructs?: RawStruct[];
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function parseField(raw: RawField, where: string): FieldSpec {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(raw.name)) throw new Error(`${where}: invalid field name ${raw.name}`);
  const taggedVersions = Versions.parse(raw.taggedVersions, Versions.NONE);
  // As in Kafka: when versions is absent but taggedVersions is set, versions default to taggedVersions.
  const versions = Versions.parse(raw.versions, taggedVersions.empty ? Versions.NONE : taggedVersions);
  if (raw.versions === undefined && taggedVersions.empty) throw new Error(`${where}.${raw.name}: no versions`);
  const tag = raw.tag === undefined ? null : Number(raw.tag);
  if (tag !== null && (!Number.isInteger(tag) || tag < 0)) throw new Error(`${where}.${raw.name}: invalid tag ${raw.tag}`);
  if ((tag === null) !== taggedVersions.empty) throw new Error(`${where}.${raw.name}: tag and taggedVersions go together`);
  if (!taggedVersions.empty && !versions.covers(taggedVersions)) throw new Error(`${where}.${raw.name}: taggedVersions outside versions`);
  const type = parseFieldType(raw.type);
  const nullableVersions = Versions.parse(raw.nullableVersions, Versions.NONE);
  if (!nullableVersions.empty && !['string', 'bytes', 'records', 'array', 'struct'].includes(type.kind)) {
    throw new Error(`${where}.${raw.name}: type ${raw.type} cannot be nullable`);
  }
  const flexibleVersions = raw.flexibleVersions === undefined ? null : Versions.parse(raw.flexibleVersions, Versions.NONE);
  if (flexibleVersions !== null && type.kind !== 'string' && type.kind !== 'bytes') {
    throw new Error(`${where}.${raw.name}: only string and bytes fields may override flexibleVersions`);
  }
  if (raw.zeroCopy && type.kind !== 'bytes') throw new Error(`${where}.${raw.name}: zeroCopy on a non-bytes field`);
  if (tag !== null && type.kind === 'records') throw new Error(`${where}.${raw.name}: records cannot be tagged`);
  const nullTagged = nullableVersions.intersect(taggedVersions);
  if (!nullTagged.empty && !nullTagged.equals(taggedVersions)) {
    throw new Error(`${where}.${raw.name}: either all tagged versions must be nullable, or none`);
  }
  return {
    name: raw.name,
    prop: lowerFirst(raw.name),
    type,
    versions,
    taggedVersions,
    nullableVersions,
    flexibleVersions,
    tag,
    default: raw.default === undefined ? '' : String(raw.default),
    ignorable: raw.ignorable === true,
    zeroCopy: raw.zeroCopy === true,
    about: raw.about ?? '',
  };
}

function structNameOf(type: FieldType): string | null {
  if (type.kind === 'struct') return type.name;
  if (type.kind === 'array' && type.element.kind === 'struct') return type.element.name;
  return null;
}

export function parseMessage(text: string, source: string): MessageSpec {
  const raw = JSON.parse(stripJsonComments(text)) as RawMessage;
  const where = basename(source);
  const validVersions = Versions.parse(raw.validVersions, Versions.NONE);
  if (validVersions.empty) throw new Error(`${where}: no validVersions`);
  const flexibleVersions = Versions.parse(raw.flexibleVersions, Versions.NONE);
  const commonRaw = raw.commonStructs ?? [];
  const commonNames = new Set(commonRaw.map((c) => c.name));
  const seen = new Set<string>([raw.name, ...commonNames]);
  if (seen.size !== commonRaw.length + 1) throw new Error(`${where}: duplicate common struct names`);
  const structs: StructSpec[] = [];

  // Depth-first over inline struct definitions, computing each struct's possible versions.
  const build = (name: string, rawFields: RawField[], versions: Versions, common: boolean): StructSpec => {
    const fields = rawFields.map((f) => parseField(f, `${where}:${name}`));
    const spec: StructSpec = { name, fields, versions, common };
    fields.forEach((field, i) => {
      const structName = structNameOf(field.type);
      const inline = rawFields[i]!.fields;
      if (structName === null) {
        if (inline !== undefined && inline.length > 0) throw new Error(`${where}: ${field.name} is not a struct but has fields`);
        return;
      }
      if (inline === undefined) {
        if (!commonNames.has(structName)) throw new Error(`${where}: struct ${structName} has no definition`);
        return;
      }
      if (seen.has(structName)) throw new Error(`${where}: struct ${structName} is defined twice`);
      seen.add(structName);
      structs.push(build(structName, inline, versions.intersect(field.versions), false));
    });
    return spec;
  };

  const root = build(raw.name, raw.fields, validVersions, false);
  for (const c of commonRaw) {
    structs.push(build(c.name, c.fields, validVersions.intersect(Versions.parse(c.versions, Versions.ALL)), true));
  }
  for (const s of [root, ...structs]) {
    const tags = new Set<number>();
    for (const f of s.fields) {
      if (f.tag === null) continue;
      if (tags.has(f.tag)) throw new Error(`${where}: ${s.name} uses tag ${f.tag} twice`);
      tags.add(f.tag);
      const fieldFlexible = f.flexibleVersions ?? flexibleVersions;
      if (!fieldFlexible.covers(f.taggedVersions)) throw new Error(`${where}: ${s.name}.${f.name} tagged outside flexible versions`);
    }
  }
  return {
    name: raw.name,
    kind: raw.type,
    apiKey: raw.apiKey ?? null,
    validVersions,
    flexibleVersions,
    deprecatedVersions: Versions.parse(raw.deprecatedVersions, Versions.NONE),
    latestVersionUnstable: raw.latestVersionUnstable === true,
    listeners: raw.listeners ?? [],
    root,
    structs,
    source,
  };
}

export function loadMessage(path: string, source: string): MessageSpec {
  return parseMessage(readFileSync(path, 'utf8'), source);
}
