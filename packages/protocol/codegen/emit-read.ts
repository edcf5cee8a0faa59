// Emits `readX(r, v)` for a struct: one object literal reading the positional fields in schema order
// (fields absent at `v` take their defaults), then the tagged-field section in flexible versions.
import { chooseExpr, type EmitContext, testArg } from './emit-context';
import { type FieldType, primitiveMethod } from './field-type';
import type { FieldSpec, StructSpec } from './schema';
import { type VersionTest, versionTest } from './versions';

function elementReader(type: FieldType, flex: VersionTest): string {
  switch (type.kind) {
    case 'struct':
      return `read${type.name}`;
    case 'string':
      return chooseExpr(flex, 'readCompactStringElement', 'readStringElement');
    case 'bytes':
      return chooseExpr(flex, 'readCompactBytesElement', 'readBytesElement');
    case 'array':
    case 'records':
      throw new Error(`unsupported array element ${type.kind}`);
    default:
      return `read${primitiveMethod(type.kind)}Element`;
  }
}

/** An expression reading one value of `field` from reader `r`, given its flexible and nullable tests. */
function valueExpr(field: FieldSpec, r: string, flex: VersionTest, nullable: VersionTest): string {
  const t = field.type;
  switch (t.kind) {
    case 'string':
      return chooseExpr(
        flex,
        chooseExpr(nullable, `${r}.compactNullableString()`, `${r}.compactString()`),
        chooseExpr(nullable, `${r}.nullableString()`, `${r}.string()`),
      );
    case 'bytes':
    case 'records':
      return chooseExpr(
        flex,
        chooseExpr(nullable, `${r}.compactNullableBytes()`, `${r}.compactBytes()`),
        chooseExpr(nullable, `${r}.nullableBytes()`, `${r}.bytes()`),
      );
    case 'array': {
      const args = `${r}, ${testArg(flex)}, v, ${elementReader(t.element, flex)}`;
      return chooseExpr(nullable, `readNullableArray(${args})`, `readArray(${args})`);
    }
    case 'struct':
      return chooseExpr(nullable, `${r}.int8() < 0 ? null : read${t.name}(${r}, v)`, `read${t.name}(${r}, v)`);
    default:
      return `${r}.${t.kind}()`;
  }
}

function positionalExpr(ctx: EmitContext, s: StructSpec, field: FieldSpec): string {
  const { regular } = ctx.layout(s, field);
  const test = versionTest(regular, s.versions);
  const fallback = ctx.defaultOf(field);
  if (test === false) return fallback;
  const expr = valueExpr(field, 'r', ctx.flexTest(field, regular), ctx.nullTest(field, regular));
  return chooseExpr(test, expr, fallback);
}

/** Tagged values always use the compact encodings; nullable structs carry a uvarint marker. */
function taggedExpr(field: FieldSpec): string {
  const nullable = !field.nullableVersions.intersect(field.taggedVersions).empty;
  if (field.type.kind === 'struct' && nullable) return `t.uvarint() === 0 ? null : read${field.type.name}(t, v)`;
  return valueExpr(field, 't', true, nullable);
}

function taggedSection(ctx: EmitContext, s: StructSpec): string[] {
  const flexTest = ctx.structFlexTest(s);
  if (!ctx.flexible || flexTest === false) return [];
  const prefix = flexTest === true ? '' : 'if (flex) ';
  const flexVersions = s.versions.intersect(ctx.message.flexibleVersions);
  const known = s.fields.filter((f) => f.tag !== null && !f.versions.intersect(f.taggedVersions).empty).sort((a, b) => a.tag! - b.tag!);
  if (known.length === 0) return [`${prefix}readTaggedFields(r, o, null);`];
  const out = [`${prefix}readTaggedFields(r, o, (tag, t) => {`, '  switch (tag) {'];
  for (const f of known) {
    out.push(`    case ${f.tag}:`);
    const test = versionTest(f.versions.intersect(f.taggedVersions), flexVersions);
    if (test === false) {
      out.push('      return invalidTag(tag, v);');
      continue;
    }
    if (test !== true) out.push(`      if (!(${test})) invalidTag(tag, v);`);
    out.push(`      o.${f.prop} = ${taggedExpr(f)};`, '      return true;');
  }
  out.push('    default:', '      return false;', '  }', '});');
  return out;
}

export function emitReader(ctx: EmitContext, s: StructSpec, top: boolean): string[] {
  const flexTest = ctx.structFlexTest(s);
  const out = [`function read${s.name}(r: Reader, v: number): ${s.name} {`];
  if (top) {
    const { lo, hi } = ctx.message.validVersions;
    out.push(`  checkVersion(v, ${lo}, ${hi}, '${ctx.message.name}');`);
  }
  if (typeof flexTest === 'string') out.push(`  const flex = ${flexTest};`);
  const tagged = taggedSection(ctx, s);
  if (s.fields.length === 0 && tagged.length === 0) {
    out.push(`  return {};`, '}');
    return out;
  }
  out.push(`  const o: ${s.name} = {`);
  for (const f of s.fields) out.push(`    ${f.prop}: ${positionalExpr(ctx, s, f)},`);
  out.push('  };');
  out.push(...tagged.map((line) => `  ${line}`));
  out.push('  return o;', '}');
  return out;
}
