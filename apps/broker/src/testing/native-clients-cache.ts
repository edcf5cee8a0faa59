// Where scripts/setup-clients installed the real Kafka clients that cannot live in the repository's
// node_modules (node-rdkafka, @confluentinc/kafka-javascript, @platformatic/kafka, librdkafka's
// rdkafka_performance): a cache directory keyed by a hash of the manifest
// (test/clients/native/package.json and its lockfile) and the Node ABI, computed here exactly as the
// script computes it, so nothing ever loads clients built for another manifest. Used by the broker's
// client tests and by the broker benchmark.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const manifestDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'clients', 'native');

/** Must match the key computed in scripts/setup-clients. */
export function nativeClientsKey(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(manifestDir, 'package.json')));
  hash.update(readFileSync(join(manifestDir, 'package-lock.json')));
  hash.update(`node-abi-${process.versions.modules}-${process.platform}-${process.arch}`);
  return hash.digest('hex').slice(0, 16);
}

export function nativeClientsDir(): string {
  const base = process.env.TARN_CLIENTS_DIR ?? join(homedir(), '.cache', 'tarn', 'clients');
  return join(base, nativeClientsKey());
}

/** The cache directory, or a clear error saying how to fill it. */
export function installedNativeClientsDir(): string {
  const dir = nativeClientsDir();
  if (!existsSync(join(dir, '.complete'))) {
    throw new Error(
      `the native test clients are not installed in ${dir}: run scripts/setup-clients (npm test runs it through scripts/setup)`,
    );
  }
  return dir;
}

/** librdkafka's rdkafka_performance, built from node-rdkafka's librdkafka tree. */
export function rdkafkaPerformancePath(): string {
  return join(installedNativeClientsDir(), 'node_modules', 'node-rdkafka', 'deps', 'librdkafka', 'examples', 'rdkafka_performance');
}
