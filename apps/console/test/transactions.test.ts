// The Transactions page's logic: its URL state, which transactions are open and which the filters
// keep, ages that tick between polls and warn near their timeout, the LSO gap of a held-back
// partition, which ongoing transaction an open producer belongs to, and the exact ABORT marker (and
// kafka-transactions.sh command) that aborting a hanging transaction writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HeldPartition, TransactionRow } from '../src/lib/types';
import { withParams } from '../src/lib/url-state';
import {
  abortHangingCommand,
  ageTone,
  elapsedSince,
  filterTransactions,
  hangingMarker,
  isOpenState,
  lsoGap,
  owningTransaction,
} from '../src/features/transactions/transaction-format';
import { isFiltered, parseTransactionsParams, transactionsChanges } from '../src/features/transactions/url-state';

const txn = (transactionalId: string, state: string, extra: Partial<TransactionRow> = {}): TransactionRow => ({
  transactionalId,
  coordinator: 1,
  producerId: 1000,
  producerEpoch: 0,
  state,
  startedAtMs: state === 'Ongoing' ? 1_000 : null,
  ageMs: state === 'Ongoing' ? 5_000 : null,
  timeoutMs: 60_000,
  partitions: [],
  ...extra,
});

test('the URL state parses alike from Next searchParams and URLSearchParams, junk falls back, defaults leave the URL', () => {
  const record = { q: 'check', state: 'Ongoing', open: '1' };
  assert.deepEqual(parseTransactionsParams(record), parseTransactionsParams(new URLSearchParams(record)));
  assert.deepEqual(parseTransactionsParams(record), { q: 'check', state: 'Ongoing', open: true });
  assert.deepEqual(parseTransactionsParams({ state: 'Running', open: 'yes' }), { q: '', state: 'all', open: false });
  const p = parseTransactionsParams(record);
  assert.deepEqual(parseTransactionsParams(new URLSearchParams(withParams('', transactionsChanges(p)))), p);
  assert.equal(withParams('', transactionsChanges(parseTransactionsParams({}))), '');
  assert.equal(isFiltered(parseTransactionsParams({})), false);
  assert.equal(isFiltered(parseTransactionsParams({ open: '1' })), true);
});

test('open states, and the filters: id substring (any case), state, only open', () => {
  assert.deepEqual(['Empty', 'Ongoing', 'PrepareCommit', 'PrepareAbort', 'CompleteCommit', 'CompleteAbort'].filter(isOpenState), [
    'Ongoing',
    'PrepareCommit',
    'PrepareAbort',
  ]);
  const rows = [txn('checkout', 'Ongoing'), txn('billing', 'CompleteCommit'), txn('Checkout-eu', 'PrepareAbort'), txn('idle', 'Empty')];
  const ids = (p: Record<string, string>) => filterTransactions(rows, parseTransactionsParams(p)).map((t) => t.transactionalId);
  assert.deepEqual(ids({}), ['checkout', 'billing', 'Checkout-eu', 'idle']);
  assert.deepEqual(ids({ q: 'CHECK' }), ['checkout', 'Checkout-eu']);
  assert.deepEqual(ids({ open: '1' }), ['checkout', 'Checkout-eu']);
  assert.deepEqual(ids({ state: 'CompleteCommit' }), ['billing']);
  assert.deepEqual(ids({ state: 'CompleteCommit', open: '1' }), []);
});

test('ages tick from the answer on, and warn from 80% of the timeout; past it they are danger', () => {
  assert.equal(elapsedSince(5_000, 100_000, null), 5_000, 'no tick before the first client render');
  assert.equal(elapsedSince(5_000, 100_000, 103_500), 8_500);
  assert.equal(elapsedSince(5_000, 100_000, 99_000), 5_000, 'a clock going back does not make it younger');
  assert.equal(elapsedSince(null, 100_000, 103_500), null);
  assert.equal(ageTone(10_000, 60_000), 'neutral');
  assert.equal(ageTone(47_999, 60_000), 'neutral');
  assert.equal(ageTone(48_000, 60_000), 'warning');
  assert.equal(ageTone(60_000, 60_000), 'danger');
  assert.equal(ageTone(null, 60_000), 'neutral');
});

const held = (extra: Partial<HeldPartition> = {}): HeldPartition => ({
  topic: 'orders',
  partition: 2,
  leader: 1,
  lastStableOffset: 40,
  highWatermark: 43,
  stuckForMs: 12_000,
  open: [
    { producerId: 4242, producerEpoch: 3, coordinatorEpoch: 7, firstOffset: 40, lastTimestamp: 0, transactionalId: null, hanging: true },
  ],
  ...extra,
});

test('a held-back partition: the gap in records; unknown offsets from a broker that did not say', () => {
  assert.equal(lsoGap(held()), 3);
  assert.equal(lsoGap(held({ lastStableOffset: -1 })), null);
  assert.equal(lsoGap(held({ highWatermark: -1 })), null);
});

test('an open producer belongs to the ongoing transaction of its transactional id, if any', () => {
  const rows = [txn('checkout', 'Ongoing'), txn('billing', 'CompleteAbort')];
  const p = held().open[0]!;
  assert.equal(owningTransaction(rows, p), null, 'a hanging producer has no transactional id');
  assert.equal(owningTransaction(rows, { ...p, transactionalId: 'checkout' })?.transactionalId, 'checkout');
  assert.equal(
    owningTransaction(rows, { ...p, transactionalId: 'billing' }),
    null,
    'only an ongoing transaction can be aborted by fencing',
  );
});

test('aborting a hanging transaction writes exactly its marker, the one kafka-transactions.sh abort would', () => {
  const p = held();
  const marker = hangingMarker(p, p.open[0]!);
  assert.deepEqual(marker, { topic: 'orders', partition: 2, producerId: 4242, producerEpoch: 3, coordinatorEpoch: 7 });
  assert.equal(
    hangingMarker(p, { ...p.open[0]!, coordinatorEpoch: -1 }).coordinatorEpoch,
    0,
    'no marker yet: epoch 0, as the broker writes it',
  );
  assert.equal(
    abortHangingCommand('127.0.0.1:9092', marker),
    'kafka-transactions.sh --bootstrap-server 127.0.0.1:9092 abort --topic orders --partition 2 --producer-id 4242 --producer-epoch 3 --coordinator-epoch 7',
  );
});
