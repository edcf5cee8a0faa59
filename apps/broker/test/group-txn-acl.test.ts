// TxnOffsetCommit with an authorizer (KafkaApis.handleTxnOffsetCommitRequest): WRITE on the
// transactional id first, then READ on the group (either refusal answers every partition), then
// READ on each topic, decided before whether the topic exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@tarn/protocol';
import { AclOperation, ResourceType } from '../src/security/authorizer';
import { READ, allow, login, setup } from './acl-group-helpers';
import { fetchTxn, txnCommit } from './group-txn-helpers';

test('TxnOffsetCommit needs WRITE on the transactional id, READ on the group and READ on each topic', async () => {
  const b = await setup();
  const alice = await login(b.port, 'alice', 'alice-secret');
  const request = { transactionalId: 'alice-txn', groupId: 'acl-txn-group', producerId: 5000 };
  const offsets = Object.fromEntries(['acl-t', 'acl-secret', 'acl-ghost', 'acl-nowhere'].map((t) => [t, [{ partition: 0, offset: 1 }]]));
  const every = (code: number) => Object.fromEntries(Object.keys(offsets).map((t) => [`${t}/0`, code]));

  assert.deepEqual(await txnCommit(alice, 3, request, offsets), every(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED));
  await allow(b, 'User:alice', ResourceType.TRANSACTIONAL_ID, 'alice-txn', AclOperation.WRITE);
  assert.deepEqual(await txnCommit(alice, 0, request, offsets), every(ErrorCode.GROUP_AUTHORIZATION_FAILED));
  await allow(b, 'User:alice', ResourceType.GROUP, 'acl-txn-group', READ);
  // alice may read acl-t and acl-ghost (which does not exist); acl-nowhere, neither allowed nor existing, is refused
  assert.deepEqual(await txnCommit(alice, 4, request, offsets), {
    'acl-t/0': ErrorCode.NONE,
    'acl-secret/0': ErrorCode.TOPIC_AUTHORIZATION_FAILED,
    'acl-ghost/0': ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    'acl-nowhere/0': ErrorCode.TOPIC_AUTHORIZATION_FAILED,
  });
  const admin = await login(b.port, 'admin', 'admin-secret');
  assert.deepEqual(await fetchTxn(admin, 7, 'acl-txn-group', { 'acl-t': [0] }), { 'acl-t/0': [-1, '', ErrorCode.UNSTABLE_OFFSET_COMMIT] });
  alice.close();
  admin.close();
});
