// Emits one generated module per schema: header, imports, interfaces, the codec object named after the
// message, the read/write functions of every struct, and the helpers they use.
import { EmitContext } from './emit-context';
import { emitReader } from './emit-read';
import { emitHelpers, emitInterface, messageTitle, structTitle } from './emit-types';
import { emitWriter } from './emit-write';
import type { MessageSpec } from './schema';
import type { Versions } from './versions';

/** What each runtime module exports to generated code; imports are derived from what the code uses. */
const RUNTIME: readonly { module: string; types: readonly string[]; values: readonly string[] }[] = [
  { module: 'reader', types: ['Reader'], values: [] },
  { module: 'writer', types: ['Writer'], values: [] },
  { module: 'message-codec', types: ['ApiMessageCodec', 'MessageCodec'], values: [] },
  {
    module: 'tagged-fields',
    types: ['RawTaggedField', 'TaggedFieldWrite'],
    values: ['invalidTag', 'noTaggedFields', 'readTaggedFields', 'writeNullTaggedField', 'writeTaggedFields'],
  },
  { module: 'field-checks', types: [], values: ['EMPTY_BYTES', 'ZERO_UUID', 'checkVersion', 'nonDefault', 'nonNull'] },
  {
    module: 'arrays',
    types: [],
    values: [
      'readArray',
      'readNullableArray',
      'writeArray',
      'writeNullableArray',
      ...[
        'Int8',
        'Int16',
        'Uint16',
        'Int32',
        'Uint32',
        'Int64',
        'Float64',
        'Bool',
        'Uuid',
        'String',
        'CompactString',
        'Bytes',
        'CompactBytes',
      ].flatMap((t) => [`read${t}Element`, `write${t}Element`]),
    ],
  },
];

function uses(code: string, name: string): boolean {
  return new RegExp(`(?<![.\\w])${name}\\b(?!:)`).test(code);
}

function importLines(code: string, wireDir: string): string[] {
  const out: string[] = [];
  for (const { module, types, values } of RUNTIME) {
    const names = [
      ...types.filter((n) => uses(code, n)).map((n) => (values.length === 0 ? n : `type ${n}`)),
      ...values.filter((n) => uses(code, n)),
    ];
    if (names.length === 0) continue;
    const allTypes = names.every((n) => types.includes(n));
    const sorted = names.sort((a, b) => a.replace(/^type /, '').localeCompare(b.replace(/^type /, '')));
    out.push(`import ${allTypes ? 'type ' : ''}{ ${sorted.join(', ')} } from '${wireDir}/${module}';`);
  }
  return out;
}

export function rangeLiteral(v: Versions): string {
  return v.empty ? 'null' : `{ min: ${v.lo}, max: ${v.hi} }`;
}

/** The codec's `name`: the API name for requests and responses (as Kafka's ApiKeys), else the schema name. */
export function codecName(m: MessageSpec): string {
  if (m.kind === 'request') return m.name.replace(/Request$/, '');
  if (m.kind === 'response') return m.name.replace(/Response$/, '');
  return m.name;
}

function emitCodec(m: MessageSpec): string[] {
  const flexible = m.flexibleVersions.intersect(m.validVersions).empty ? null : m.flexibleVersions;
  const api = m.kind === 'request' || m.kind === 'response';
  const out = [`/** Codec for ${m.name}: \`read\` and \`write\` its body at a given version. */`, `export const ${m.name} = {`];
  if (api) out.push(`  apiKey: ${m.apiKey},`);
  out.push(`  type: '${m.kind}',`, `  name: '${codecName(m)}',`);
  out.push(`  validVersions: ${rangeLiteral(m.validVersions)},`);
  out.push(`  flexibleVersions: ${flexible === null ? 'null' : rangeLiteral(flexible)},`);
  out.push(`  read: read${m.name},`, `  write: write${m.name},`);
  out.push(`} as const satisfies ${api ? 'ApiMessageCodec' : 'MessageCodec'}<${m.name}>;`);
  return out;
}

function checkNames(m: MessageSpec): void {
  const reserved = new Set(RUNTIME.flatMap((r) => [...r.types, ...r.values]));
  for (const s of [m.root, ...m.structs]) {
    if (reserved.has(s.name)) throw new Error(`${m.name}: struct name ${s.name} collides with a runtime import`);
    for (const f of s.fields) {
      if (f.prop === 'unknownTaggedFields') throw new Error(`${m.name}: field name collides with unknownTaggedFields`);
    }
  }
}

/** The whole module text; `wireDir` is the import path of src/wire from the module's directory. */
export function emitModule(m: MessageSpec, wireDir: string): string {
  checkNames(m);
  const ctx = new EmitContext(m);
  const body: string[] = [];
  body.push(...emitInterface(ctx, m.root, messageTitle(ctx)));
  for (const s of m.structs) body.push('', ...emitInterface(ctx, s, structTitle(s)));
  body.push('', ...emitCodec(m));
  body.push('', ...emitReader(ctx, m.root, true), '', ...emitWriter(ctx, m.root, true));
  for (const s of m.structs) {
    if (s.versions.empty) continue;
    body.push('', ...emitReader(ctx, s, false), '', ...emitWriter(ctx, s, false));
  }
  body.push(...emitHelpers(ctx));
  const code = body.join('\n');
  const header = [
    `// generated — do not edit. Source: shared/${m.source} (run \`npm run gen\` in packages/protocol).`,
    '// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.',
  ];
  return [...header, ...importLines(code, wireDir), '', code, ''].join('\n');
}
