// librdkafka clients on secured listeners: kcat (Debian's librdkafka 2.0) and confluent-kafka-python
// with SASL_PLAINTEXT and SASL_SSL (SCRAM-SHA-512 and PLAIN), and with SSL client certificates;
// a wrong password is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_PYTHON, run, startBroker } from './helpers';
import { makePki } from '../src/testing/pki';

const pki = makePki();
const script = join(dirname(fileURLToPath(import.meta.url)), 'clients', 'confluent_secure.py');
const USERS = 'SCRAM-SHA-512=[name=admin,password=admin-secret];SCRAM-SHA-256=[name=alice,password=alice-secret]';

async function secureBroker() {
  const t = await startBroker({
    listeners: 'SASL_PLAINTEXT://127.0.0.1:0,SASL_SSL://127.0.0.1:0,SSL://127.0.0.1:0',
    'ssl.keystore.location': pki.serverKeystore,
    'listener.name.ssl.ssl.truststore.location': pki.caFile,
    'listener.name.ssl.ssl.client.auth': 'required',
    'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512',
    'scram.bootstrap.users': USERS,
  });
  const port = (name: string) => t.broker.boundListeners().find((l) => l.name === name)!.port;
  return { ...t, saslPlaintext: port('SASL_PLAINTEXT'), saslSsl: port('SASL_SSL'), ssl: port('SSL') };
}

function kcatArgs(settings: Record<string, string>): string[] {
  return Object.entries(settings).flatMap(([k, v]) => ['-X', `${k}=${v}`]);
}

test('kcat over SASL_PLAINTEXT (SCRAM-SHA-512), SASL_SSL (PLAIN) and SSL with a client certificate', async () => {
  const b = await secureBroker();
  const alice = pki.client('kcat');
  const cases: Array<[string, number, Record<string, string>]> = [
    [
      'kcat-scram',
      b.saslPlaintext,
      {
        'security.protocol': 'SASL_PLAINTEXT',
        'sasl.mechanisms': 'SCRAM-SHA-512',
        'sasl.username': 'admin',
        'sasl.password': 'admin-secret',
      },
    ],
    [
      'kcat-plain-ssl',
      b.saslSsl,
      {
        'security.protocol': 'SASL_SSL',
        'sasl.mechanisms': 'PLAIN',
        'sasl.username': 'admin',
        'sasl.password': 'admin-secret',
        'ssl.ca.location': pki.caFile,
      },
    ],
    [
      'kcat-scram-ssl',
      b.saslSsl,
      {
        'security.protocol': 'SASL_SSL',
        'sasl.mechanisms': 'SCRAM-SHA-512',
        'sasl.username': 'admin',
        'sasl.password': 'admin-secret',
        'ssl.ca.location': pki.caFile,
      },
    ],
    [
      'kcat-ssl-cert',
      b.ssl,
      { 'security.protocol': 'SSL', 'ssl.ca.location': pki.caFile, 'ssl.certificate.pem': alice.cert, 'ssl.key.pem': alice.key },
    ],
  ];
  for (const [topic, port, settings] of cases) {
    await b.broker.topicAdmin.createTopic({ name: topic, numPartitions: 1, replicationFactor: 1 });
    const lines = Array.from({ length: 20 }, (_, i) => `${topic} ${i}`);
    const produced = await run('kcat', ['-P', '-b', `127.0.0.1:${port}`, '-t', topic, ...kcatArgs(settings)], {
      input: lines.join('\n') + '\n',
    });
    assert.equal(produced.code, 0, `${topic}: ${produced.stderr}`);
    const consumed = await run('kcat', [
      '-C',
      '-b',
      `127.0.0.1:${port}`,
      '-t',
      topic,
      '-o',
      'beginning',
      '-e',
      '-q',
      ...kcatArgs(settings),
    ]);
    assert.equal(consumed.code, 0, `${topic}: ${consumed.stderr}`);
    assert.deepEqual(consumed.stdout.trimEnd().split('\n'), lines, topic);
  }
  const refused = await run('kcat', [
    '-L',
    '-b',
    `127.0.0.1:${b.saslPlaintext}`,
    '-m',
    '5',
    ...kcatArgs({
      'security.protocol': 'SASL_PLAINTEXT',
      'sasl.mechanisms': 'SCRAM-SHA-512',
      'sasl.username': 'admin',
      'sasl.password': 'wrong',
    }),
  ]);
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /Authentication failed|SASL authentication error/i);
});

test('confluent-kafka-python over SASL_SSL with SCRAM-SHA-512 and SCRAM-SHA-256, and SSL with a client certificate', async () => {
  const b = await secureBroker();
  const bob = pki.client('python');
  const cases: Array<[string, number, Record<string, string>]> = [
    [
      'py-scram512-ssl',
      b.saslSsl,
      {
        'security.protocol': 'SASL_SSL',
        'sasl.mechanisms': 'SCRAM-SHA-512',
        'sasl.username': 'admin',
        'sasl.password': 'admin-secret',
        'ssl.ca.location': pki.caFile,
      },
    ],
    [
      'py-scram256',
      b.saslPlaintext,
      {
        'security.protocol': 'SASL_PLAINTEXT',
        'sasl.mechanisms': 'SCRAM-SHA-256',
        'sasl.username': 'alice',
        'sasl.password': 'alice-secret',
      },
    ],
    [
      'py-plain-ssl',
      b.saslSsl,
      {
        'security.protocol': 'SASL_SSL',
        'sasl.mechanisms': 'PLAIN',
        'sasl.username': 'alice',
        'sasl.password': 'alice-secret',
        'ssl.ca.location': pki.caFile,
      },
    ],
    [
      'py-ssl-cert',
      b.ssl,
      { 'security.protocol': 'SSL', 'ssl.ca.location': pki.caFile, 'ssl.certificate.pem': bob.cert, 'ssl.key.pem': bob.key },
    ],
  ];
  for (const [topic, port, settings] of cases) {
    await b.broker.topicAdmin.createTopic({ name: topic, numPartitions: 1, replicationFactor: 1 });
    const result = await run(
      SYSTEM_PYTHON,
      [script, JSON.stringify({ 'bootstrap.servers': `127.0.0.1:${port}`, ...settings }), topic, '50'],
      { timeoutMs: 90_000 },
    );
    assert.equal(result.code, 0, `${topic}: ${result.stderr}`);
    const out = JSON.parse(result.stdout) as { unflushed: number; errors: string[]; values: string[] };
    assert.deepEqual(out.errors, [], topic);
    assert.equal(out.unflushed, 0, topic);
    assert.deepEqual(
      out.values,
      Array.from({ length: 50 }, (_, i) => `secure-${i}`),
      topic,
    );
  }
});
