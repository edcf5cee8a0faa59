// The admin API's users and acls routers: input checks and the grant form's refusals (pure), then
// through tRPC against a broker with an authorizer — SCRAM users created, re-passworded and deleted
// (a SASL login sees each change; no password in the audit log or the answers),
// ACLs listed with filters, previewed in Kafka's notation, granted, revoked one at a time, and the
// effective permissions on a topic; without an authorizer, SECURITY_DISABLED.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import kafkajs from 'kafkajs';
import type { AdminRouter } from '../src/index';
import { aclGrantProblem, aclGrantWarnings, aclBindingInput, bindingFromInput, grantableOperations } from '../src/admin/views/acl-view';
import { passwordInput } from '../src/admin/routers/users-router';
import { startBroker } from './helpers';

const { Kafka, logLevel } = kafkajs;

test('password input: iterations within 4096–16384, a non-empty password, and no password in any complaint', () => {
  const secret = 'hunter2-very-secret';
  assert.equal(passwordInput.safeParse({ user: 'carol', mechanism: 'SCRAM-SHA-512', password: secret }).data?.iterations, 4096);
  for (const bad of [
    { user: 'carol', mechanism: 'SCRAM-SHA-512', password: secret, iterations: 4095 },
    { user: 'carol', mechanism: 'SCRAM-SHA-512', password: secret, iterations: 16385 },
    { user: 'carol', mechanism: 'SCRAM-SHA-1', password: secret },
    { user: '', mechanism: 'SCRAM-SHA-256', password: secret },
    { user: 'carol', mechanism: 'SCRAM-SHA-256', password: '' },
    { user: 'carol', mechanism: 'SCRAM-SHA-256', password: secret.repeat(100) },
  ]) {
    const r = passwordInput.safeParse(bad);
    assert.equal(r.success, false, JSON.stringify({ ...bad, password: '…' }));
    assert.doesNotMatch(JSON.stringify(r.error!.issues), /hunter2/, 'a complaint never repeats the password');
  }
});

test("grant checks: Kafka's refusals and kafka-acls' operation check, each naming its field", () => {
  const binding = (over: Record<string, unknown>) =>
    bindingFromInput(
      aclBindingInput.parse({ resourceType: 'TOPIC', resourceName: 'orders', principal: 'User:carol', operation: 'READ', ...over }),
    );
  assert.equal(aclGrantProblem(binding({})), null);
  assert.deepEqual(aclGrantProblem(binding({ principal: 'carol' })), {
    field: 'principal',
    message: 'Could not parse principal from `carol` (no colon is present separating the principal type from the principal name)',
  });
  assert.deepEqual(aclGrantProblem(binding({ resourceType: 'CLUSTER', resourceName: 'c1', operation: 'ALTER' })), {
    field: 'resourceName',
    message: 'The only valid name for the CLUSTER resource is kafka-cluster',
  });
  assert.equal(aclGrantProblem(binding({ resourceType: 'GROUP', operation: 'WRITE' }))?.field, 'operation');
  assert.match(
    aclGrantProblem(binding({ resourceType: 'GROUP', operation: 'WRITE' }))!.message,
    /WRITE does not apply to GROUP resources \(they support READ, DESCRIBE, DELETE, ALL\)/,
  );
  assert.equal(aclGrantProblem(binding({ resourceType: 'GROUP', operation: 'ALL' })), null);
  assert.deepEqual(grantableOperations('GROUP'), ['READ', 'DESCRIBE', 'DELETE', 'ALL']);
  assert.equal(
    aclBindingInput.safeParse({ resourceType: 'ANY', resourceName: 'x', principal: 'User:a', operation: 'READ' }).success,
    false,
    'ANY is a filter value, never a binding',
  );
  assert.equal(
    aclBindingInput.safeParse({ resourceType: 'TOPIC', resourceName: 'x', principal: 'User:a', operation: 'ANY' }).success,
    false,
  );
  assert.equal(
    aclBindingInput.safeParse({ resourceType: 'TOPIC', resourceName: 'x', patternType: 'MATCH', principal: 'User:a', operation: 'READ' })
      .success,
    false,
  );
  assert.match(aclGrantWarnings(binding({ host: 'db.example.com' }))[0]!, /not an IP address/);
  assert.deepEqual(aclGrantWarnings(binding({ host: '10.0.0.5' })), []);
  assert.match(aclGrantWarnings(binding({ principal: 'Group:ops' }))[0]!, /not User/);
});

async function adminClient(adminPort: number, password: string) {
  const res = await fetch(`http://127.0.0.1:${adminPort}/api/auth/login`, {
    method: 'POST',
    body: JSON.stringify({ username: 'admin', password }),
    headers: { 'content-type': 'application/json' },
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return createTRPCClient<AdminRouter>({ links: [httpLink({ url: `http://127.0.0.1:${adminPort}/trpc`, headers: { cookie } })] });
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e as TRPCClientError<AdminRouter>,
  );

test('users and ACLs through tRPC: SCRAM logins follow the changes, grants decide, nothing leaks the password', async () => {
  const { adminPort, port, logDir } = await startBroker({
    'admin.password': 'pw',
    listeners: 'SASL_PLAINTEXT://127.0.0.1:0',
    'sasl.enabled.mechanisms': 'SCRAM-SHA-256,SCRAM-SHA-512',
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': 'User:admin',
    'scram.bootstrap.users': 'SCRAM-SHA-512=[name=admin,password=admin-secret]',
  });
  const api = await adminClient(adminPort, 'pw');
  const login = (user: string, password: string) =>
    new Kafka({
      brokers: [`127.0.0.1:${port}`],
      clientId: 'admin-security',
      sasl: { mechanism: 'scram-sha-512', username: user, password },
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    });

  const listed = await api.users.list.query();
  assert.deepEqual(
    listed.users.map((u) => [u.user, u.credentials, u.superUser]),
    [['admin', [{ mechanism: 'SCRAM-SHA-512', iterations: 4096 }], true]],
  );
  assert.deepEqual(
    listed.listeners.map((l) => [l.protocol, l.mechanisms]),
    [['SASL_PLAINTEXT', ['SCRAM-SHA-256', 'SCRAM-SHA-512']]],
  );

  const created = await api.users.create.mutate({
    user: 'carol',
    mechanism: 'SCRAM-SHA-512',
    password: 'carol-first-pass',
    iterations: 8192,
  });
  assert.deepEqual(created, { user: 'carol', mechanism: 'SCRAM-SHA-512', iterations: 8192 });
  const again = await failure(api.users.create.mutate({ user: 'carol', mechanism: 'SCRAM-SHA-512', password: 'x' }));
  assert.equal(again.data?.code, 'CONFLICT');
  const low = await failure(api.users.create.mutate({ user: 'dave', mechanism: 'SCRAM-SHA-256', password: 'x', iterations: 1000 }));
  assert.equal(low.data?.code, 'BAD_REQUEST');
  assert.deepEqual(
    low.data?.issues?.map((i) => i.path),
    [['iterations']],
  );

  const carol = login('carol', 'carol-first-pass').admin();
  await carol.connect();
  await carol.disconnect();

  await api.users.changePassword.mutate({ user: 'carol', mechanism: 'SCRAM-SHA-512', password: 'carol-second-pass' });
  await assert.rejects(login('carol', 'carol-first-pass').admin().connect(), /SASL|authentication/i, 'the old password no longer works');
  const carol2 = login('carol', 'carol-second-pass').admin();
  await carol2.connect();
  await carol2.disconnect();
  const missing = await failure(api.users.changePassword.mutate({ user: 'nobody', mechanism: 'SCRAM-SHA-512', password: 'x' }));
  assert.equal(missing.data?.kafka?.name, 'RESOURCE_NOT_FOUND');
  assert.equal(
    (await api.users.list.query()).users.find((u) => u.user === 'carol')?.credentials[0]?.iterations,
    4096,
    'iterations are the new ones',
  );

  // ACLs: preview, grant, list with filters, effective permissions, revoke exactly one
  await api.topics.create.mutate({ name: 'orders', partitions: 1 });
  const read = {
    resourceType: 'TOPIC',
    resourceName: 'orders',
    patternType: 'LITERAL',
    principal: 'User:carol',
    host: '*',
    operation: 'READ',
    permission: 'ALLOW',
  } as const;
  const preview = await api.acls.preview.query(read);
  assert.equal(
    preview.notation,
    '(pattern=ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL), entry=(principal=User:carol, host=*, operation=READ, permissionType=ALLOW))',
  );
  assert.equal(preview.problem, null);
  assert.equal(preview.exists, false);
  const bad = await api.acls.preview.query({ ...read, resourceType: 'GROUP', operation: 'WRITE' });
  assert.equal(bad.problem?.field, 'operation');
  const refused = await failure(api.acls.create.mutate({ ...read, resourceType: 'GROUP', operation: 'WRITE' }));
  assert.equal(refused.data?.kafka?.name, 'INVALID_REQUEST');

  const grant = await api.acls.create.mutate(read);
  assert.equal(grant.created, true);
  assert.equal((await api.acls.create.mutate(read)).created, false, 'granting twice changes nothing');
  await api.acls.create.mutate({ ...read, resourceType: 'GROUP', resourceName: 'carol-', patternType: 'PREFIXED' });
  await api.acls.create.mutate({ ...read, principal: 'User:dave', operation: 'WRITE', permission: 'DENY' });
  assert.equal((await api.acls.list.query()).total, 3);
  assert.deepEqual(
    (await api.acls.list.query({ principal: 'User:carol' })).items.map((r) => `${r.resourceType}:${r.patternType}:${r.resourceName}`),
    ['TOPIC:LITERAL:orders', 'GROUP:PREFIXED:carol-'],
  );
  assert.equal(
    (await api.acls.list.query({ resourceType: 'GROUP', resourceName: 'carol-readers', patternType: 'MATCH' })).total,
    1,
    'MATCH finds the prefix that applies',
  );
  assert.equal((await api.acls.list.query({ permission: 'DENY' })).items[0]?.principal, 'User:dave');
  assert.equal((await api.acls.preview.query(read)).exists, true);

  const access = await api.acls.effective.query({ resourceType: 'TOPIC', name: 'orders' });
  assert.equal(access.enabled, true);
  assert.deepEqual(access.superUsers, ['User:admin']);
  const carolRow = access.principals.find((p) => p.principal === 'User:carol' && p.host === '*')!;
  const op = (name: string) => carolRow.operations.find((o) => o.operation === name)!;
  assert.equal(op('READ').allowed, true);
  assert.equal(op('READ').rule, 'acl');
  assert.equal(op('READ').aclId, grant.id);
  assert.equal(op('DESCRIBE').allowed, true, 'READ implies DESCRIBE');
  assert.equal(op('WRITE').allowed, false);
  assert.equal(op('WRITE').ruleText, 'DefaultDeny');
  assert.equal(
    access.everyoneElse.every((o) => !o.allowed),
    true,
    'with ACLs on the topic, nobody else may do anything',
  );
  const untouched = await api.acls.effective.query({ resourceType: 'TOPIC', name: 'nothing-here' });
  assert.deepEqual(
    [untouched.principals.length, untouched.everyoneElse.some((o) => o.allowed)],
    [0, false],
    'allow.everyone.if.no.acl.found is false',
  );

  // carol consumes orders and may not produce to it
  const producer = login('carol', 'carol-second-pass').producer();
  await producer.connect();
  await assert.rejects(producer.send({ topic: 'orders', messages: [{ value: 'x' }] }), /authoriz/i);
  await producer.disconnect();

  await api.acls.delete.mutate({ ...read, principal: 'User:dave', operation: 'WRITE', permission: 'DENY' });
  const gone = await failure(api.acls.delete.mutate({ ...read, principal: 'User:dave', operation: 'WRITE', permission: 'DENY' }));
  assert.equal(gone.data?.kafka?.name, 'RESOURCE_NOT_FOUND');
  assert.equal((await api.acls.list.query()).total, 2, 'only that binding went');

  await api.users.delete.mutate({ user: 'carol' });
  assert.deepEqual(
    (await api.users.list.query()).users.map((u) => u.user),
    ['admin'],
  );
  assert.equal((await failure(api.users.delete.mutate({ user: 'carol' }))).data?.kafka?.name, 'RESOURCE_NOT_FOUND');

  // the audit log has every change with the user and mechanism, and no password anywhere
  const audit = readFileSync(join(logDir, 'tarn-audit.log'), 'utf8');
  const actions = audit
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { action: string; target: string; details?: unknown; result: string });
  const userChanges = actions.filter((a) => a.action.startsWith('user.'));
  assert.deepEqual(
    userChanges.map((a) => [a.action, a.target, a.result]),
    [
      ['user.create', 'carol', 'ok'],
      ['user.create', 'carol', 'error'],
      ['user.change-password', 'carol', 'ok'],
      ['user.change-password', 'nobody', 'error'],
      ['user.delete', 'carol', 'ok'],
      ['user.delete', 'carol', 'error'],
    ],
  );
  assert.deepEqual(userChanges[0]!.details, { mechanism: 'SCRAM-SHA-512', iterations: 8192 });
  assert.ok(actions.some((a) => a.action === 'acl.create' && a.target.includes('principal=User:carol')));
  assert.doesNotMatch(audit, /carol-first-pass|carol-second-pass/);
  assert.doesNotMatch(JSON.stringify(await api.audit.list.query({})), /carol-first-pass|carol-second-pass/);
});

test('without an authorizer the ACL calls answer SECURITY_DISABLED and everyone may do everything', async () => {
  const { adminPort } = await startBroker({ 'admin.password': 'pw' });
  const api = await adminClient(adminPort, 'pw');
  const err = await failure(api.acls.list.query());
  assert.equal(err.data?.kafka?.name, 'SECURITY_DISABLED');
  assert.equal(err.message, 'No Authorizer is configured on the broker');
  assert.equal(
    (await failure(api.acls.create.mutate({ resourceType: 'TOPIC', resourceName: 'x', principal: 'User:a', operation: 'READ' }))).data
      ?.kafka?.name,
    'SECURITY_DISABLED',
  );
  const access = await api.acls.effective.query({ resourceType: 'GROUP', name: 'g' });
  assert.equal(access.enabled, false);
  assert.deepEqual(access.operations, ['READ', 'DESCRIBE', 'DELETE']);
  assert.equal(
    access.everyoneElse.every((o) => o.allowed),
    true,
  );
  assert.equal((await api.acls.options.query()).enabled, false);
});
