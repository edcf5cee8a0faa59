// `--command-config client.properties` with Kafka's client property names, against a broker that
// requires TLS and SASL (SASL_SSL, SCRAM-SHA-512) as Kafka's tools would be run: the file carries
// bootstrap.servers, security.protocol, ssl.truststore.location/type, sasl.mechanism,
// sasl.jaas.config and client.id; a wrong password is a one-line SASL_AUTHENTICATION_FAILED.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePki } from '@tarn/broker/testing';
import { runCli } from './run-cli';
import { startCliTestBroker } from './test-broker';

const pki = makePki();
const { bootstrap: loopback } = await startCliTestBroker({
  listeners: 'SASL_SSL://127.0.0.1:0',
  'ssl.keystore.location': pki.serverKeystore,
  'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
  'scram.bootstrap.users': 'SCRAM-SHA-512=[name=admin,password=admin-secret]',
});
// the test certificate is for localhost
const bootstrap = loopback.replace('127.0.0.1', 'localhost');
const dir = mkdtempSync(join(tmpdir(), 'tarn-cli-config-'));

function properties(name: string, password: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    [
      '# as for kafka-topics.sh --command-config',
      `bootstrap.servers=${bootstrap}`,
      'security.protocol=SASL_SSL',
      `ssl.truststore.location=${pki.caFile}`,
      'ssl.truststore.type=PEM',
      'sasl.mechanism=SCRAM-SHA-512',
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\`,
      `    username="admin" password="${password}";`,
      'client.id=cli-from-properties',
      '',
    ].join('\n'),
  );
  return path;
}

test('topics, produce, consume and groups over SASL_SSL with the settings from --command-config', async () => {
  const config = properties('good.properties', 'admin-secret');
  const tarn = (args: string[], input?: string) => runCli(['--command-config', config, ...args], { input });
  const created = await tarn(['topics', 'create', '--topic', 'cli-sasl']);
  assert.equal(created.code, 0, created.stderr);
  assert.equal((await tarn(['produce', '--topic', 'cli-sasl'], 'secure-1\nsecure-2\n')).code, 0);
  const consumed = await tarn([
    'consume',
    '--topic',
    'cli-sasl',
    '--group',
    'cli-sasl-g',
    '--from-beginning',
    '--max-messages',
    '2',
    '--timeout-ms',
    '15000',
  ]);
  assert.equal(consumed.code, 0, consumed.stderr);
  assert.equal(consumed.stdout, 'secure-1\nsecure-2\n');
  const described = await tarn(['--output', 'json', 'groups', 'describe', '--group', 'cli-sasl-g', '--members']);
  assert.equal(described.code, 0, described.stderr);
  assert.equal(JSON.parse(described.stdout).groupId, 'cli-sasl-g');
});

test('a wrong password is SASL_AUTHENTICATION_FAILED; an unreadable --command-config is a clear error', async () => {
  const bad = await runCli(['--command-config', properties('bad.properties', 'wrong'), 'topics', 'list']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^Error: SASL_AUTHENTICATION_FAILED: .*\n$/);
  const missing = await runCli(['--command-config', join(dir, 'none.properties'), 'topics', 'list']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^Error: cannot read --command-config .*none\.properties/);
});
