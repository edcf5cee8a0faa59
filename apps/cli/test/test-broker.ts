/**
 * A real tarn broker for the CLI's end-to-end tests: in the test runner's process, on free loopback
 * ports and a temporary log dir, stopped (and its directory removed) after the suite. The `tarn`
 * processes under test reach it over real sockets like any Kafka client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { Broker } from '@tarn/broker';

export interface CliTestBroker {
  broker: Broker;
  bootstrap: string;
  logDir: string;
}

export async function startCliTestBroker(overrides: Record<string, string> = {}): Promise<CliTestBroker> {
  const logDir = mkdtempSync(join(tmpdir(), 'tarn-cli-'));
  const broker = new Broker({
    listeners: 'PLAINTEXT://127.0.0.1:0',
    'admin.listeners': 'http://127.0.0.1:0',
    'log.dirs': logDir,
    'log.level': process.env.TARN_TEST_LOG_LEVEL ?? 'warn',
    'group.initial.rebalance.delay.ms': '0',
    'offsets.topic.num.partitions': '3',
    ...overrides,
  });
  await broker.start();
  after(async () => {
    await broker.shutdown();
    rmSync(logDir, { recursive: true, force: true });
  });
  return { broker, bootstrap: `127.0.0.1:${broker.boundListeners()[0]!.port}`, logDir };
}
