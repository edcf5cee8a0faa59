#!/usr/bin/env node
// npm run cluster: a local three-broker tarn cluster on loopback.
//
//   etcd          127.0.0.1:2379 (peer 2380), data under ./data/etcd
//   brokers 1-3   Kafka on 127.0.0.1:9092-9094, admin HTTP on 127.0.0.1:9644-9646,
//                 logs under ./data/cluster/broker-N
//   console       http://127.0.0.1:3000 (against broker 1's admin API)
//
// Ctrl-C stops them all. Extra arguments after `--` go to every broker
// (e.g. npm run cluster -- --override default.replication.factor=3).
// The console login is admin / $TARN_ADMIN_PASSWORD (default "tarn-cluster"), the same on all brokers.
// TARN_NO_CONSOLE=1 runs the cluster without the console.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildConsoleIfNeeded, root, run, runBroker, startConsole } from './lib/launcher.mjs';

const args = process.argv.slice(2);
if (args[0] === '--') args.shift();
const password = process.env.TARN_ADMIN_PASSWORD ?? 'tarn-cluster';

const etcdDir = join(root, 'data', 'etcd');
mkdirSync(etcdDir, { recursive: true });
run('etcd', 'etcd', [
  '--name',
  'tarn-local',
  '--data-dir',
  etcdDir,
  '--listen-client-urls',
  'http://127.0.0.1:2379',
  '--advertise-client-urls',
  'http://127.0.0.1:2379',
  '--listen-peer-urls',
  'http://127.0.0.1:2380',
  '--initial-advertise-peer-urls',
  'http://127.0.0.1:2380',
  '--initial-cluster',
  'tarn-local=http://127.0.0.1:2380',
  '--log-level',
  'warn',
]);

for (let id = 1; id <= 3; id++) {
  const overrides = {
    'node.id': String(id),
    listeners: `PLAINTEXT://127.0.0.1:${9091 + id}`,
    'admin.listeners': `http://127.0.0.1:${9643 + id}`,
    'log.dirs': join(root, 'data', 'cluster', `broker-${id}`),
    'metadata.store': 'etcd',
    'etcd.endpoints': 'http://127.0.0.1:2379',
    'default.replication.factor': '3',
    'offsets.topic.replication.factor': '3',
    'min.insync.replicas': '2',
    'admin.password': password,
  };
  runBroker(`broker ${id}`, [...Object.entries(overrides).flatMap(([k, v]) => ['--override', `${k}=${v}`]), ...args]);
}

if (process.env.TARN_NO_CONSOLE === '1') {
  console.log('\n  tarn cluster: brokers 127.0.0.1:9092-9094 (no console: TARN_NO_CONSOLE=1; Ctrl-C stops everything)\n');
} else {
  await buildConsoleIfNeeded();
  await startConsole('http://127.0.0.1:9644', `brokers 127.0.0.1:9092-9094, login admin / ${password}`);
}
