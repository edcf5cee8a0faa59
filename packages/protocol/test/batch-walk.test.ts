// Walking record batches by their headers: complete batches of a cut-short fetch response, and the
// records they hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRecordBatch, completeBatches, countRecords } from '../src/index';

test('completeBatches keeps whole batches and drops a batch cut short; countRecords reads the headers', () => {
  const a = buildRecordBatch([{ value: 'a1' }, { value: 'a2' }, { value: 'a3' }]);
  const b = buildRecordBatch([{ value: 'b1' }, { value: 'b2' }]);
  const both = Buffer.concat([a, b]);
  assert.equal(completeBatches(both).length, both.length);
  assert.equal(countRecords(both), 5);
  for (const cut of [a.length + 1, a.length + 12, both.length - 1]) {
    const partial = both.subarray(0, cut);
    assert.deepEqual(completeBatches(partial), a);
    assert.equal(countRecords(partial), 3);
  }
  assert.equal(completeBatches(a.subarray(0, 11)).length, 0);
  assert.equal(countRecords(Buffer.alloc(0)), 0);
});
