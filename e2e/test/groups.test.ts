// Consumer groups in the console, with kafkajs consumers against the broker: the list, the lag chart
// rising while producing and falling while consuming, a new generation on the rebalance timeline
// when a consumer joins, and an offset reset from the UI (refused while members are active; bad
// offsets explained next to the field) after which a consumer re-reads from offset 0.
import { after } from 'node:test';
import assert from 'node:assert/strict';
import type { Consumer } from 'kafkajs';
import type { Stack } from '../src/stack';
import { useStack } from '../src/use-stack';
import { sleep, until } from '../src/wait';

const consumers = new Set<Consumer>();
after(async () => {
  for (const c of consumers) await c.disconnect().catch(() => undefined);
});
const { step } = useStack();

const TOPIC = 'e2e-work';
const GROUP = 'e2e-workers';
const PARTITIONS = 3;
let produced = 0;

async function produce(s: Stack, n: number): Promise<void> {
  const producer = s.kafka.producer();
  await producer.connect();
  await producer.send({
    topic: TOPIC,
    messages: Array.from({ length: n }, (_, i) => ({
      partition: (produced + i) % PARTITIONS,
      value: JSON.stringify({ job: produced + i }),
    })),
  });
  produced += n;
  await producer.disconnect();
}

/** Per-record processing time of the consumers (0: as fast as they can). */
const pace = { ms: 0 };

/**
 * A kafkajs consumer in the group; `seen` gets every record's partition and offset. Small fetches,
 * so that a slowed-down consumer commits (and its lag falls) in many small steps.
 */
async function startConsumer(s: Stack, clientId: string, seen: Array<{ partition: number; offset: string }> = []): Promise<Consumer> {
  const { Kafka, logLevel } = await import('kafkajs');
  const kafka = new Kafka({ clientId, brokers: [s.broker.bootstrap], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: GROUP,
    heartbeatInterval: 300,
    sessionTimeout: 10_000,
    rebalanceTimeout: 10_000,
    maxBytesPerPartition: 1024,
  });
  consumers.add(consumer);
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      seen.push({ partition, offset: message.offset });
      if (pace.ms > 0) await sleep(pace.ms);
    },
  });
  return consumer;
}

async function stopConsumer(c: Consumer): Promise<void> {
  await c.disconnect();
  consumers.delete(c);
}

let a: Consumer;
let b: Consumer;

step('log in; with no groups the page says how groups appear', async (s) => {
  await s.login(s.page, '/groups');
  await s.page.getByText('No consumer groups yet').waitFor();
  assert.match((await s.page.locator('.t-empty').textContent()) ?? '', /group\.id/);
  await s.shot('12-groups-empty');
});

step('a kafkajs consumer group shows in the list with state, members, lag and status', async (s) => {
  await s.api.topics.create.mutate({ name: TOPIC, partitions: PARTITIONS });
  await produce(s, 30);
  a = await startConsumer(s, 'worker-a');
  await until(
    'the group to commit everything',
    async () => {
      const g = await s.api.groups.get.query({ groupId: GROUP }).catch(() => null);
      return g !== null && g.state === 'Stable' && g.lag?.partitions.length === PARTITIONS && g.lag.totalLag === 0;
    },
    30_000,
    250,
  );
  const { page } = s;
  await page.goto('/groups');
  const row = page.locator('tr', { has: page.getByRole('link', { name: GROUP }) });
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  assert.match(text, /Stable/);
  assert.match(text, /OK/);
  await page.fill('#group-search', 'nothing-like-it');
  await page.getByText('No group matches').waitFor();
  await page.fill('#group-search', 'workers');
  await row.waitFor();
  await s.shot('12-groups');
});

step('the lag chart rises while producing and falls while consuming', async (s) => {
  const { page } = s;
  await page.goto(`/groups/${GROUP}`);
  const chart = page.getByTestId('lag-chart');
  await chart.locator('.recharts-surface').first().waitFor();
  const latest = async () => Number((await chart.getAttribute('data-latest')) || '0');
  const points = async () => Number((await chart.locator('.t-chart').getAttribute('data-points')) ?? '0');
  await until('the chart to show no lag', async () => (await latest()) === 0, 10_000);
  const pointsBefore = await points();

  a.pause([{ topic: TOPIC }]);
  const rising: number[] = [];
  for (let i = 0; i < 6; i++) {
    await produce(s, 50);
    await sleep(500);
    rising.push(await latest());
  }
  await until('the chart to show the whole backlog', async () => ((await latest()) >= 300 ? true : undefined), 10_000);
  rising.push(await latest());
  assert.ok(rising.at(-1)! > rising[0]!, `lag rose while producing: ${rising.join(' → ')}`);
  assert.match((await page.getByTestId('total-lag').textContent()) ?? '', /^3\d\d$/, 'the total lag figure follows');
  await s.shot('13-group-lag-rising');

  // a slow consumer, so the backlog drains over a few seconds
  pace.ms = 10;
  a.resume([{ topic: TOPIC }]);
  const falling: number[] = [];
  await until(
    'the lag to drop back to zero',
    async () => {
      falling.push(await latest());
      return falling.at(-1) === 0;
    },
    20_000,
    250,
  );
  const seenMax = Math.max(...rising);
  console.log(`# lag chart: rising ${rising.join(' → ')}; falling ${[...new Set(falling)].join(' → ')}`);
  assert.ok(seenMax >= 300 && falling.at(-1) === 0);
  assert.ok(
    falling.some((v) => v > 0 && v < seenMax),
    'the lag came down step by step while the consumer worked',
  );
  pace.ms = 0;
  assert.ok((await points()) > pointsBefore + 5, 'the chart kept adding points');
  const table = page.getByRole('table', { name: `Lag per partition of ${GROUP}` });
  assert.equal(await table.locator('tbody tr').count(), PARTITIONS);
  await sleep(1200);
  await s.shot('13-group-lag');
});

step('a second consumer makes a new generation on the rebalance timeline, with the assignment diff', async (s) => {
  const { page } = s;
  await page.goto(`/groups/${GROUP}?tab=rebalances`);
  const timeline = page.getByRole('list', { name: 'Rebalances, newest first' });
  await timeline
    .getByText(/Generation \d+: 1 member$/)
    .first()
    .waitFor();
  const before = await s.api.groups.rebalances.query({ groupId: GROUP });
  b = await startConsumer(s, 'worker-b');
  // arrives over live.events, without reloading
  const item = timeline.locator('li', { hasText: /Generation \d+: 2 members/ }).first();
  await item.waitFor({ timeout: 20_000 });
  const text = (await item.textContent()) ?? '';
  assert.match(text, /worker-b/, 'who joined');
  assert.ok((await item.locator('.t-assign-chip[data-kind="added"]').count()) >= 1, 'partitions gained');
  assert.ok((await item.locator('.t-assign-chip[data-kind="removed"]').count()) >= 1, 'partitions lost');
  const after = await s.api.groups.rebalances.query({ groupId: GROUP });
  assert.ok(after.length > before.length);
  const last = after.at(-1)!;
  assert.match(text, new RegExp(`Generation ${last.generation}: 2 members`));
  await s.shot('14-group-rebalances');

  await page.getByRole('tab', { name: /Members/ }).click();
  await until(
    'both members listed',
    async () =>
      (await page
        .getByRole('table', { name: `Members of ${GROUP}` })
        .locator('tbody tr')
        .count()) === 2
        ? true
        : undefined,
    10_000,
  );
  await s.shot('15-group-members');
});

step('a reset is refused while members are active, and bad offsets are explained next to the field', async (s) => {
  const { page } = s;
  const committed = async () => (await s.api.groups.get.query({ groupId: GROUP })).lag!.partitions.map((p) => p.committedOffset);
  const before = await committed();
  await page.goto(`/groups/${GROUP}?tab=reset`);
  const apply = page.getByRole('button', { name: /^Reset offsets/ });
  await page.locator('#reset-blocked').waitFor({ timeout: 10_000 });
  assert.match((await page.locator('#reset-blocked').textContent()) ?? '', /inactive.*Stable|Stable/);
  assert.equal(await apply.isDisabled(), true);
  assert.match((await page.locator('#reset-why-disabled').textContent()) ?? '', /inactive/);
  await page.getByRole('table', { name: 'Reset preview' }).waitFor();
  await s.shot('16-group-reset-blocked');

  await page.getByText('Offset', { exact: true }).click();
  await page.fill('#reset-offset', '12abc');
  await until('the invalid number message', async () =>
    /not an offset/.test(
      (await page
        .locator('#reset-offset-error')
        .textContent()
        .catch(() => '')) ?? '',
    ),
  );
  await page.fill('#reset-offset', '999999');
  await until(
    'the beyond-the-log-end message',
    async () =>
      /beyond the log end/.test(
        (await page
          .locator('#reset-offset-error')
          .textContent()
          .catch(() => '')) ?? '',
      ),
    10_000,
  );
  assert.equal(await page.locator('#reset-offset').getAttribute('aria-invalid'), 'true');
  await s.shot('17-group-reset-offset-beyond-end');
  await page.fill('#reset-offset', '');
  await page.getByText('Shift by', { exact: true }).click();
  await page.fill('#reset-shift', '1.5');
  await until('the shift message', async () =>
    /not a whole number/.test(
      (await page
        .locator('#reset-shift-error')
        .textContent()
        .catch(() => '')) ?? '',
    ),
  );
  assert.deepEqual(await committed(), before, 'nothing was reset');
});

step('with the consumers stopped, a reset to earliest from the UI makes a new consumer re-read from offset 0', async (s) => {
  const { page } = s;
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.console.url });
  await page.goto(`/groups/${GROUP}?tab=reset`);
  await page.locator('#reset-blocked').waitFor({ timeout: 10_000 });
  await stopConsumer(a);
  await stopConsumer(b);
  const apply = page.getByRole('button', { name: /^Reset offsets/ });
  // the dry run refreshes by itself: the button comes alive once the group is empty
  await until('the reset to be allowed', async () => !(await apply.isDisabled()), 20_000, 250);
  assert.equal(await page.locator('#reset-blocked').count(), 0);
  const preview = page.getByRole('table', { name: 'Reset preview' });
  assert.equal(await preview.locator('tbody tr').count(), PARTITIONS);
  assert.match((await apply.textContent()) ?? '', /of 3 partitions/);
  const command = (await page.getByLabel('kafka-consumer-groups.sh command').textContent()) ?? '';
  assert.match(
    command,
    new RegExp(
      `kafka-consumer-groups\\.sh --bootstrap-server ${s.broker.bootstrap.replace(/\./g, '\\.')} --group '${GROUP}' --reset-offsets --to-earliest --all-topics --execute`,
    ),
  );
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.getByRole('button', { name: '✓ Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), command);
  await s.shot('18-group-reset-preview');

  await apply.click();
  await page.getByText(/Reset 3 partitions of/).waitFor();
  const lag = (await s.api.groups.get.query({ groupId: GROUP })).lag!;
  assert.deepEqual(
    lag.partitions.map((p) => p.committedOffset),
    [0, 0, 0],
    'every committed offset is 0',
  );
  assert.equal(lag.totalLag, produced);
  await s.shot('19-group-reset-applied');
  const audit = await s.api.audit.list.query({ limit: 20 });
  assert.ok(audit.some((e) => e.action === 'group.reset-offsets' && e.result === 'ok'));

  const seen: Array<{ partition: number; offset: string }> = [];
  const c = await startConsumer(s, 'worker-c', seen);
  await until('the consumer to re-read everything', () => (seen.length >= produced ? true : undefined), 30_000, 250);
  for (let p = 0; p < PARTITIONS; p++)
    assert.equal(seen.find((r) => r.partition === p)?.offset, '0', `partition ${p} is read again from offset 0`);
  await stopConsumer(c);
});

step('the overview counts groups by lag status', async (s) => {
  const { page } = s;
  await page.goto('/');
  const counts = page.getByLabel('Groups by lag status');
  await counts.waitFor();
  const total = await counts.locator('.c-status-count').first().textContent();
  assert.match(total ?? '', /^1\s*group$/);
  const statuses: Record<string, number> = await counts
    .locator('[data-status]')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-status'), Number(e.querySelector('strong')?.textContent)])),
    );
  assert.equal(
    Object.values(statuses).reduce((n, v) => n + v, 0),
    1,
    `one group counted: ${JSON.stringify(statuses)}`,
  );
  await page.locator('.recharts-surface').first().waitFor();
  await s.shot('02-overview');
});

step('the browser saw no errors', async (s) => {
  assert.deepEqual(s.problems, []);
});
