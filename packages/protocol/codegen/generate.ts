// `npm run gen`: regenerates everything under src/generated/. `--check` fails when a file would change.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateErrorCodes } from './error-codes';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'src', 'generated');
const check = process.argv.includes('--check');

const outputs = new Map<string, string>();
outputs.set('error-codes.ts', generateErrorCodes(join(here, 'error-codes.json')));

let stale = 0;
mkdirSync(outDir, { recursive: true });
for (const [name, text] of outputs) {
  const path = join(outDir, name);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === text) continue;
  if (check) {
    console.error(`stale generated file: src/generated/${name} (run npm run gen)`);
    stale++;
  } else {
    writeFileSync(path, text);
    console.log(`wrote src/generated/${name}`);
  }
}
if (stale > 0) process.exit(1);
