// The console against a real broker, in Chromium: logging in, topics created through the UI, the live
// tail and segment rolls following kafkajs traffic, and bad input refused next to the field with
// nothing half-applied (checked through the admin API).
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { useStack } from '../src/use-stack';
import { watchPage } from '../src/stack';
import { until } from '../src/wait';

const { step } = useStack();
const TOPIC = 'e2e-orders';

/** The HTTP status a WebSocket upgrade is answered with (101 when it is accepted). */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', reject);
  });
}

step('unauthenticated requests are refused, through the console proxy and on the broker', async (s) => {
  for (const base of [s.console.url, s.broker.adminUrl]) {
    const query = await fetch(`${base}/trpc/cluster.overview`);
    assert.equal(query.status, 401, `${base}/trpc query`);
    const body = (await query.json()) as { error: { data: { code: string } } };
    assert.equal(body.error.data.code, 'UNAUTHORIZED');
    const mutation = await fetch(`${base}/trpc/topics.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'sneaky', partitions: 1 }),
    });
    assert.equal(mutation.status, 401, `${base}/trpc mutation`);
    assert.equal(await upgradeStatus(`${base.replace('http', 'ws')}/trpc`), 401, `${base} WebSocket`);
    assert.equal(
      await upgradeStatus(`${base.replace('http', 'ws')}/trpc`, { cookie: 'tarn_session=forged' }),
      401,
      `${base} WebSocket with a forged session`,
    );
  }
  assert.equal((await fetch(`${s.broker.adminUrl}/metrics`)).status, 401, '/metrics');
  assert.equal(
    (await s.api.topics.list.query({})).items.some((t) => t.name === 'sneaky'),
    false,
    'nothing was created',
  );
  // a page without a session goes to the login form, keeping where it was going
  const anonymous = await s.browser.newContext({ baseURL: s.console.url });
  const page = await anonymous.newPage();
  await page.goto('/groups?page=2');
  await page.waitForURL(/\/login\?next=/);
  assert.equal(new URL(page.url()).searchParams.get('next'), '/groups?page=2');
  await anonymous.close();
});

step('log in: a wrong password is explained next to the field, the right one opens the console', async (s) => {
  const { page } = s;
  await page.goto('/');
  await page.waitForURL(/\/login/);
  await page.fill('#password', 'not-the-password');
  await page.click('button[type=submit]');
  const error = await page.locator('#password-error').textContent();
  assert.match(error ?? '', /wrong|invalid|password/i);
  await s.shot('01-login-wrong-password');
  await page.fill('#password', s.password);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  assert.equal(
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Consumer groups' }).count(),
    1,
    'the groups entry is a link',
  );
});

step('create a topic through the UI', async (s) => {
  const { page } = s;
  await page.goto('/topics');
  await page.getByText('No topics yet').waitFor();
  await s.shot('03-topics-empty');
  await page.getByRole('button', { name: '+ Create topic' }).click();
  await page.fill('#topic-name', TOPIC);
  await page.fill('#topic-partitions', '3');
  await page.getByRole('button', { name: '+ Add config' }).click();
  await page.fill('[aria-label="Config 1 name"]', 'segment.bytes');
  await page.fill('[aria-label="Config 1 value"]', '2048');
  await page.locator('.t-dialog .t-hint', { hasText: 'segment file size' }).waitFor(); // the broker's definition, as a hint
  await s.shot('04-create-topic-dialog');
  await page.click('.t-dialog button[type=submit]');
  await page.waitForURL(`**/topics/${TOPIC}`);
  await page.getByRole('tab', { name: 'Partitions' }).waitFor();
  const t = await s.api.topics.get.query({ name: TOPIC });
  assert.equal(t.partitions.length, 3);
  assert.equal(t.configs.find((c) => c.name === 'segment.bytes')?.value, '2048');
  assert.equal(t.configs.find((c) => c.name === 'segment.bytes')?.source, 'TOPIC_CONFIG');
});

step('the live tail shows records produced with kafkajs within a second', async (s) => {
  const { page } = s;
  await page.goto(`/topics/${TOPIC}?tab=tail`);
  await page
    .getByRole('status')
    .filter({ hasText: /^Live$/ })
    .waitFor();
  await page.getByText('Waiting for new records…').waitFor();
  const producer = s.kafka.producer();
  await producer.connect();
  try {
    const latencies: number[] = [];
    for (let round = 0; round < 3; round++) {
      const values = Array.from({ length: 5 }, (_, i) => `tail-${round}-${i}-${Date.now()}`);
      await producer.send({ topic: TOPIC, messages: values.map((value, i) => ({ key: `customer-${i}`, value })) });
      const acked = Date.now();
      await page.waitForFunction((vs) => vs.every((v) => document.querySelector('[role=log]')?.textContent?.includes(v) === true), values, {
        timeout: 1000,
      });
      latencies.push(Date.now() - acked);
    }
    console.log(`# live tail: records visible ${latencies.join(' / ')} ms after the producer's ack`);
  } finally {
    await producer.disconnect();
  }
  await s.shot('07-topic-tail');
});

step('producing past segment.bytes rolls a segment, and the Segments tab shows it live', async (s) => {
  const { page } = s;
  await page.goto(`/topics/${TOPIC}?tab=segments&partition=0`);
  await page
    .getByRole('img', { name: /Segments of/ })
    .or(page.locator('.t-seg').first())
    .first()
    .waitFor();
  const before = await page.locator('.t-seg').count();
  const producer = s.kafka.producer();
  await producer.connect();
  try {
    // one record per batch, ~300 bytes each: well past 2048 bytes
    for (let i = 0; i < 12; i++) await producer.send({ topic: TOPIC, messages: [{ partition: 0, value: `roll-${i}-${'x'.repeat(260)}` }] });
  } finally {
    await producer.disconnect();
  }
  await page
    .getByText(/Rolled: new segment/)
    .first()
    .waitFor({ timeout: 10_000 });
  await until('a new segment in the strip', async () => ((await page.locator('.t-seg').count()) > before ? true : undefined), 10_000);
  const segments = await s.api.topics.segments.query({ topic: TOPIC, partition: 0 });
  assert.ok(segments.segments.length > 1, 'the broker rolled the segment');
  // several rolls may happen in a row; the strip catches up with each live event
  await until(
    'the strip shows every segment',
    async () => ((await page.locator('.t-seg').count()) === segments.segments.length ? true : undefined),
    10_000,
  );
  await s.shot('06-topic-segments');
});

step('bad input: invalid topic names are refused next to the name, and nothing is created', async (s) => {
  const { page } = s;
  await page.goto('/topics');
  await page.getByRole('button', { name: '+ Create topic' }).click();
  const cases: Array<[string, RegExp]> = [
    ['bad topic!', /not a valid topic name|illegal|invalid/i],
    ['..', /not a valid topic name|illegal|invalid|cannot be/i],
    ['x'.repeat(250), /at most 249/],
    [TOPIC, /already exists/i],
  ];
  for (const [name, message] of cases) {
    await page.fill('#topic-name', name);
    await page.click('.t-dialog button[type=submit]');
    const error = page.locator('#topic-name-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', message, `the message for '${name.slice(0, 20)}'`);
    assert.equal(await page.locator('#topic-name').getAttribute('aria-invalid'), 'true');
    if (name === 'bad topic!') await s.shot('05-create-topic-invalid-name');
  }
  const topics = await s.api.topics.list.query({ includeInternal: true });
  assert.deepEqual(
    topics.items.map((t) => t.name).filter((n) => n !== '__consumer_offsets'),
    [TOPIC],
    'no topic was created',
  );
  await page.keyboard.press('Escape');
});

step('bad input: configs out of range are refused next to the config, and nothing is applied', async (s) => {
  const { page } = s;
  await page.goto('/topics');
  await page.getByRole('button', { name: '+ Create topic' }).click();
  await page.fill('#topic-name', 'e2e-configs');
  const rows: Array<[string, string, RegExp]> = [
    ['segment.bytes', '5', /segment\.bytes must be at least 14; 5 is out of range/],
    ['retention.ms', 'forever', /retention\.ms must be a whole number/],
    ['min.cleanable.dirty.ratio', '1.5', /between 0 and 1/],
    ['cleanup.policy', 'shred', /delete, compact/],
    ['retention.bytes', '1048576', /^$/],
  ];
  for (const [i, [name, value]] of rows.entries()) {
    await page.getByRole('button', { name: '+ Add config' }).click();
    await page.fill(`[aria-label="Config ${i + 1} name"]`, name);
    await page.fill(`[aria-label="Config ${i + 1} value"]`, value);
  }
  await page.click('.t-dialog button[type=submit]');
  for (const [i, [, , message]] of rows.entries()) {
    const field = page.locator(`[aria-label="Config ${i + 1} value"]`);
    const describedBy = await field.getAttribute('aria-describedby');
    const text = describedBy === null ? '' : ((await page.locator(`#${describedBy}`).textContent()) ?? '');
    assert.match(text, message, `config row ${i + 1}`);
  }
  await s.shot('05-create-topic-bad-configs');
  await page.keyboard.press('Escape');
  await assert.rejects(
    s.api.topics.get.query({ name: 'e2e-configs' }),
    /does not exist/,
    'the topic was not created with some of its configs',
  );

  // the Config tab: an out-of-range value is explained next to it and the config keeps its value
  await page.goto(`/topics/${TOPIC}?tab=config`);
  await page.getByRole('button', { name: 'Edit min.insync.replicas' }).click();
  await page.fill('[aria-label="Value of min.insync.replicas"]', '0');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#cfg-min\\.insync\\.replicas-error').waitFor();
  assert.match((await page.locator('#cfg-min\\.insync\\.replicas-error').textContent()) ?? '', /at least 1/);
  await s.shot('10-topic-config-out-of-range');
  const t = await s.api.topics.get.query({ name: TOPIC });
  assert.equal(t.configs.find((c) => c.name === 'min.insync.replicas')?.value, '1');
  assert.equal(t.configs.find((c) => c.name === 'min.insync.replicas')?.source, 'DEFAULT_CONFIG');
});

step('bad input: an offset beyond the log end is explained next to the offset', async (s) => {
  const { page } = s;
  await page.goto(`/topics/${TOPIC}?tab=messages&partition=0&seek=offset&offset=99999999`);
  const error = page.locator('#seek-offset-error');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', /out of range|beyond|high watermark|offset/i);
  await s.shot('08-topic-messages-beyond-end');
  // a number that is not one
  await page.fill('#seek-offset', '12abc');
  await page.getByRole('button', { name: 'Seek', exact: true }).click();
  await until('the offset error', async () => /whole number/.test((await error.textContent()) ?? ''));
});

step('bad input: malformed JSON to produce is explained next to the value, and nothing is written', async (s) => {
  const { page } = s;
  const before = (await s.api.topics.get.query({ name: TOPIC })).messages;
  await page.goto(`/topics/${TOPIC}?tab=produce`);
  await page.getByText('JSON', { exact: true }).click();
  await page.fill('#produce-value', '{"orderId": 42, "status": ');
  const error = page.locator('#produce-value-error');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', /Not valid JSON/);
  await page.getByRole('button', { name: 'Produce' }).click();
  await page.waitForTimeout(500);
  assert.match((await error.textContent()) ?? '', /Not valid JSON/);
  await s.shot('09-topic-produce-bad-json');
  assert.equal((await s.api.topics.get.query({ name: TOPIC })).messages, before, 'nothing was produced');
  // and a good one goes through
  await page.fill('#produce-value', '{"orderId": 42, "status": "paid"}');
  await page.getByRole('button', { name: 'Produce' }).click();
  await page.getByText(/Written to partition/).waitFor();
  assert.equal((await s.api.topics.get.query({ name: TOPIC })).messages, before + 1);
});

step('screenshots of the topic pages', async (s) => {
  const { page } = s;
  await page.goto('/topics');
  await page.getByRole('link', { name: TOPIC }).waitFor();
  await s.shot('03-topics');
  for (const [name, path] of [
    ['04-topic-partitions', `/topics/${TOPIC}`],
    ['08-topic-messages', `/topics/${TOPIC}?tab=messages&partition=0`],
    ['09-topic-produce', `/topics/${TOPIC}?tab=produce`],
    ['10-topic-config', `/topics/${TOPIC}?tab=config`],
    ['11-isr', `/isr?topic=${TOPIC}`],
  ] as const) {
    await page.goto(path);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await s.shot(name);
  }
  // a second window on the same session: the dark theme
  const dark = await s.browser.newContext({
    baseURL: s.console.url,
    colorScheme: 'dark',
    viewport: { width: 1440, height: 900 },
    storageState: await s.context.storageState(),
  });
  const p = await dark.newPage();
  watchPage(p, s.problems);
  await p.goto(`/topics/${TOPIC}?tab=segments&partition=0`);
  await p.locator('.t-seg').first().waitFor();
  await s.shot('06-topic-segments-dark', p);
  await dark.close();
});

step('the browser saw no errors', async (s) => {
  assert.deepEqual(s.problems, []);
});
