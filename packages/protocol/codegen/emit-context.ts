// State shared by the emitters of one generated module: the message, on-demand helper functions
// (default struct factories, "is default" tests), and the small expression/statement combinators that
// keep version tests out of generated code whenever the answer is known at generation time.
import { defaultExpr, nonDefaultExpr, tsFieldType } from './field-type';
import type { FieldSpec, MessageSpec, StructSpec } from './schema';
import { versionTest, type VersionTest, Versions } from './versions';

export class EmitContext {
  readonly structs = new Map<string, StructSpec>();
  /** Structs whose default factory (`defaultX()`) is used. */
  readonly needDefault = new Set<string>();
  /** Structs whose "all fields at default" test (`isDefaultX(o)`) is used. */
  readonly needIsDefault = new Set<string>();

  constructor(readonly message: MessageSpec) {
    for (const s of [message.root, ...message.structs]) this.structs.set(s.name, s);
  }

  /** Whether the message has any flexible version (and so unknownTaggedFields members). */
  get flexible(): boolean {
    return !this.message.flexibleVersions.intersect(this.message.validVersions).empty;
  }

  struct(name: string): StructSpec {
    const s = this.structs.get(name);
    if (s === undefined) throw new Error(`${this.message.name}: unknown struct ${name}`);
    return s;
  }

  defaultOf(field: FieldSpec): string {
    return defaultExpr(field, (name) => {
      this.needDefault.add(name);
      return `default${name}()`;
    });
  }

  nonDefault(field: FieldSpec, expr: string, considerNull: boolean): string {
    return nonDefaultExpr(field, expr, considerNull, (name) => {
      this.needIsDefault.add(name);
      return `isDefault${name}`;
    });
  }

  /** The flexible-version test of a struct's own versions: true, false, or the `flex` local's initializer. */
  structFlexTest(s: StructSpec): VersionTest {
    return versionTest(this.message.flexibleVersions, s.versions);
  }

  /** How `field` is laid out within the versions of struct `s`. */
  layout(s: StructSpec, field: FieldSpec): FieldLayout {
    const present = field.versions.intersect(s.versions);
    const tagged = present.intersect(field.taggedVersions).intersect(this.message.flexibleVersions);
    const regular = present.subtract(field.taggedVersions);
    return { present, regular, tagged };
  }

  /**
   * Whether `field` uses the compact encodings within `within` (a subset of the struct's versions):
   * `flex` (the local every struct function declares when it varies) stands for the message's flexible
   * versions; a field-level flexibleVersions override gets its own test.
   */
  flexTest(field: FieldSpec, within: Versions): VersionTest {
    if (field.flexibleVersions !== null) return versionTest(field.flexibleVersions, within);
    const t = versionTest(this.message.flexibleVersions, within);
    return typeof t === 'string' ? 'flex' : t;
  }

  nullTest(field: FieldSpec, within: Versions): VersionTest {
    return versionTest(field.nullableVersions, within);
  }

  /** The field's value as a non-null expression, checking at run time when its type admits null. */
  nonNullValue(s: StructSpec, field: FieldSpec, expr: string): string {
    return tsFieldType(field).endsWith('| null') ? `nonNull(${expr}, '${s.name}.${field.prop}', v)` : expr;
  }
}

export interface FieldLayout {
  /** Versions (of the struct's) in which the field exists. */
  readonly present: Versions;
  /** ...as a regular, positional field. */
  readonly regular: Versions;
  /** ...as a tagged field. */
  readonly tagged: Versions;
}

export function paren(expr: string): string {
  return expr.includes('?') || expr.includes('||') || expr.includes('&&') ? `(${expr})` : expr;
}

/** `test ? a : b`, simplified when the test is known. */
export function chooseExpr(test: VersionTest, a: string, b: string): string {
  if (test === true || a === b) return a;
  if (test === false) return b;
  return `${test} ? ${paren(a)} : ${paren(b)}`;
}

/** A test as a literal argument (`true`, `false`, or the condition). */
export function testArg(test: VersionTest): string {
  return typeof test === 'boolean' ? String(test) : test;
}

/** `if (test) a else b` as statement lines, simplified when the test is known. */
export function chooseStmts(test: VersionTest, a: string[], b: string[]): string[] {
  if (test === true || (a.length === b.length && a.every((line, i) => line === b[i]))) return a;
  if (test === false) return b;
  return ifElse(test, a, b);
}

export function ifElse(test: string, a: string[], b: string[]): string[] {
  const out: string[] = [];
  if (a.length === 1 && b.length <= 1 && !a[0]!.startsWith('if ')) {
    out.push(`if (${test}) ${a[0]}`);
  } else {
    out.push(`if (${test}) {`, ...indent(a), '}');
  }
  if (b.length === 0) return out;
  if (b.length === 1) {
    if (out.length === 1) out.push(`else ${b[0]}`);
    else out[out.length - 1] = `} else ${b[0]}`;
    return out;
  }
  if (out.length === 1) {
    out[0] = `if (${test}) {`;
    out.push(`  ${a[0]}`, '}');
  }
  out[out.length - 1] = '} else {';
  out.push(...indent(b), '}');
  return out;
}

export function indent(lines: string[], by = '  '): string[] {
  return lines.map((line) => (line === '' ? line : by + line));
}

/** Makes `about` text safe inside a JSDoc comment. */
export function docText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim();
}
