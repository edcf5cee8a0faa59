// Transactions in the console, with kafkajs against the broker: a transactional producer opens a
// transaction and does not commit it, while a read_committed consumer (kafkajs's default) waits at
// the last stable offset. The Transactions page shows the open transaction with an age that ticks
// and its partition held back (LSO < HW); the topic's Partitions tab shows the LSO and the group
// says its lag waits for the transaction. Aborting it from the console (after a confirmation that
// names the id and says the producer will be fenced) releases the partition, fences the producer
// and is audited; a new producer with the same transactional id then commits, and the waiting
// consumer receives exactly the committed records, never the aborted ones. A transaction open longer
// than transaction.max.timeout.ms is hanging, and its ABORT marker is written from the console.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import assert from 'node:assert/strict';
import type { Consumer, Producer, Transaction } from 'kafkajs';
import { watchPage } from '../src/stack';
import { useStack } from '../src/use-stack';
import { sleep, until } from '../src/wait';

const TOPIC = 'e2e-payments';
const GROUP = 'e2e-settlement';
const TXN_ID = 'e2e-checkout';
const LEDGER = 'e2e-ledger';

// before the stack's own: the clients leave while the broker still runs (a kafkajs consumer whose
// broker is gone keeps restarting, and the process with it)
const clients: Array<Producer | Consumer> = [];
after(async () => {
  for (const c of clients) await c.disconnect().catch(() => undefined);
});

const { step } = useStack({ 'transaction.state.log.num.partitions': '1' });

/** What the read_committed consumer received, in order. */
const received: string[] = [];
let open: Transaction;

step('a read_committed consumer waits behind an open transaction', async (s) => {
  await s.api.topics.create.mutate({ name: TOPIC, partitions: 1 });
  // a first transaction commits, so the consumer has read something before it waits
  const first = s.kafka.producer({ transactionalId: TXN_ID, idempotent: true, maxInFlightRequests: 1, transactionTimeout: 300_000 });
  clients.push(first);
  await first.connect();
  const committed = await first.transaction();
  await committed.send({ topic: TOPIC, messages: [{ value: 'paid-1' }] });
  await committed.commit();
  // then one stays open: two records read_committed consumers must not see until it ends
  open = await first.transaction();
  await open.send({ topic: TOPIC, messages: [{ value: 'doomed-1' }, { value: 'doomed-2' }] });

  // autoCommitThreshold: kafkajs then also commits past a batch of control records only (the COMMIT
  // marker after paid-1), so the group's committed offset reaches the LSO
  const consumer = s.kafka.consumer({ groupId: GROUP, maxWaitTimeInMs: 100, heartbeatInterval: 500 });
  clients.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  await consumer.run({ autoCommitThreshold: 1, eachMessage: async ({ message }) => void received.push(message.value!.toString()) });
  await until('the consumer to read the committed record', () => received.includes('paid-1'), 30_000);
  await until(
    'the group to commit up to the last stable offset',
    async () => (await s.api.groups.get.query({ groupId: GROUP })).lag?.partitions[0]?.heldByTransaction === true,
    30_000,
    250,
  );
  assert.deepEqual(received, ['paid-1']);
});

step('the Transactions page shows the open transaction, its ticking age, and its partition held back (LSO < HW)', async (s) => {
  const { page } = s;
  await s.login(page, '/transactions');
  await page.getByRole('heading', { name: 'Transactions', level: 1 }).waitFor();
  const row = page.locator('tr', { has: page.getByTestId('txn-id').filter({ hasText: TXN_ID }) });
  await row.getByText('Ongoing').waitFor();
  const text = (await row.textContent()) ?? '';
  assert.match(text, new RegExp(`${TOPIC}-0`), 'its partition');
  assert.match(text, /5m/, 'its timeout (transactionTimeout 300 000 ms)');
  const overview = await s.api.transactions.overview.query();
  const t = overview.transactions.find((x) => x.transactionalId === TXN_ID)!;
  assert.match(text, new RegExp(`${t.producerId} · ${t.producerEpoch}`), 'its producer id and epoch');
  await row.getByRole('link', { name: `${TOPIC}-0` }).waitFor();

  const age = row.getByTestId(`txn-age-${TXN_ID}`);
  const before = Number(await age.getAttribute('data-age-ms'));
  const shown = await age.textContent();
  await sleep(2_500);
  const later = Number(await age.getAttribute('data-age-ms'));
  assert.ok(later >= before + 2_000, `the age ticks: ${before} ms → ${later} ms`);
  assert.notEqual(await age.textContent(), shown, 'and the text with it');

  const lso = page.getByTestId(`lso-${TOPIC}-0`);
  await lso.waitFor();
  const [l, hw] = [Number(await lso.getAttribute('data-lso')), Number(await lso.getAttribute('data-hw'))];
  assert.deepEqual([l, hw], [2, 4], 'LSO at the open transaction (after paid-1 and its marker), HW after its two records');
  assert.match((await lso.textContent()) ?? '', /2 records held back/);
  const producer = page.getByTestId(`open-producer-${t.producerId}`);
  assert.match((await producer.textContent()) ?? '', new RegExp(TXN_ID));
  assert.doesNotMatch((await producer.textContent()) ?? '', /hanging/, 'its coordinator knows it: not hanging');
  await s.shot('transactions-01-open');
});

step("the topic's Partitions tab shows the LSO, and the group says its lag waits for the transaction", async (s) => {
  const { page } = s;
  await page.goto(`/topics/${TOPIC}`);
  const cell = page.getByTestId('partition-lso-0');
  await cell.waitFor();
  assert.equal(await cell.getAttribute('data-held'), 'true');
  assert.match((await cell.textContent()) ?? '', /^2held by an open transaction$/);
  await s.shot('topic-partitions-lso');

  await page.goto(`/groups/${GROUP}`);
  await page.getByTestId('held-by-transaction').waitFor();
  assert.match((await page.getByTestId(`lag-${TOPIC}-0`).textContent()) ?? '', /^2waiting for an open transaction$/);
  await s.shot('transactions-group-held');
});

step('aborting it from the console (confirmed) releases the partition and fences its producer', async (s) => {
  const { page } = s;
  await page.goto('/transactions');
  const epochBefore = (await s.api.transactions.overview.query()).transactions.find((x) => x.transactionalId === TXN_ID)!.producerEpoch;
  const row = page.locator('tr', { has: page.getByTestId('txn-id').filter({ hasText: TXN_ID }) });
  await row.getByRole('button', { name: `Abort the transaction of ${TXN_ID}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: `Abort the transaction of “${TXN_ID}”?` }).waitFor();
  const said = (await dialog.textContent()) ?? '';
  assert.match(said, /The producer will be fenced and its open transaction aborted/);
  assert.match(said, /PRODUCER_FENCED/);
  assert.match(said, new RegExp(`${TOPIC}-0`));
  await s.shot('transactions-02-confirm-abort');

  await dialog.getByRole('button', { name: 'Fence producer and abort' }).click();
  await page.getByTestId('abort-outcome').waitFor();
  assert.match((await page.getByTestId('abort-outcome').textContent()) ?? '', new RegExp(`Fenced the producer of ${TXN_ID}`));
  await page.getByText('No partition is held back').waitFor({ timeout: 15_000 });
  // fenced: the id is left with a new epoch and nothing open, its timeout kept
  await row.getByText('Empty').waitFor();
  const after = (await s.api.transactions.overview.query()).transactions.find((x) => x.transactionalId === TXN_ID)!;
  assert.ok(after.producerEpoch > epochBefore, `the epoch was bumped: ${epochBefore} → ${after.producerEpoch}`);
  assert.equal(after.timeoutMs, 300_000);
  assert.equal(await page.getByTestId('held-partition').count(), 0);
  await s.shot('transactions-03-released');

  const fenced = await open.commit().then(
    () => null,
    (e: Error) => e,
  );
  assert.ok(fenced !== null, 'committing the aborted transaction fails: its producer is fenced');
  await sleep(500);
  assert.deepEqual(received, ['paid-1'], 'the aborted records never reach the read_committed consumer');
  const audit = readFileSync(join(s.broker.logDir, 'tarn-audit.log'), 'utf8');
  assert.match(audit, new RegExp(`"action":"transaction.abort","target":"${TXN_ID}"`));

  // the topic's partition is no longer held
  await page.goto(`/topics/${TOPIC}`);
  await until(
    'the LSO to reach the high watermark',
    async () => (await page.getByTestId('partition-lso-0').getAttribute('data-held')) === 'false',
  );
});

step('a new producer with the same transactional id commits; the waiting consumer receives exactly its records', async (s) => {
  const next = s.kafka.producer({ transactionalId: TXN_ID, idempotent: true, maxInFlightRequests: 1 });
  clients.push(next);
  await next.connect();
  const t = await next.transaction();
  await t.send({ topic: TOPIC, messages: [{ value: 'paid-2' }, { value: 'paid-3' }] });
  await t.commit();
  await until('the consumer to read the new transaction', () => received.length >= 3, 20_000);
  await sleep(500);
  assert.deepEqual(received, ['paid-1', 'paid-2', 'paid-3']);

  // the page follows on its own (polling): the id's last transaction committed, nothing held back
  const { page } = s;
  await page.goto('/transactions');
  const row = page.locator('tr', { has: page.getByTestId('txn-id').filter({ hasText: TXN_ID }) });
  await row.getByText('CompleteCommit').waitFor();
  await page.getByText('No partition is held back').waitFor();

  // the dark theme renders the page too
  const dark = await s.browser.newContext({
    baseURL: s.console.url,
    colorScheme: 'dark',
    viewport: { width: 1440, height: 900 },
    storageState: await s.context.storageState(),
  });
  const p = await dark.newPage();
  watchPage(p, s.problems);
  await p.goto('/transactions');
  await p
    .locator('tr', { has: p.getByTestId('txn-id').filter({ hasText: TXN_ID }) })
    .getByText('CompleteCommit')
    .waitFor();
  await s.shot('transactions-04-dark', p);
  await dark.close();
});

step(
  'a transaction open longer than transaction.max.timeout.ms is hanging; its ABORT marker is written from the console (confirmed)',
  async (s) => {
    // a producer whose clock is far behind: its records say they were written before the longest
    // timeout any transaction may have, which is how find-hanging tells a hanging transaction
    await s.api.topics.create.mutate({ name: LEDGER, partitions: 1 });
    const skewed = s.kafka.producer({ transactionalId: 'e2e-skewed-clock', idempotent: true, maxInFlightRequests: 1 });
    clients.push(skewed);
    await skewed.connect();
    const t = await skewed.transaction();
    const { maxTimeoutMs } = await s.api.transactions.overview.query();
    await t.send({ topic: LEDGER, messages: [{ value: 'stale', timestamp: String(Date.now() - maxTimeoutMs - 60_000) }] });
    const held = await until('the ledger partition to be held back', async () =>
      (await s.api.transactions.overview.query()).partitions.find((p) => p.topic === LEDGER),
    );
    const o = held.open[0]!;
    assert.deepEqual([o.transactionalId, o.hanging], ['e2e-skewed-clock', true]);
    // no marker from this producer has reached the partition yet: the marker carries epoch 0
    const coordinatorEpoch = Math.max(0, o.coordinatorEpoch);

    const { page } = s;
    await page.goto('/transactions');
    const line = page.getByTestId(`open-producer-${o.producerId}`);
    await line.getByText('hanging', { exact: true }).waitFor();
    await s.shot('transactions-05-hanging');
    await line.getByRole('button', { name: 'Abort hanging transaction' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Abort the hanging transaction on ${LEDGER}-0?` }).waitFor();
    const marker = (await dialog.getByTestId('abort-marker').textContent()) ?? '';
    for (const part of [
      `Partition${LEDGER}-0`,
      'MarkerABORT (control record)',
      `Producer id${o.producerId}`,
      `Producer epoch${o.producerEpoch}`,
      `Coordinator epoch${coordinatorEpoch}`,
      `abort --topic ${LEDGER} --partition 0 --producer-id ${o.producerId} --producer-epoch ${o.producerEpoch} --coordinator-epoch ${coordinatorEpoch}`,
    ])
      assert.ok(marker.includes(part), `the dialog shows ${part}: ${marker}`);
    await s.shot('transactions-06-confirm-abort-hanging');

    await dialog.getByRole('button', { name: 'Write the ABORT marker' }).click();
    await page.getByTestId('abort-outcome').getByText(`Wrote the ABORT marker of producer ${o.producerId} to ${LEDGER}-0`).waitFor();
    await page.getByText('No partition is held back').waitFor({ timeout: 15_000 });
    const audit = readFileSync(join(s.broker.logDir, 'tarn-audit.log'), 'utf8');
    assert.match(audit, new RegExp(`"action":"transaction.abort-hanging","target":"${LEDGER}-0"`));
    // its coordinator still ends the transaction it knows of: an ABORT with nothing left open
    await t.abort();
  },
);

step('the browser saw no errors', async (s) => {
  assert.deepEqual(s.problems, []);
});
