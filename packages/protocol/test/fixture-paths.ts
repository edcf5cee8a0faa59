// Where the golden fixtures live: shared/kafka-fixtures next to the repository root (DESIGN.md, Testing).
// Tests that need them fail — never skip — when they are missing.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const FIXTURES_DIR = join(repoRoot, '..', 'shared', 'kafka-fixtures');
export const SCHEMAS_DIR = join(repoRoot, '..', 'shared', 'kafka-protocol');

export function requireDir(path: string): string {
  if (!existsSync(path)) throw new Error(`fixtures missing: ${path} (expected ../shared next to the repository root)`);
  return path;
}
