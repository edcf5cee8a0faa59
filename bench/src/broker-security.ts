// The broker bench's security section: the same produce and fetch (6 partitions, 1 MiB batches,
// acks=1) over PLAINTEXT, SSL and SASL_SSL (SCRAM-SHA-512), each against a broker of its own
// started in this run, with the broker's CPU per MiB; and what authorization costs per request:
// produce requests of one small batch, sent by a super user and by a user that 1,000 ACLs and a
// prefixed Write ACL concern, against a broker with an authorizer.
import { ApiKey, ErrorCode, errorName } from '@tarn/protocol';
import { makePki, startBrokerProcess, type BrokerProcess } from '@tarn/broker/testing';
import type { SaslLogin } from '@tarn/client';
import { AclOperation, Authorizer, ResourceType, aclBinding } from '@tarn/broker/security/authorizer';
import type { ConnectionOptions } from 'node:tls';
import { CASE_BYTES, MiB, createTopic, fetchAll, produce, type BenchBroker, type Measured } from './broker-load';
import { PipelinedConnection } from './pipelined-connection';
import { fmt, printTable, type Row } from './report';

const USERS = 'SCRAM-SHA-512=[name=bench,password=bench-secret];SCRAM-SHA-512=[name=app,password=app-secret]';

interface Variant {
  name: string;
  overrides: Record<string, string>;
  tls: boolean;
  login: SaslLogin | null;
}

async function withBroker<T>(variant: Variant, caPem: string, fn: (broker: BenchBroker) => Promise<T>): Promise<T> {
  const process: BrokerProcess = await startBrokerProcess({ overrides: { 'log.segment.delete.delay.ms': '0', ...variant.overrides } });
  const tls: ConnectionOptions | null = variant.tls ? { ca: caPem, servername: 'localhost' } : null;
  const broker: BenchBroker = {
    port: process.port,
    pid: process.pid,
    logDir: process.logDir,
    connect: () => PipelinedConnection.openSecure(process.port, tls, variant.login),
  };
  try {
    return await fn(broker);
  } finally {
    await process.stop();
  }
}

function msPerMiB(m: Measured): number {
  return (m.brokerCpu * m.seconds * 1000) / (m.bytes / MiB);
}

export async function securitySection(): Promise<void> {
  const pki = makePki();
  const keystore = { 'ssl.keystore.location': pki.serverKeystore };
  const variants: Variant[] = [
    { name: 'PLAINTEXT', overrides: {}, tls: false, login: null },
    { name: 'SSL (TLS 1.3)', overrides: { 'listener.security.protocol.map': 'PLAINTEXT:SSL', ...keystore }, tls: true, login: null },
    {
      name: 'SASL_SSL (SCRAM-SHA-512)',
      overrides: {
        'listener.security.protocol.map': 'PLAINTEXT:SASL_SSL',
        ...keystore,
        'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
        'scram.bootstrap.users': USERS,
      },
      tls: true,
      login: { mechanism: 'SCRAM-SHA-512', username: 'bench', password: 'bench-secret' },
    },
  ];
  const rows: Row[] = [];
  for (const v of variants) {
    await withBroker(v, pki.caPem, async (broker) => {
      const admin = await broker.connect!();
      await createTopic(admin, 'sec', 6);
      admin.close();
      const produced = await produce(broker, { topic: 'sec', partitions: 6, acks: 1, batchBytes: MiB }, Math.min(CASE_BYTES, 192 * MiB));
      const fetched = await fetchAll(broker, 'sec', 6, produced);
      for (const [what, m] of [
        ['produce', produced],
        ['fetch', fetched],
      ] as const) {
        rows.push({
          name: `${what} over ${v.name}`,
          'records/s': fmt(m.records / m.seconds),
          'MiB/s': (m.bytes / MiB / m.seconds).toFixed(1),
          'broker ms/MiB': msPerMiB(m).toFixed(2),
          'other cores': m.otherCpu.toFixed(2),
        });
      }
    });
  }
  printTable(
    'broker: security — 6 partitions, 1 MiB batches of 100-byte records, acks=1, each listener type on a broker of its own in this run',
    rows,
  );

  // authorization: small requests, many of them; the same broker, two principals
  const authz: Variant = {
    name: 'authorizer',
    overrides: {
      'listener.security.protocol.map': 'PLAINTEXT:SASL_PLAINTEXT',
      'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
      'scram.bootstrap.users': USERS,
      'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
      'super.users': 'User:bench',
    },
    tls: false,
    login: { mechanism: 'SCRAM-SHA-512', username: 'bench', password: 'bench-secret' },
  };
  const authzRows: Row[] = [];
  await withBroker(authz, pki.caPem, async (superUser) => {
    const admin = await superUser.connect!();
    await createTopic(admin, 'auth-super', 6);
    await createTopic(admin, 'auth-app', 6);
    // 1,000 ACLs for other principals and topics, and the app's prefixed Write (and Describe via Write)
    const creations = Array.from({ length: 1000 }, (_, i) => ({
      resourceType: 2,
      resourceName: `other-${i}`,
      resourcePatternType: 3,
      principal: `User:user-${i}`,
      host: '*',
      operation: 3,
      permissionType: 3,
    }));
    creations.push({
      resourceType: 2,
      resourceName: 'auth',
      resourcePatternType: 4,
      principal: 'User:app',
      host: '*',
      operation: 4,
      permissionType: 3,
    });
    const created = await admin.request(ApiKey.CreateAcls, 3, { creations });
    const failed = created.results.find((r) => r.errorCode !== ErrorCode.NONE);
    if (failed !== undefined) throw new Error(`CreateAcls: ${errorName(failed.errorCode)} ${failed.errorMessage ?? ''}`);
    admin.close();
    const app: BenchBroker = {
      ...superUser,
      connect: () =>
        PipelinedConnection.openSecure(superUser.port, null, { mechanism: 'SCRAM-SHA-512', username: 'app', password: 'app-secret' }),
    };
    const perRequestUs = (m: Measured, batches: number) => (m.brokerCpu * m.seconds * 1e6) / batches;
    const volume = 48 * MiB;
    for (const [who, topic, broker] of [
      ['super user (no ACL lookup)', 'auth-super', superUser],
      ['User:app (prefixed Write among 1,001 ACLs)', 'auth-app', app],
    ] as const) {
      const m = await produce(broker, { topic, partitions: 6, acks: 1, batchBytes: 16 * 1024 }, volume);
      // the first request is not timed
      authzRows.push({
        name: `produce, 6 partitions × 16 KiB, as ${who}`,
        'records/s': fmt(m.records / m.seconds),
        'broker µs/request': perRequestUs(m, m.batchesPerPartition - 1).toFixed(1),
        'other cores': m.otherCpu.toFixed(2),
      });
    }
  });
  // the check itself, in this process: what each topic of each request costs the broker
  const authorizer = new Authorizer({ superUsers: ['User:bench'] });
  authorizer.createAcls([
    ...Array.from({ length: 1000 }, (_, i) =>
      aclBinding({
        resourceType: 2,
        resourceName: `other-${i}`,
        patternType: 3,
        principal: `User:user-${i}`,
        host: '*',
        operation: 3,
        permissionType: 3,
      }),
    ),
    aclBinding({
      resourceType: 2,
      resourceName: 'auth',
      patternType: 4,
      principal: 'User:app',
      host: '*',
      operation: 4,
      permissionType: 3,
    }),
  ]);
  const calls = 200_000;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++)
    authorizer.authorize({ principal: 'User:app', host: '127.0.0.1' }, AclOperation.WRITE, ResourceType.TOPIC, 'auth-app');
  authzRows.push({
    name: 'one Authorizer.authorize (Write on a topic, 1,001 ACLs), in this process',
    'records/s': '',
    'broker µs/request': (((performance.now() - t0) * 1000) / calls).toFixed(2),
    'other cores': '',
  });
  printTable(
    'broker: authorization cost — the same produce requests from a super user and from a principal that ACLs decide for (one check per topic per request), and the check alone',
    authzRows,
  );
}
