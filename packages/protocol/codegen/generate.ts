// `npm run gen`: regenerates everything under src/generated/. `--check` fails when a file would change
// (or a stale one would be deleted) without writing anything.
//
// Inputs: codegen/error-codes.json, and Kafka's schemas in shared/kafka-protocol/messages/*.json and
// shared/kafka-protocol/coordinator-records/*.json (shared/ sits next to the repository root).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitApiKeys, type GeneratedModule } from './emit-api-keys';
import { emitIndex } from './emit-index';
import { emitModule } from './emit-module';
import { generateErrorCodes } from './error-codes';
import { kebabCase } from './names';
import { loadMessage } from './schema';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'src', 'generated');
const sharedDir = join(here, '..', '..', '..', '..', 'shared');
const check = process.argv.includes('--check');

const outputs = new Map<string, string>();
outputs.set('error-codes.ts', generateErrorCodes(join(here, 'error-codes.json')));

const modules: GeneratedModule[] = [];
const schemaDirs = [
  { dir: 'kafka-protocol/messages', outSub: '', wireDir: '../wire' },
  { dir: 'kafka-protocol/coordinator-records', outSub: 'coordinator/', wireDir: '../../wire' },
];
for (const { dir, outSub, wireDir } of schemaDirs) {
  const abs = join(sharedDir, dir);
  if (!existsSync(abs)) throw new Error(`schemas not found: ${abs}`);
  for (const file of readdirSync(abs)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const spec = loadMessage(join(abs, file), `${dir}/${file}`);
    const name = `${outSub}${kebabCase(spec.name)}.ts`;
    if (outputs.has(name)) throw new Error(`two schemas generate ${name}`);
    outputs.set(name, emitModule(spec, wireDir));
    modules.push({ spec, path: `./${name.replace(/\.ts$/, '')}` });
  }
}
outputs.set('api-keys.ts', emitApiKeys(modules));
outputs.set('index.ts', emitIndex(modules));

function existingFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => relative(outDir, join(dir, f)).split('\\').join('/'));
}

let stale = 0;
for (const [name, text] of outputs) {
  const path = join(outDir, name);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === text) continue;
  stale++;
  if (check) {
    console.error(`stale generated file: src/generated/${name} (run npm run gen)`);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}
for (const name of existingFiles(outDir)) {
  if (outputs.has(name)) continue;
  stale++;
  if (check) console.error(`generated file without a source: src/generated/${name} (run npm run gen)`);
  else rmSync(join(outDir, name));
}
if (check && stale > 0) process.exit(1);
if (!check)
  console.log(stale === 0 ? 'src/generated is up to date' : `updated ${stale} file(s) in src/generated (${outputs.size} generated)`);
