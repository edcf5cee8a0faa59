// Client configuration with Kafka's property names: bootstrap lists, defaults, typed values,
// security (sasl.jaas.config as Kafka's JaasConfig parses it, librdkafka's spellings, TLS files),
// and .properties files as --command-config reads them. Bad values are ConfigErrors naming the key.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError, clientConfig, parseBootstrapServers, parseJaasConfig, parseProperties } from '../src/index';

// no broker here: a directory of our own rather than the helpers (which load one)
const dir = mkdtempSync(join(tmpdir(), 'tarn-client-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('bootstrap.servers: several servers, IPv6, listener prefixes, the default port', () => {
  assert.deepEqual(parseBootstrapServers(' a:9093, [::1]:9094 ,SASL_SSL://b:1,c'), [
    { host: 'a', port: 9093 },
    { host: '::1', port: 9094 },
    { host: 'b', port: 1 },
    { host: 'c', port: 9092 },
  ]);
  assert.throws(() => parseBootstrapServers('a:99999'), ConfigError);
  assert.throws(() => parseBootstrapServers(' , '), /no server/);
});

test("Kafka's defaults, and values given as strings, numbers or booleans", () => {
  const c = clientConfig({ 'bootstrap.servers': 'x:1' });
  assert.deepEqual(
    [
      c.clientId,
      c.requestTimeoutMs,
      c.reconnectBackoffMs,
      c.reconnectBackoffMaxMs,
      c.metadataMaxAgeMs,
      c.defaultApiTimeoutMs,
      c.security.protocol,
    ],
    ['tarn', 30_000, 50, 1000, 300_000, 60_000, 'PLAINTEXT'],
  );
  const d = clientConfig({ 'bootstrap.servers': 'x:1', 'request.timeout.ms': ' 500 ', 'metadata.max.age.ms': 10, 'client.id': 'me' });
  assert.deepEqual([d.requestTimeoutMs, d.metadataMaxAgeMs, d.clientId], [500, 10, 'me']);
  assert.throws(
    () => clientConfig({ 'bootstrap.servers': 'x:1', 'request.timeout.ms': '1.5' }),
    (e: ConfigError) => e.property === 'request.timeout.ms',
  );
  assert.throws(() => clientConfig({ 'bootstrap.servers': 'x:1', 'reconnect.backoff.ms': -1 }), /at least 0/);
  assert.throws(() => clientConfig({ 'bootstrap.servers': 'x:1', 'security.protocol': 'TLS' }), /security.protocol/);
});

test('sasl.jaas.config as Kafka parses it; librdkafka spellings; what is missing is named', () => {
  assert.deepEqual(
    parseJaasConfig('org.apache.kafka.common.security.scram.ScramLoginModule required username="al ice" password="p\\"w;d";'),
    {
      username: 'al ice',
      password: 'p"w;d',
    },
  );
  assert.deepEqual(parseJaasConfig('org.apache.kafka.common.security.plain.PlainLoginModule required\n  username=bob\n  password="x";'), {
    username: 'bob',
    password: 'x',
  });
  assert.throws(() => parseJaasConfig('username="a"'), ConfigError);
  const c = clientConfig({
    'bootstrap.servers': 'x:1',
    'security.protocol': 'sasl_plaintext',
    'sasl.mechanisms': 'scram-sha-256',
    'sasl.username': 'u',
    'sasl.password': 'p',
  });
  assert.deepEqual(c.security.sasl, { mechanism: 'SCRAM-SHA-256', username: 'u', password: 'p' });
  assert.throws(
    () =>
      clientConfig({
        'bootstrap.servers': 'x:1',
        'security.protocol': 'SASL_SSL',
        'sasl.mechanism': 'GSSAPI',
        'sasl.username': 'u',
        'sasl.password': 'p',
      }),
    /sasl.mechanism: expected one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512/,
  );
});

test('TLS settings: PEM files, inline PEM, hostname verification off, unreadable files and JKS named', () => {
  writeFileSync(join(dir, 'ca.pem'), 'CA');
  const c = clientConfig({ 'bootstrap.servers': 'x:1', 'security.protocol': 'SSL', 'ssl.ca.location': join(dir, 'ca.pem') });
  assert.equal(String(c.security.tls!.ca), 'CA');
  assert.equal(c.security.tls!.checkServerIdentity, undefined);
  const off = clientConfig({ 'bootstrap.servers': 'x:1', 'security.protocol': 'SSL', 'ssl.endpoint.identification.algorithm': '' });
  assert.equal(typeof off.security.tls!.checkServerIdentity, 'function');
  const inline = clientConfig({ 'bootstrap.servers': 'x:1', 'security.protocol': 'SSL', 'ssl.truststore.certificates': 'PEM-CA' });
  assert.equal(inline.security.tls!.ca, 'PEM-CA');
  assert.throws(
    () => clientConfig({ 'bootstrap.servers': 'x:1', 'security.protocol': 'SSL', 'ssl.ca.location': join(dir, 'missing.pem') }),
    (e: ConfigError) => e.property === 'ssl.ca.location' && /cannot read/.test(e.message),
  );
  assert.throws(
    () => clientConfig({ 'bootstrap.servers': 'x:1', 'security.protocol': 'SSL', 'ssl.truststore.location': join(dir, 'ca.pem') }),
    /JKS cannot be read here/,
  );
  assert.throws(
    () => clientConfig({ 'bootstrap.servers': 'x:1', 'security.protocol': 'SSL', 'ssl.certificate.location': join(dir, 'ca.pem') }),
    /needs its key/,
  );
});

test('a client.properties file (--command-config) becomes a config', () => {
  const props = parseProperties(
    '# client.properties\nbootstrap.servers=localhost:9092\nsecurity.protocol = SASL_SSL\nsasl.mechanism: SCRAM-SHA-512\n' +
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\\n    username="admin" password="s3cret";\n' +
      'ssl.endpoint.identification.algorithm=\n',
  );
  const c = clientConfig(props);
  assert.deepEqual(c.security.sasl, { mechanism: 'SCRAM-SHA-512', username: 'admin', password: 's3cret' });
  assert.equal(typeof c.security.tls!.checkServerIdentity, 'function');
});
