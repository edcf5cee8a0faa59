// Console users mapped to Kafka principals (admin/console-access.ts): through tRPC against a broker
// with an authorizer, a console user acting as User:alice sees and does exactly what ACLs for
// User:alice allow — topic and group lists filtered as Metadata and ListGroups filter them, Read to
// browse, Write to produce, Read on group and topics to reset offsets, Describe/Alter on the cluster
// for ACLs — and the mapping applies to open sessions at once. Only operators (unmapped console
// users) manage console users; the last operator stays; a deleted user's session ends; the audit log
// records every change and no password.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AdminRouter } from '../src/index';
import { startBroker } from './helpers';

async function login(adminPort: number, username: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${adminPort}/api/auth/login`, {
    method: 'POST',
    body: JSON.stringify({ username, password }),
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(res.status, 200, `${username} logs in`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return createTRPCClient<AdminRouter>({ links: [httpLink({ url: `http://127.0.0.1:${adminPort}/trpc`, headers: { cookie } })] });
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e as TRPCClientError<AdminRouter>,
  );

async function refusedWith(p: Promise<unknown>, kafkaError: string): Promise<string> {
  const err = await refusal(p);
  assert.equal(err.data?.code, 'FORBIDDEN', err.message);
  assert.equal(err.data?.kafka?.name, kafkaError, err.message);
  return err.message;
}

test('a console user mapped to User:alice is allowed exactly what the ACLs give User:alice', async () => {
  const { adminPort, logDir } = await startBroker({
    'admin.password': 'operator-pw',
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
  });
  const operator = await login(adminPort, 'admin', 'operator-pw');
  for (const name of ['orders', 'payments']) await operator.topics.create.mutate({ name, partitions: 1 });
  await operator.messages.produce.mutate({ topic: 'orders', value: 'first order' });
  // two groups with committed offsets, made by resets (no consumer needed)
  const scope = (topic: string) => ({ kind: 'topics' as const, topics: [topic] });
  await operator.groups.resetApply.mutate({ groupId: 'order-readers', scope: scope('orders'), strategy: { kind: 'earliest' } });
  await operator.groups.resetApply.mutate({ groupId: 'payment-readers', scope: scope('payments'), strategy: { kind: 'earliest' } });

  await operator.consoleUsers.create.mutate({ username: 'alice', password: 'alice-password', kafkaPrincipal: 'User:alice' });
  await operator.consoleUsers.create.mutate({ username: 'bob', password: 'bob-password', kafkaPrincipal: 'User:bob' });
  const grant = (resourceType: 'TOPIC' | 'GROUP', resourceName: string, operation: 'READ' | 'WRITE' | 'DESCRIBE', prefixed = false) =>
    operator.acls.create.mutate({
      resourceType,
      resourceName,
      patternType: prefixed ? 'PREFIXED' : 'LITERAL',
      principal: 'User:alice',
      host: '*',
      operation,
      permission: 'ALLOW',
    });
  await grant('TOPIC', 'ord', 'READ', true); // Read implies Describe
  await grant('GROUP', 'order-readers', 'READ');

  const alice = await login(adminPort, 'alice', 'alice-password');
  assert.deepEqual(await alice.me.query(), { user: 'alice', via: 'session', kafkaPrincipal: 'User:alice', operator: false });

  // topics: only what User:alice may describe, as Metadata shows it
  assert.deepEqual(
    (await alice.topics.list.query({})).items.map((t) => t.name),
    ['orders'],
  );
  assert.equal((await alice.topics.get.query({ name: 'orders' })).name, 'orders');
  assert.match(
    await refusedWith(alice.topics.get.query({ name: 'payments' }), 'TOPIC_AUTHORIZATION_FAILED'),
    /User:alice is not authorized to Describe topic 'payments'/,
  );
  // Read lets her browse; producing needs Write
  const browsed = await alice.messages.browse.query({ topic: 'orders', seek: { type: 'offset', offset: 0 } });
  assert.equal(browsed.messages.length, 1);
  await refusedWith(alice.messages.browse.query({ topic: 'payments', seek: { type: 'offset', offset: 0 } }), 'TOPIC_AUTHORIZATION_FAILED');
  await refusedWith(alice.messages.produce.mutate({ topic: 'orders', value: 'from alice' }), 'TOPIC_AUTHORIZATION_FAILED');
  await grant('TOPIC', 'orders', 'WRITE');
  const produced = await alice.messages.produce.mutate({ topic: 'orders', value: 'from alice' });
  assert.equal(produced.offset, 1, 'an ACL granted meanwhile applies to the open session');
  // topic changes: Create, Delete, AlterConfigs
  await refusedWith(alice.topics.create.mutate({ name: 'ord-new', partitions: 1 }), 'TOPIC_AUTHORIZATION_FAILED');
  await refusedWith(alice.topics.delete.mutate({ name: 'orders' }), 'TOPIC_AUTHORIZATION_FAILED');
  await refusedWith(alice.topics.updateConfigs.mutate({ name: 'orders', set: { 'retention.ms': '1000' } }), 'TOPIC_AUTHORIZATION_FAILED');

  // groups: listed when describable; resetting needs Read on the group and on its topics
  assert.deepEqual(
    (await alice.groups.list.query()).items.map((g) => g.groupId),
    ['order-readers'],
  );
  assert.equal((await alice.groups.summary.query()).total, 1);
  await refusedWith(alice.groups.get.query({ groupId: 'payment-readers' }), 'GROUP_AUTHORIZATION_FAILED');
  const reset = await alice.groups.resetApply.mutate({ groupId: 'order-readers', scope: scope('orders'), strategy: { kind: 'latest' } });
  assert.equal(reset.partitions[0]!.targetOffset, 2);
  await refusedWith(
    alice.groups.resetApply.mutate({ groupId: 'order-readers', scope: scope('payments'), strategy: { kind: 'latest' } }),
    'TOPIC_AUTHORIZATION_FAILED',
  );

  // the cluster's ACLs and users: Describe / Alter on the cluster, which she lacks; console users: operators only
  await refusedWith(alice.acls.list.query({}), 'CLUSTER_AUTHORIZATION_FAILED');
  await refusedWith(alice.users.list.query(), 'CLUSTER_AUTHORIZATION_FAILED');
  await refusedWith(alice.audit.list.query({}), 'CLUSTER_AUTHORIZATION_FAILED');
  const notOperator = await refusal(alice.consoleUsers.list.query());
  assert.equal(notOperator.data?.code, 'FORBIDDEN');
  await refusal(alice.consoleUsers.setKafkaPrincipal.mutate({ username: 'alice', kafkaPrincipal: null }));
  // but her own password is hers to change
  await alice.consoleUsers.setPassword.mutate({ username: 'alice', password: 'alice-new-password' });
  await refusal(alice.consoleUsers.setPassword.mutate({ username: 'bob', password: 'not-bobs-choice' }));

  // bob has no ACLs: an empty console, every change refused
  const bob = await login(adminPort, 'bob', 'bob-password');
  assert.equal((await bob.topics.list.query({})).total, 0);
  assert.equal((await bob.groups.list.query()).total, 0);
  await refusedWith(bob.messages.produce.mutate({ topic: 'orders', value: 'x' }), 'TOPIC_AUTHORIZATION_FAILED');

  // unmapping makes alice an operator at once; deleting bob ends his session
  await operator.consoleUsers.setKafkaPrincipal.mutate({ username: 'alice', kafkaPrincipal: null });
  assert.deepEqual(
    (await alice.topics.list.query({})).items.map((t) => t.name),
    ['orders', 'payments'],
  );
  await operator.consoleUsers.delete.mutate({ username: 'bob' });
  assert.equal((await refusal(bob.topics.list.query({}))).data?.code, 'UNAUTHORIZED');

  // console users as the operator sees them; the last operator cannot be removed or mapped away
  await operator.consoleUsers.setKafkaPrincipal.mutate({ username: 'alice', kafkaPrincipal: 'User:alice' });
  assert.deepEqual(
    (await operator.consoleUsers.list.query()).users.map((u) => [u.username, u.kafkaPrincipal]),
    [
      ['admin', null],
      ['alice', 'User:alice'],
    ],
  );
  assert.equal((await refusal(operator.consoleUsers.delete.mutate({ username: 'admin' }))).data?.code, 'PRECONDITION_FAILED');
  const mapAway = operator.consoleUsers.setKafkaPrincipal.mutate({ username: 'admin', kafkaPrincipal: 'User:admin' });
  assert.equal((await refusal(mapAway)).data?.code, 'PRECONDITION_FAILED');
  const badPrincipal = await refusal(
    operator.consoleUsers.create.mutate({ username: 'eve', password: 'eve-password', kafkaPrincipal: 'eve' }),
  );
  assert.match(badPrincipal.message, /Type:name/);
  assert.equal(
    (await refusal(operator.consoleUsers.create.mutate({ username: 'alice', password: 'x'.repeat(8), kafkaPrincipal: null }))).data?.code,
    'CONFLICT',
  );

  // every change is in the audit log, with who did it and no password
  const audit = readFileSync(join(logDir, 'tarn-audit.log'), 'utf8');
  for (const action of ['console-user.create', 'console-user.delete', 'console-user.map-principal', 'console-user.set-password'])
    assert.match(audit, new RegExp(`"action":"${action}"`));
  assert.match(audit, /"user":"alice","action":"message.produce"/);
  assert.doesNotMatch(audit, /alice-password|alice-new-password|bob-password|not-bobs-choice/);
  assert.doesNotMatch(readFileSync(join(logDir, 'tarn-users.json'), 'utf8'), /alice-password|bob-password/);
});

test('without an authorizer a mapped console user may do everything, as any Kafka principal may', async () => {
  const { adminPort } = await startBroker({ 'admin.password': 'operator-pw' });
  const operator = await login(adminPort, 'admin', 'operator-pw');
  await operator.consoleUsers.create.mutate({ username: 'carol', password: 'carol-password', kafkaPrincipal: 'User:carol' });
  const carol = await login(adminPort, 'carol', 'carol-password');
  await carol.topics.create.mutate({ name: 'open', partitions: 1 });
  assert.equal((await carol.messages.produce.mutate({ topic: 'open', value: 'v' })).offset, 0);
  assert.deepEqual(
    (await carol.topics.list.query({})).items.map((t) => t.name),
    ['open'],
  );
  // managing console users stays with operators
  assert.equal((await refusal(carol.consoleUsers.list.query())).data?.code, 'FORBIDDEN');
});
