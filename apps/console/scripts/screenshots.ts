/**
 * Screenshots of every console page with Debian's Chromium (playwright-core, no browser download):
 * logs in through the login form, then visits each page in light and dark themes.
 *
 *   tsx scripts/screenshots.ts [--url http://127.0.0.1:3000] [--password …] [--topic demo] [--group demo-group] [--out /tmp/console-shots]
 *
 * The end-to-end suite (e2e/) takes its own screenshots of every page into e2e/artifacts/ as it runs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.CONSOLE_URL ?? 'http://127.0.0.1:3000' },
    user: { type: 'string', default: 'admin' },
    password: { type: 'string', default: process.env.TARN_ADMIN_PASSWORD ?? '' },
    topic: { type: 'string', default: 'demo' },
    group: { type: 'string', default: 'demo-group' },
    out: { type: 'string', default: '/tmp/console-shots' },
    only: { type: 'string' },
    dark: { type: 'boolean', default: false },
  },
});
const base = values.url.replace(/\/$/, '');
mkdirSync(values.out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, colorScheme: values.dark ? 'dark' : 'light' });
const page = await context.newPage();
const problems: string[] = [];
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('console', (m) => {
  if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
});

async function shot(name: string, p: Page = page): Promise<void> {
  if (values.only !== undefined && !name.includes(values.only)) return;
  const file = join(values.out, `${name}${values.dark ? '-dark' : ''}.png`);
  await p.screenshot({ path: file, fullPage: true });
  console.log(file);
}

// login: a wrong password first, to see the message next to the form
await page.goto(`${base}/topics`);
await page.waitForURL(/\/login/);
await page.fill('#password', 'not-the-password');
await page.click('button[type=submit]');
await page.waitForSelector('#password-error');
await shot('01-login-wrong-password');
await page.fill('#password', values.password);
await page.click('button[type=submit]');
await page.waitForURL(/\/topics/);

const topic = encodeURIComponent(values.topic);
const group = encodeURIComponent(values.group);
const pages: Array<[string, string, string?]> = [
  ['02-overview', '/', '.recharts-surface'],
  ['03-topics', '/topics'],
  ['04-topic-partitions', `/topics/${topic}`],
  ['05-topic-segments', `/topics/${topic}?tab=segments&partition=0`, '.t-seg'],
  ['06-topic-messages', `/topics/${topic}?tab=messages&partition=0`],
  ['07-topic-messages-beyond-end', `/topics/${topic}?tab=messages&partition=0&seek=offset&offset=99999999`, '#seek-offset-error'],
  ['08-topic-tail', `/topics/${topic}?tab=tail`],
  ['09-topic-produce', `/topics/${topic}?tab=produce`],
  ['10-topic-config', `/topics/${topic}?tab=config`],
  ['11-isr', `/isr?topic=${topic}`],
  ['15-groups', '/groups'],
  ['16-group-lag', `/groups/${group}`, '.recharts-surface'],
  ['17-group-members', `/groups/${group}?tab=members`],
  ['18-group-rebalances', `/groups/${group}?tab=rebalances`],
  ['19-group-reset', `/groups/${group}?tab=reset`, '.t-command'],
  ['20-topic-access', `/topics/${topic}?tab=access`, '[data-testid=access-matrix]'],
  ['21-group-access', `/groups/${group}?tab=access`, '[data-testid=access-matrix]'],
  ['22-users', '/users'],
  ['23-acls', '/acls'],
];
for (const [name, path, selector] of pages) {
  if (values.only !== undefined && !name.includes(values.only)) continue;
  await page.goto(`${base}${path}`);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  if (selector !== undefined)
    await page.waitForSelector(selector, { timeout: 10_000 }).catch(() => problems.push(`${name}: ${selector} never appeared`));
  await page.waitForTimeout(1200);
  await shot(name);
}

// interactions: hover a segment, the create-topic dialog with a server error, JSON validation
if (values.only === undefined || 'segment-hover'.includes(values.only)) {
  await page.goto(`${base}/topics/${topic}?tab=segments&partition=0`);
  await page.waitForSelector('.t-seg');
  await page.hover('.t-seg >> nth=0');
  await page.waitForTimeout(300);
  await shot('12-segment-hover');
}
if (values.only === undefined || 'create-topic-error'.includes(values.only)) {
  await page.goto(`${base}/topics`);
  await page.click('text=Create topic');
  await page.fill('#topic-name', 'bad topic!');
  await page.click('text=+ Add config');
  await page.fill('[aria-label="Config 1 name"]', 'retention.ms');
  await page.fill('[aria-label="Config 1 value"]', 'forever');
  await page.click('.t-dialog button[type=submit]');
  await page.waitForSelector('#topic-name-error');
  await shot('13-create-topic-error');
}
if (values.only === undefined || 'produce-json'.includes(values.only)) {
  await page.goto(`${base}/topics/${topic}?tab=produce`);
  await page.click('text=JSON');
  await page.fill('#produce-value', '{"orderId": 42,');
  await page.waitForSelector('#produce-value-error');
  await shot('14-produce-json-error');
}

await browser.close();
if (problems.length > 0) {
  console.log('\nproblems seen in the browser:');
  for (const p of problems) console.log(`  ${p}`);
}
