// Emits `writeX(w, v, o)` for a struct: positional fields in schema order; a field the version cannot
// carry is skipped, or refused when it holds a non-default value and is not ignorable (Kafka's
// UnsupportedVersionException); then the tagged-field section, merged with unknown tags by tag order.
import { chooseExpr, chooseStmts, type EmitContext, ifElse, indent, testArg } from './emit-context';
import { type FieldType, primitiveMethod, tsFieldType } from './field-type';
import type { FieldSpec, StructSpec } from './schema';
import { type VersionTest, versionTest, versionTestNot } from './versions';

function elementWriter(type: FieldType, flex: VersionTest): string {
  switch (type.kind) {
    case 'struct':
      return `write${type.name}`;
    case 'string':
      return chooseExpr(flex, 'writeCompactStringElement', 'writeStringElement');
    case 'bytes':
      return chooseExpr(flex, 'writeCompactBytesElement', 'writeBytesElement');
    case 'array':
    case 'records':
      throw new Error(`unsupported array element ${type.kind}`);
    default:
      return `write${primitiveMethod(type.kind)}Element`;
  }
}

/**
 * Statements writing `x` (the field's value) with writer `w`. `xn` is the same value asserted non-null,
 * for versions where the field is not nullable.
 */
function valueStmts(field: FieldSpec, w: string, x: string, xn: string, flex: VersionTest, nullable: VersionTest): string[] {
  const t = field.type;
  const pair = (compactNull: string, compact: string, classicNull: string, classic: string): string[] =>
    chooseStmts(
      flex,
      chooseStmts(nullable, [`${w}.${compactNull}(${x});`], [`${w}.${compact}(${xn});`]),
      chooseStmts(nullable, [`${w}.${classicNull}(${x});`], [`${w}.${classic}(${xn});`]),
    );
  // Records, and bytes marked zeroCopy, are appended by reference rather than copied.
  if (t.kind === 'records' || (t.kind === 'bytes' && field.zeroCopy)) {
    return chooseStmts(nullable, [`${w}.lengthPrefixedRef(${x}, ${testArg(flex)});`], [`${w}.lengthPrefixedRef(${xn}, ${testArg(flex)});`]);
  }
  switch (t.kind) {
    case 'string':
      return pair('compactNullableString', 'compactString', 'nullableString', 'string');
    case 'bytes':
      return pair('compactNullableBytes', 'compactBytes', 'nullableBytes', 'bytes');
    case 'array': {
      const element = elementWriter(t.element, flex);
      return chooseStmts(
        nullable,
        [`writeNullableArray(${w}, ${testArg(flex)}, v, ${x}, ${element});`],
        [`writeArray(${w}, ${testArg(flex)}, v, ${xn}, ${element});`],
      );
    }
    case 'struct':
      return chooseStmts(
        nullable,
        [`if (${x} === null) ${w}.int8(-1);`, 'else {', `  ${w}.int8(1);`, `  write${t.name}(${w}, v, ${x});`, '}'],
        [`write${t.name}(${w}, v, ${xn});`],
      );
    default:
      return [`${w}.${t.kind}(${x});`];
  }
}

/** `a && b`, with either side parenthesized only when it contains `||`. */
function andExpr(a: VersionTest, b: string): string {
  const p = (e: string): string => (e.includes('||') ? `(${e})` : e);
  return a === true ? b : `${p(String(a))} && ${p(b)}`;
}

function positionalStmts(ctx: EmitContext, s: StructSpec, field: FieldSpec): string[] {
  const { present, regular, tagged } = ctx.layout(s, field);
  const x = `o.${field.prop}`;
  const regularTest = versionTest(regular, s.versions);
  const regularStmts =
    regularTest === false
      ? []
      : valueStmts(field, 'w', x, ctx.nonNullValue(s, field, x), ctx.flexTest(field, regular), ctx.nullTest(field, regular));
  const absentTest: VersionTest = field.ignorable ? false : versionTestNot(present, s.versions);
  const considerNull = tsFieldType(field).endsWith('| null') || field.type.kind === 'records';
  const refuse = `throw nonDefault('${s.name}.${field.prop}', v);`;
  if (tagged.empty) {
    if (regularTest === true) return regularStmts;
    const check = absentTest === false ? [] : [`if (${ctx.nonDefault(field, x, considerNull)}) ${refuse}`];
    if (regularTest === false) return check;
    return ifElse(
      regularTest,
      regularStmts,
      check.map((line) => line),
    );
  }
  const out = regularTest === false ? [] : chooseStmts(regularTest, regularStmts, []);
  if (absentTest !== false) out.push(`if (${andExpr(absentTest, ctx.nonDefault(field, x, considerNull))}) ${refuse}`);
  return out;
}

/** The statements queueing one known tagged field (when not at its default) into `tags`. */
function taggedStmts(ctx: EmitContext, s: StructSpec, field: FieldSpec): string[] {
  const tag = field.tag!;
  const local = `tag${tag}`;
  const nullable = !field.nullableVersions.intersect(field.taggedVersions).empty;
  const t = field.type;
  let write: string;
  if (t.kind === 'struct') {
    write = nullable ? `(tw) => {\n  tw.uvarint(1);\n  write${t.name}(tw, v, ${local});\n}` : `(tw) => write${t.name}(tw, v, ${local})`;
  } else {
    const stmts = valueStmts(field, 'tw', local, local, true, false);
    if (stmts.length !== 1) throw new Error(`${s.name}.${field.prop}: unexpected tagged writer`);
    write = `(tw) => ${stmts[0]!.replace(/;$/, '')}`;
  }
  const push = `tags.push([${tag}, ${write}]);`.split('\n');
  const value = nullable ? `o.${field.prop}` : ctx.nonNullValue(s, field, `o.${field.prop}`);
  const out = [`const ${local} = ${value};`];
  if (!nullable) {
    out.push(`if (${ctx.nonDefault(field, local, false)}) ${push[0]}`, ...push.slice(1));
  } else if (field.default === 'null') {
    out.push(`if (${local} !== null) ${push[0]}`, ...push.slice(1));
  } else {
    out.push(`if (${local} === null) tags.push([${tag}, writeNullTaggedField]);`);
    out.push(`else if (${ctx.nonDefault(field, local, false)}) ${push[0]}`, ...push.slice(1));
  }
  return out;
}

function taggedSection(ctx: EmitContext, s: StructSpec): string[] {
  if (!ctx.flexible) return [];
  const flexTest = ctx.structFlexTest(s);
  const refuse = `noTaggedFields(o, '${s.name}', v);`;
  if (flexTest === false) return [refuse];
  const flexVersions = s.versions.intersect(ctx.message.flexibleVersions);
  const known = s.fields.filter((f) => f.tag !== null && !ctx.layout(s, f).tagged.empty).sort((a, b) => a.tag! - b.tag!);
  let stmts: string[];
  if (known.length === 0) {
    stmts = ['writeTaggedFields(w, null, o.unknownTaggedFields);'];
  } else {
    stmts = ['const tags: TaggedFieldWrite[] = [];'];
    for (const f of known) {
      const test = versionTest(f.versions.intersect(f.taggedVersions), flexVersions);
      const body = taggedStmts(ctx, s, f);
      stmts.push(...(test === true ? body : [`if (${test}) {`, ...indent(body), '}']));
    }
    stmts.push('writeTaggedFields(w, tags, o.unknownTaggedFields);');
  }
  return flexTest === true ? stmts : ifElse('flex', stmts, [refuse]);
}

export function emitWriter(ctx: EmitContext, s: StructSpec, top: boolean): string[] {
  const flexTest = ctx.structFlexTest(s);
  const out = [`function write${s.name}(w: Writer, v: number, o: ${s.name}): void {`];
  if (top) {
    const { lo, hi } = ctx.message.validVersions;
    out.push(`  checkVersion(v, ${lo}, ${hi}, '${ctx.message.name}');`);
  }
  if (typeof flexTest === 'string') out.push(`  const flex = ${flexTest};`);
  for (const f of s.fields) out.push(...indent(positionalStmts(ctx, s, f)));
  out.push(...indent(taggedSection(ctx, s)));
  out.push('}');
  return out;
}
