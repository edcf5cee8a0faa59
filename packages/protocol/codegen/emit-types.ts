// Emits the TypeScript interface of each struct, and the on-demand helpers: `defaultX()` (a struct with
// every field at its default, what Kafka's no-argument constructor builds) and `isDefaultX(o)` (whether
// a struct equals that default, which decides if a tagged struct field is written at all).
import { docText, type EmitContext } from './emit-context';
import { tsFieldType } from './field-type';
import type { FieldSpec, StructSpec } from './schema';
import { Versions } from './versions';

function fieldNotes(s: StructSpec, f: FieldSpec): string {
  const notes: string[] = [];
  if (!f.versions.covers(s.versions)) notes.push(`versions ${f.versions}`);
  if (!f.nullableVersions.empty) {
    notes.push(f.nullableVersions.covers(f.versions) ? 'nullable' : `nullable ${f.nullableVersions}`);
  }
  if (f.tag !== null) notes.push(`tagged ${f.taggedVersions} as tag ${f.tag}`);
  if (f.default !== '') notes.push(`default ${f.default}`);
  if (f.ignorable) notes.push('ignorable');
  return notes.length === 0 ? '' : ` (${notes.join('; ')})`;
}

export function emitInterface(ctx: EmitContext, s: StructSpec, title: string): string[] {
  const out = ['/**', ` * ${docText(title)}`, ' */', `export interface ${s.name} {`];
  for (const f of s.fields) {
    const about = docText(f.about);
    const notes = fieldNotes(s, f);
    const doc = `${about === '' ? f.name : about}${notes}`;
    out.push(`  /** ${doc} */`, `  ${f.prop}: ${tsFieldType(f)};`);
  }
  if (ctx.flexible) {
    out.push('  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */');
    out.push('  unknownTaggedFields?: RawTaggedField[];');
  }
  out.push('}');
  return out;
}

function emitDefaultFactory(ctx: EmitContext, s: StructSpec): string[] {
  const entries = s.fields.map((f) => `${f.prop}: ${ctx.defaultOf(f)}`);
  const body = entries.length === 0 ? '{}' : `{\n    ${entries.join(',\n    ')},\n  }`;
  return [
    `/** ${s.name} with every field at its default (Kafka's no-argument constructor). */`,
    `export function default${s.name}(): ${s.name} {`,
    `  return ${body};`,
    '}',
  ];
}

function emitIsDefault(ctx: EmitContext, s: StructSpec): string[] {
  const tests = s.fields.map((f) => ctx.nonDefault(f, `o.${f.prop}`, !f.nullableVersions.empty || f.type.kind === 'records'));
  if (ctx.flexible) tests.push('(o.unknownTaggedFields !== undefined && o.unknownTaggedFields.length > 0)');
  const paren = (t: string): string => (t.includes('||') && !t.startsWith('(') ? `(${t})` : t);
  const body = tests.length === 0 ? 'true' : `!(\n    ${tests.map(paren).join(' ||\n    ')}\n  )`;
  return [`function isDefault${s.name}(o: ${s.name}): boolean {`, `  return ${body};`, '}'];
}

/** Emits every helper requested so far, and those they request in turn, in name order. */
export function emitHelpers(ctx: EmitContext): string[] {
  // Every struct gets an exported default factory: handlers build responses from them.
  for (const name of ctx.structs.keys()) ctx.needDefault.add(name);
  const done = new Set<string>();
  const chunks = new Map<string, string[]>();
  for (;;) {
    const pending = [...[...ctx.needDefault].map((n) => `default${n}`), ...[...ctx.needIsDefault].map((n) => `isDefault${n}`)].filter(
      (k) => !done.has(k),
    );
    if (pending.length === 0) break;
    for (const key of pending) {
      done.add(key);
      const isTest = key.startsWith('isDefault');
      const s = ctx.struct(isTest ? key.slice('isDefault'.length) : key.slice('default'.length));
      chunks.set(key, isTest ? emitIsDefault(ctx, s) : emitDefaultFactory(ctx, s));
    }
  }
  const out: string[] = [];
  for (const key of [...chunks.keys()].sort()) out.push('', ...chunks.get(key)!);
  return out;
}

/** The one-line description of a message for its doc comment. */
export function messageTitle(ctx: EmitContext): string {
  const m = ctx.message;
  const parts = [m.kind === 'request' || m.kind === 'response' ? `${m.name} (api key ${m.apiKey})` : `${m.name} (${m.kind})`];
  parts.push(`versions ${m.validVersions}`);
  const flexible = m.flexibleVersions.intersect(m.validVersions);
  parts.push(flexible.empty ? 'no flexible versions' : `flexible ${m.flexibleVersions}`);
  if (!m.deprecatedVersions.empty) parts.push(`deprecated ${m.deprecatedVersions}`);
  return `${parts.join('; ')}.`;
}

export function structTitle(s: StructSpec): string {
  return `${s.name}${s.common ? ' (common struct)' : ''}: versions ${s.versions.equals(Versions.NONE) ? 'none' : s.versions}.`;
}
