// The console on a three-broker cluster (etcd + three broker processes), in Chromium: kill a broker
// and the Replicas & ISR page shows the ISR shrinking and the leadership moving within seconds,
// then the ISR expanding again once the broker is back; the Brokers page (open alongside) shows the
// broker going offline and returning, and moves leadership back with a preferred leader election.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTRPCClient, httpLink } from '@trpc/client';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AdminRouter } from '@tarn/broker';
import { startEtcd } from '@tarn/broker/testing';
import { startBroker, startConsole, type BrokerProcess, type ConsoleProcess } from '../src/processes';
import { ARTIFACTS, CHROMIUM_ARGS, loginCookie, watchPage } from '../src/stack';
import { until } from '../src/wait';

const password = `e2e-cluster-${Math.random().toString(36).slice(2)}`;
const TOPIC = 'e2e-replicated';
let etcd: Awaited<ReturnType<typeof startEtcd>>;
const brokers = new Map<number, BrokerProcess>();
let consoleProcess: ConsoleProcess;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const overrides = (id: number) => ({
  'node.id': String(id),
  'metadata.store': 'etcd',
  'etcd.endpoints': etcd.endpoint,
  'broker.session.timeout.ms': '3000',
  'replica.lag.time.max.ms': '3000',
  'replica.fetch.wait.max.ms': '200',
  'default.replication.factor': '3',
  'offsets.topic.replication.factor': '3',
});

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  etcd = await startEtcd();
  for (const id of [1, 2, 3]) brokers.set(id, await startBroker(password, overrides(id)));
  consoleProcess = await startConsole(brokers.get(1)!.adminUrl);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: consoleProcess.url });
  page = await context.newPage();
  watchPage(page, problems);
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await consoleProcess?.stop();
  for (const b of brokers.values()) await b.stop();
  await etcd?.stop();
});

test('killing a broker: the console shows the ISR shrink and the leader change, then the expansion', { timeout: 180_000 }, async () => {
  const b1 = brokers.get(1)!;
  const api = createTRPCClient<AdminRouter>({
    links: [httpLink({ url: `${b1.adminUrl}/trpc`, headers: { cookie: await loginCookie(b1.adminUrl, password) } })],
  });
  await until(
    'three brokers registered',
    async () => (await api.cluster.overview.query()).brokers.filter((b) => b.state === 'running').length === 3,
    30_000,
  );
  await api.topics.create.mutate({ name: TOPIC, partitions: 3, replicationFactor: 3 });
  await until(
    'every ISR complete',
    async () => (await api.topics.get.query({ name: TOPIC })).partitions.every((p) => p.isr.length === 3),
    30_000,
  );

  await page.goto(`/login?next=${encodeURIComponent(`/isr?topic=${TOPIC}`)}`);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.pathname === '/isr');
  await page.screenshot({ path: join(ARTIFACTS, 'cluster-01-isr-healthy.png'), fullPage: true });
  // the Brokers page in a second tab, following the same events
  const brokersPage = await page.context().newPage();
  watchPage(brokersPage, problems);
  await brokersPage.goto('/brokers');
  const brokerRow = (id: number) => brokersPage.getByRole('row').filter({ has: brokersPage.getByTestId(`leaders-${id}`) });

  // the victim leads at least one partition: broker 2 or 3 (the console talks to broker 1)
  const partitions = (await api.topics.get.query({ name: TOPIC })).partitions;
  const victim = [2, 3].find((id) => partitions.some((p) => p.leader === id)) ?? 2;
  const preferredOfVictim = partitions.filter((p) => p.replicas[0] === victim).length;
  await brokerRow(victim).getByText('running').waitFor();
  const killedAt = Date.now();
  await brokers.get(victim)!.kill('SIGKILL');
  await page
    .getByText(new RegExp(`ISR shrank: ${victim} left`))
    .first()
    .waitFor({ timeout: 20_000 });
  await page
    .getByText(/Leader is now broker/)
    .first()
    .waitFor({ timeout: 20_000 });
  const seenAfterMs = Date.now() - killedAt;
  console.log(`# ISR shrink and leader change visible ${seenAfterMs} ms after the kill (lease 3000 ms)`);
  await page.screenshot({ path: join(ARTIFACTS, 'cluster-02-isr-shrunk.png'), fullPage: true });
  const after = (await api.topics.get.query({ name: TOPIC })).partitions;
  assert.ok(after.every((p) => p.leader !== victim && !p.isr.includes(victim)));
  // the Brokers page: the victim is offline and leads nothing; its history says so
  await brokerRow(victim).getByText('offline').waitFor({ timeout: 10_000 });
  await brokersPage.getByTestId(`leaders-${victim}`).getByText('0', { exact: true }).waitFor({ timeout: 10_000 });
  await brokersPage.getByText(`Broker ${victim} went offline`).first().waitFor({ timeout: 10_000 });
  await brokersPage.screenshot({ path: join(ARTIFACTS, 'cluster-02b-brokers-offline.png'), fullPage: true });

  // back on the same ports and log dir: it catches up and rejoins
  const old = brokers.get(victim)!;
  const restartedAt = Date.now();
  brokers.set(victim, await startBroker(password, overrides(victim), { port: old.port, adminPort: old.adminPort, logDir: old.logDir }));
  await page
    .getByText(new RegExp(`ISR expanded: ${victim} caught up`))
    .first()
    .waitFor({ timeout: 60_000 });
  console.log(`# first ISR expansion visible ${Date.now() - restartedAt} ms after the restart began`);
  await page.screenshot({ path: join(ARTIFACTS, 'cluster-03-isr-expanded.png'), fullPage: true });
  // the first expansion shows once one partition has caught up; the others follow
  await until(
    'every ISR complete again',
    async () => (await api.topics.get.query({ name: TOPIC })).partitions.every((p) => p.isr.length === 3),
    30_000,
  );
  // back and in sync but leading nothing until a preferred leader election moves its partitions back
  await brokerRow(victim).getByText('running').waitFor({ timeout: 10_000 });
  await brokersPage.getByText(`Broker ${victim} is running`).first().waitFor({ timeout: 10_000 });
  assert.ok(preferredOfVictim > 0, 'the victim is the preferred leader of some partition');
  await brokersPage.getByRole('button', { name: 'Elect preferred leaders' }).click();
  await brokersPage.getByText(/Moved leadership of \d+ partitions? to the preferred replica/).waitFor({ timeout: 10_000 });
  await brokersPage.getByTestId(`leaders-${victim}`).getByText(String(preferredOfVictim), { exact: true }).waitFor({ timeout: 10_000 });
  await brokersPage.screenshot({ path: join(ARTIFACTS, 'cluster-03b-brokers-rebalanced.png'), fullPage: true });
  const rebalanced = (await api.topics.get.query({ name: TOPIC })).partitions;
  assert.ok(
    rebalanced.every((p) => p.leader === p.replicas[0]),
    'every partition led by its preferred replica',
  );
  // the overview shows all three brokers running again
  await page.goto('/');
  await page.getByText('running').first().waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'cluster-04-overview.png'), fullPage: true });
  assert.deepEqual(problems, []);
});
