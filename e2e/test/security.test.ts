// Users and ACLs through the console against a broker with Kafka's security model: a SASL_PLAINTEXT
// listener (SCRAM-SHA-512), the StandardAuthorizer with User:admin as super user. In Chromium: create
// user carol, grant User:carol READ on topic orders and on her group with the binding previewed in
// Kafka's notation first; then kafkajs logged in as carol consumes orders and is refused producing to
// it; the topic's and group's "Who can do what" show carol's effective permissions; a revoke asks
// first and removes exactly one ACL. Then console users: the operator creates console user erin
// acting as User:erin and grants User:erin READ on orders; logged in as erin the console lists only
// orders, browses it, refuses producing to it with the broker's reason, has no console users and
// says why the cluster's ACLs and another topic are closed to her; she changes her own password.
// Last, a broker without an authorizer: the ACLs page explains SECURITY_DISABLED and how to turn
// ACLs on, and the console users warn that a mapped user may do everything there.
import assert from 'node:assert/strict';
import { Kafka, logLevel } from 'kafkajs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, loginCookie, watchPage } from '../src/stack';
import { startBroker, startConsole } from '../src/processes';
import { useStack } from '../src/use-stack';
import { until } from '../src/wait';

const { step } = useStack({
  // the launcher names its one listener PLAINTEXT; Kafka lets any listener name carry any protocol,
  // so this makes it the SASL_PLAINTEXT listener (the console talks to the admin API, not to Kafka)
  'listener.security.protocol.map': 'PLAINTEXT:SASL_PLAINTEXT',
  'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
  'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
  'super.users': 'User:admin',
  'scram.bootstrap.users': 'SCRAM-SHA-512=[name=admin,password=admin-secret]',
});

const CAROL_PASSWORD = 'carol-e2e-Secret-1';
const ERIN_PASSWORD = 'erin-e2e-Secret-1';
const ERIN_NEW_PASSWORD = 'erin-e2e-Secret-2';
const TOPIC = 'orders';
const GROUP = 'carol-readers';
const READ_ORDERS =
  '(pattern=ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL), entry=(principal=User:carol, host=*, operation=READ, permissionType=ALLOW))';

function client(bootstrap: string, username: string, password: string): Kafka {
  return new Kafka({
    clientId: `e2e-${username}`,
    brokers: [bootstrap],
    sasl: { mechanism: 'scram-sha-512', username, password },
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  });
}

step('log in: Users and ACLs are in the navigation; the bootstrap admin is a super user', async (s) => {
  const { page } = s;
  await s.login();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Users' }).click();
  await page.waitForURL('**/users');
  const admin = page.getByRole('row').filter({ hasText: 'admin' });
  await admin.getByText('SCRAM-SHA-512 · 4,096').waitFor();
  await admin.getByText('super user').waitFor();
  await page.getByText('(SASL_PLAINTEXT, SCRAM-SHA-512)').waitFor();
  await nav.getByRole('link', { name: 'ACLs' }).click();
  await page.waitForURL('**/acls');
  await page.getByText('No ACLs yet').waitFor();
});

step('create user carol (SCRAM-SHA-512) in the console; the password goes nowhere but the broker', async (s) => {
  const { page } = s;
  await page.goto('/users');
  await page.getByRole('button', { name: '+ Create user' }).click();
  await page.fill('#user-name', 'carol');
  await page.getByRole('radio', { name: 'SCRAM-SHA-512' }).check();
  await page.fill('#user-password', CAROL_PASSWORD);
  await page.fill('#user-confirm', 'not the same');
  await page.click('.t-dialog button[type=submit]');
  assert.equal(await page.locator('#user-confirm-error').textContent(), '⚠The two passwords differ.');
  await page.fill('#user-confirm', CAROL_PASSWORD);
  await s.shot('security-01-create-user');
  await page.click('.t-dialog button[type=submit]');
  await page.getByRole('row').filter({ hasText: 'carol' }).getByText('SCRAM-SHA-512 · 4,096').waitFor();
  const users = await s.api.users.list.query();
  assert.deepEqual(users.users.find((u) => u.user === 'carol')?.credentials, [{ mechanism: 'SCRAM-SHA-512', iterations: 4096 }]);
  const audit = await s.api.audit.list.query({});
  const created = audit.find((a) => a.action === 'user.create');
  assert.deepEqual([created?.target, created?.details], ['carol', { mechanism: 'SCRAM-SHA-512', iterations: 4096 }]);
  assert.doesNotMatch(JSON.stringify(audit), new RegExp(CAROL_PASSWORD));
  assert.doesNotMatch(s.broker.output() + s.console.output(), new RegExp(CAROL_PASSWORD), 'no process printed the password');
  await s.shot('security-02-users');
});

step('grant User:carol READ on topic orders and on her group, each previewed in Kafka notation first', async (s) => {
  const { page } = s;
  await s.api.topics.create.mutate({ name: TOPIC, partitions: 1 });
  const admin = client(s.broker.bootstrap, 'admin', 'admin-secret').producer();
  await admin.connect();
  await admin.send({
    topic: TOPIC,
    messages: [
      { key: 'o-1', value: 'first order' },
      { key: 'o-2', value: 'second order' },
    ],
  });
  await admin.disconnect();

  await page.goto('/acls');
  await page.getByRole('button', { name: '+ Grant access' }).click();
  await page.fill('#acl-principal', 'User:carol');
  await page.selectOption('#acl-resource-type', 'TOPIC');
  await page.selectOption('#acl-operation', 'READ');
  await page.fill('#acl-resource-name', TOPIC);
  const preview = page.getByLabel("The ACL in Kafka's notation");
  await until('the preview of the exact binding', async () => (await preview.textContent()) === READ_ORDERS);
  await page.getByText('Allow User:carol to Read the topic “orders” from any host.').waitFor();
  assert.equal((await s.api.acls.list.query()).total, 0, 'nothing is created by the preview');
  await s.shot('security-03-grant-preview');
  await page.getByRole('button', { name: 'Grant', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await page.getByRole('row').filter({ hasText: 'User:carol' }).filter({ hasText: 'orders' }).waitFor();

  // the group: the operation list follows the resource type (no WRITE for groups)
  await page.getByRole('button', { name: '+ Grant access' }).click();
  await page.fill('#acl-principal', 'User:carol');
  await page.selectOption('#acl-resource-type', 'GROUP');
  assert.deepEqual(await page.locator('#acl-operation option').allTextContents(), ['Read', 'Describe', 'Delete', 'All']);
  await page.fill('#acl-resource-name', GROUP);
  await until('the group preview', async () => (await preview.textContent())?.includes(`resourceType=GROUP, name=${GROUP}`) === true);
  await page.getByRole('button', { name: 'Grant', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  const acls = await s.api.acls.list.query({ principal: 'User:carol' });
  assert.deepEqual(
    acls.items.map((a) => a.notation).sort(),
    [READ_ORDERS, READ_ORDERS.replace('TOPIC, name=orders', `GROUP, name=${GROUP}`)].sort(),
  );
  await s.shot('security-04-acls');
});

step('kafkajs as carol consumes orders and may not produce to it', async (s) => {
  const carol = client(s.broker.bootstrap, 'carol', CAROL_PASSWORD);
  const consumer = carol.consumer({ groupId: GROUP });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    const seen: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
    await until('carol to read both orders', () => seen.length >= 2, 30_000);
    assert.deepEqual(seen.slice(0, 2), ['first order', 'second order']);
  } finally {
    await consumer.disconnect();
  }
  const producer = carol.producer();
  await producer.connect();
  try {
    await assert.rejects(producer.send({ topic: TOPIC, messages: [{ value: 'not allowed' }] }), /authoriz/i);
  } finally {
    await producer.disconnect();
  }
  // a wrong password is refused at login
  await assert.rejects(client(s.broker.bootstrap, 'carol', 'wrong').admin().connect(), /SASL|authentication/i);
});

step("the topic's and the group's Who can do what show carol's effective permissions", async (s) => {
  const { page } = s;
  await page.goto(`/topics/${TOPIC}`);
  await page.getByRole('tab', { name: 'Access' }).click();
  await page.getByRole('heading', { name: 'Who can do what' }).waitFor();
  const row = page.locator('[data-testid=access-matrix] tbody tr').filter({ has: page.locator('th', { hasText: 'User:carol' }) });
  const cell = (op: string) => row.locator('.t-perm').filter({ hasText: `${op}:` });
  await cell('Read').waitFor();
  assert.equal(await cell('Read').getAttribute('data-allowed'), 'true');
  assert.equal(await cell('Read').getAttribute('title'), `Allowed by ${READ_ORDERS}`);
  assert.equal(await cell('Describe').getAttribute('data-allowed'), 'true', 'READ implies DESCRIBE');
  assert.equal(await cell('Write').getAttribute('data-allowed'), 'false');
  const everyoneElse = page.locator('[data-testid=access-matrix] tbody tr').filter({ hasText: 'Everyone else' });
  assert.equal(await everyoneElse.locator('.t-perm[data-allowed=true]').count(), 0);
  await page.getByText('User:admin (super.users)').waitFor();
  assert.match(new URL(page.url()).search, /tab=access/);
  await s.shot('security-05-topic-access');

  await page.goto(`/groups/${GROUP}?tab=access`);
  await page.getByRole('heading', { name: 'Who can do what' }).waitFor();
  const groupRow = page.locator('[data-testid=access-matrix] tbody tr').filter({ has: page.locator('th', { hasText: 'User:carol' }) });
  assert.deepEqual(await groupRow.locator('.t-perm').evaluateAll((els) => els.map((e) => e.getAttribute('data-allowed'))), [
    'true',
    'true',
    'false',
  ]);
  await s.shot('security-06-group-access');
});

step('revoke asks first and removes exactly that ACL', async (s) => {
  const { page } = s;
  await page.goto(`/acls?principal=${encodeURIComponent('User:carol')}&type=GROUP`);
  const row = page.getByRole('row').filter({ hasText: GROUP });
  await row.getByRole('button', { name: /^Revoke/ }).click();
  await page.getByRole('heading', { name: 'Revoke this ACL?' }).waitFor();
  assert.equal(
    await page.getByRole('dialog').getByLabel("The ACL in Kafka's notation").textContent(),
    READ_ORDERS.replace('TOPIC, name=orders', `GROUP, name=${GROUP}`),
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke', exact: true }).click();
  await page.getByText('No ACL matches these filters').waitFor();
  const left = await s.api.acls.list.query();
  assert.deepEqual(
    left.items.map((a) => a.notation),
    [READ_ORDERS],
  );
  assert.deepEqual(s.problems, []);
});

step('the operator creates console user erin acting as User:erin, and grants User:erin READ on orders', async (s) => {
  const { page } = s;
  await s.api.topics.create.mutate({ name: 'payments', partitions: 1 });
  await page.goto('/users');
  await page.getByRole('tab', { name: 'Kafka users (SCRAM)' }).waitFor();
  await page.getByRole('tab', { name: 'Console users' }).click();
  await page.waitForURL('**/users?view=console');
  await page.getByRole('row').filter({ hasText: 'admin' }).getByText('Operator').waitFor();

  // the broker keeps one operator: mapping the only one away is refused, and the dialog says why
  await page.getByRole('button', { name: "Change admin's role" }).click();
  await page.getByRole('radio', { name: 'Acts as a Kafka principal' }).check();
  await page.fill('#console-mapping-principal', 'User:admin');
  await page.getByText('This is you: you stop being an operator at once').waitFor();
  await page.click('.t-dialog button[type=submit]');
  await page
    .getByRole('dialog')
    .getByRole('alert')
    .filter({ hasText: 'The role was not changed' })
    .getByText('The last operator cannot be mapped: nobody could manage users.')
    .waitFor();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });

  await page.getByRole('button', { name: '+ Create console user' }).click();
  await page.fill('#console-user-name', 'erin');
  assert.equal(await page.inputValue('#console-user-principal'), 'User:erin', 'the principal follows the name');
  await page.fill('#console-user-password', 'short');
  await page.fill('#console-user-confirm', 'short');
  await page.click('.t-dialog button[type=submit]');
  assert.equal(await page.locator('#console-user-password-error').textContent(), '⚠At least 8 characters.');
  await page.fill('#console-user-password', ERIN_PASSWORD);
  await page.fill('#console-user-confirm', ERIN_PASSWORD);
  // the SCRAM users' principals are offered
  const offered = page.locator('#console-user-principals option');
  await until('the SCRAM principals offered', async () => (await offered.count()) === 2);
  assert.deepEqual(await offered.evaluateAll((els) => els.map((e) => e.getAttribute('value'))), ['User:admin', 'User:carol']);
  await page.getByText("Acts as this Kafka principal: the broker's ACLs decide what this user sees and may do.").waitFor();
  await s.shot('security-08-create-console-user');
  await page.click('.t-dialog button[type=submit]');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  const erin = page.getByRole('row').filter({ hasText: 'erin' });
  await erin.getByText('User:erin').waitFor();
  const list = await s.api.consoleUsers.list.query();
  assert.deepEqual(
    list.users.map((u) => [u.username, u.kafkaPrincipal]),
    [
      ['admin', null],
      ['erin', 'User:erin'],
    ],
  );
  assert.equal(list.authorizerEnabled, true);
  assert.doesNotMatch(s.broker.output() + s.console.output(), new RegExp(ERIN_PASSWORD), 'no process printed the password');
  await s.shot('security-08-console-users');

  // Grant… opens the ACL form for User:erin
  await erin.getByRole('link', { name: 'Grant User:erin access' }).click();
  await page.getByRole('dialog').waitFor();
  assert.equal(await page.inputValue('#acl-principal'), 'User:erin');
  await page.selectOption('#acl-resource-type', 'TOPIC');
  await page.selectOption('#acl-operation', 'READ');
  await page.fill('#acl-resource-name', TOPIC);
  await page.getByText('Allow User:erin to Read the topic “orders” from any host.').waitFor();
  await page.getByRole('button', { name: 'Grant', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await page.getByRole('row').filter({ hasText: 'User:erin' }).filter({ hasText: 'orders' }).waitFor();
  assert.deepEqual(
    (await s.api.acls.list.query({ principal: 'User:erin' })).items.map((a) => a.notation),
    [READ_ORDERS.replace('User:carol', 'User:erin')],
  );
});

step('logged in as erin the console acts as User:erin: only orders is listed, and she may browse it', async (s) => {
  const { page } = s;
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL('**/login');
  await page.fill('#username', 'erin');
  await page.fill('#password', ERIN_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.pathname === '/');
  const who = page.getByRole('group', { name: 'Signed in' });
  await who.getByText('erin', { exact: true }).waitFor();
  await who.getByText('acting as User:erin').waitFor();
  assert.equal(await who.getByText('operator').count(), 0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click();
  await page.waitForURL('**/topics');
  await page.getByRole('link', { name: TOPIC, exact: true }).waitFor();
  await page.getByText('1 topic', { exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'payments' }).count(), 0, 'a topic User:erin may not describe is not listed');
  await s.shot('security-09-mapped-user-topics');

  await page.getByRole('link', { name: TOPIC, exact: true }).click();
  await page.getByRole('tab', { name: 'Messages' }).click();
  await page.getByText('first order').waitFor();
  await page.getByText('second order').waitFor();
  await s.shot('security-09-mapped-user-messages');
});

step('erin is refused producing to orders with the reason, and gets no console users', async (s) => {
  const { page } = s;
  await page.goto(`/topics/${TOPIC}?tab=produce`);
  await page.fill('#produce-value', 'from erin');
  await page.getByRole('button', { name: 'Produce', exact: true }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The broker refused the record' });
  await refusal.getByText("User:erin is not authorized to Write topic 'orders'.").waitFor();
  await refusal.getByText('TOPIC_AUTHORIZATION_FAILED').waitFor();
  await s.shot('security-10-mapped-user-refused');
  assert.equal((await s.api.topics.get.query({ name: TOPIC })).messages, 2, 'nothing was written');

  // the console users are for operators only: no tab, not even by URL; the SCRAM users need Describe on the cluster
  await page.goto('/users?view=console');
  await page.getByText('User:erin is not authorized to Describe the cluster.').waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Console users' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: '+ Create console user' }).count(), 0);
  await s.shot('security-11-mapped-user-users');

  await page.goto('/acls');
  const acls = page.getByRole('alert').filter({ hasText: 'Could not list the ACLs' });
  await acls.getByText('User:erin is not authorized to Describe the cluster.').waitFor();
  await acls.getByText('CLUSTER_AUTHORIZATION_FAILED').waitFor();
  await page.getByText("the broker's ACLs decide what you may see and do").waitFor();
  await s.shot('security-12-mapped-user-acls');

  await page.goto('/topics/payments');
  const topic = page.getByRole('alert').filter({ hasText: 'Could not load the topic' });
  await topic.getByText("User:erin is not authorized to Describe topic 'payments'.").waitFor();
  await topic.getByText('TOPIC_AUTHORIZATION_FAILED').waitFor();
  await s.shot('security-13-mapped-user-topic-refused');
  assert.deepEqual(s.problems, []);
});

step('erin changes her own password', async (s) => {
  const { page } = s;
  await page.getByRole('group', { name: 'Signed in' }).getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('heading', { name: 'Change my password' }).waitFor();
  await page.fill('#console-password-password', ERIN_NEW_PASSWORD);
  await page.fill('#console-password-confirm', ERIN_NEW_PASSWORD);
  await page.click('.t-dialog button[type=submit]');
  await page.getByText('Your password is changed').waitFor();
  await page.getByRole('dialog').getByRole('button', { name: 'Done', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  const login = (password: string) =>
    fetch(`${s.broker.adminUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'erin', password }),
    }).then((r) => r.status);
  assert.equal(await login(ERIN_NEW_PASSWORD), 200);
  assert.equal(await login(ERIN_PASSWORD), 401);
  assert.deepEqual(s.problems, []);
});

step(
  'without an authorizer the ACLs page explains SECURITY_DISABLED and how to enable it',
  async (s) => {
    const password = 'plain-e2e';
    const broker = await startBroker(password);
    const consoleProcess = await startConsole(broker.adminUrl).catch(async (err: unknown) => {
      await broker.stop();
      throw err;
    });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: consoleProcess.url });
      const cookie = (await loginCookie(broker.adminUrl, password)).split('=');
      await context.addCookies([{ name: cookie[0]!, value: cookie.slice(1).join('='), url: consoleProcess.url }]);
      const page = await context.newPage();
      const problems: string[] = [];
      watchPage(page, problems);
      await page.goto('/acls');
      await page.getByText('ACLs are off on this broker').waitFor();
      await page.getByText('SECURITY_DISABLED').waitFor();
      await page.getByText('No Authorizer is configured on the broker').waitFor();
      await page
        .getByLabel('Broker properties that enable ACLs')
        .getByText('authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer')
        .waitFor();
      await s.shot('security-07-acls-disabled', page);
      await page.goto('/users');
      await page.getByText('No listener of this broker uses SASL').waitFor();
      await page.getByRole('tab', { name: 'Console users' }).click();
      await page.getByText('The broker has no authorizer').waitFor();
      await s.shot('security-14-console-users-no-authorizer', page);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await consoleProcess.stop();
      await broker.stop();
    }
  },
  120_000,
);
