// TransactionMetadata's transitions (Kafka's TransactionMetadata): a fence bumps the epoch once,
// and a fence whose abort could not be written does not bump it again on the next try.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TransactionMetadata } from '../src/transaction/transaction-metadata';
import { TransactionState } from '../src/transaction/transaction-state';

const ongoing = () =>
  new TransactionMetadata('t', 7, -1, -1, 3, -1, 60_000, TransactionState.Ongoing, [{ topic: 'a', partition: 0 }], 1000, 1000);

test('an epoch fence bumps the epoch once; after a failed fence the retry keeps it', () => {
  const txn = ongoing();
  const fence = txn.prepareFenceProducerEpoch();
  assert.deepEqual(
    [fence.state, fence.producerEpoch, txn.pendingState],
    [TransactionState.PrepareEpochFence, 4, TransactionState.PrepareEpochFence],
  );
  // what endTransaction does for the fence: the abort is prepared under the bumped epoch, and its write fails
  txn.pendingState = null;
  txn.producerEpoch = fence.producerEpoch;
  txn.prepareAbortOrCommit(TransactionState.PrepareAbort, 2000);
  txn.abortPendingTransition();
  txn.hasFailedEpochFence = true;
  assert.equal(txn.prepareFenceProducerEpoch().producerEpoch, 4, 'no second bump');
  txn.abortPendingTransition();
  // once the abort is written, the flag clears with the transition to Complete
  const prepared = txn.prepareAbortOrCommit(TransactionState.PrepareAbort, 3000);
  txn.completeTransitionTo(prepared);
  txn.prepareComplete(4000);
  assert.equal(txn.hasFailedEpochFence, false);
});

test('transitions refuse what Kafka refuses: a second pending change, an invalid previous state', () => {
  const txn = ongoing();
  txn.prepareAbortOrCommit(TransactionState.PrepareCommit, 2000);
  assert.throws(() => txn.prepareAbortOrCommit(TransactionState.PrepareCommit, 2001), /pending state/);
  txn.abortPendingTransition();
  const empty = new TransactionMetadata('e', 1, -1, -1, 0, -1, 60_000, TransactionState.Empty, [], -1, 0);
  assert.throws(() => empty.prepareAbortOrCommit(TransactionState.PrepareCommit, 1), /not a valid previous state/);
  // InitProducerId on an ended transaction: a retry with the previous epoch gets the same epoch back (KIP-360)
  const r = empty.prepareIncrementProducerEpoch(30_000, 0, 5);
  assert.ok('transit' in r && r.transit.producerEpoch === 1 && r.transit.lastProducerEpoch === 0);
  empty.completeTransitionTo(r.transit);
  const retry = empty.prepareIncrementProducerEpoch(30_000, 0, 6);
  assert.ok('transit' in retry && retry.transit.producerEpoch === 1);
  empty.abortPendingTransition();
  assert.deepEqual(empty.prepareIncrementProducerEpoch(30_000, 5, 7), { error: 'PRODUCER_FENCED' });
});
