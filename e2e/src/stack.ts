/**
 * One end-to-end test environment: a broker and the console's production server in processes of
 * their own, Debian's Chromium (playwright-core, no browser download), a tRPC client logged in to the
 * admin API (to check through the API what the UI did), and kafkajs for real client traffic.
 * Screenshots go to e2e/artifacts/. Everything is stopped by `stop()`; on a failure the processes'
 * output is printed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import { Kafka, logLevel } from 'kafkajs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AdminRouter } from '@tarn/broker';
import { ROOT, startBroker, startConsole, type BrokerProcess, type ConsoleProcess } from './processes';

export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Stack {
  broker: BrokerProcess;
  console: ConsoleProcess;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  password: string;
  /** The admin API, logged in (straight to the broker). */
  api: TRPCClient<AdminRouter>;
  kafka: Kafka;
  /** Uncaught errors and console errors seen in any page of the context. */
  problems: string[];
  /** Logs in through the login form; ends on `next` (default /). */
  login(page?: Page, next?: string): Promise<void>;
  /** A full-page screenshot under e2e/artifacts/<name>.png; returns the path. */
  shot(name: string, page?: Page): Promise<string>;
  stop(): Promise<void>;
}

export async function loginCookie(adminUrl: string, password: string): Promise<string> {
  const res = await fetch(`${adminUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!res.ok) throw new Error(`login failed: HTTP ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export function watchPage(page: Page, problems: string[]): void {
  page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    // a refused request (401 on purpose, a 404 probe) is logged by Chromium as a console error too
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
}

export async function startStack(brokerOverrides: Record<string, string> = {}): Promise<Stack> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const password = `e2e-${Math.random().toString(36).slice(2)}`;
  const broker = await startBroker(password, brokerOverrides);
  let consoleProcess: ConsoleProcess;
  try {
    consoleProcess = await startConsole(broker.adminUrl);
  } catch (err) {
    await broker.stop();
    throw err;
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', baseURL: consoleProcess.url });
  const page = await context.newPage();
  const problems: string[] = [];
  watchPage(page, problems);
  const cookie = await loginCookie(broker.adminUrl, password);
  const api = createTRPCClient<AdminRouter>({ links: [httpLink({ url: `${broker.adminUrl}/trpc`, headers: { cookie } })] });
  const kafka = new Kafka({ clientId: 'tarn-e2e', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 3 } });

  const stack: Stack = {
    broker,
    console: consoleProcess,
    browser,
    context,
    page,
    password,
    api,
    kafka,
    problems,
    async login(p = page, next = '/') {
      await p.goto(`/login?next=${encodeURIComponent(next)}`);
      await p.fill('#password', password);
      await p.click('button[type=submit]');
      await p.waitForURL((u) => u.pathname === next.split('?')[0]);
    },
    async shot(name, p = page) {
      const path = join(ARTIFACTS, `${name}.png`);
      // let charts and fade-ins settle; from the top, so the sticky sidebar sits where it belongs
      await p.evaluate('window.scrollTo(0, 0)');
      await p.waitForTimeout(400);
      await p.screenshot({ path, fullPage: true });
      return path;
    },
    async stop() {
      await browser.close().catch(() => undefined);
      await consoleProcess.stop();
      await broker.stop();
    },
  };
  return stack;
}

/** Prints the processes' output when a test file failed, to see why. */
export function dumpOutput(s: Stack | undefined): void {
  if (s === undefined) return;
  console.log(`--- broker output ---\n${s.broker.output()}\n--- console output ---\n${s.console.output()}`);
  if (s.problems.length > 0) console.log(`--- browser problems ---\n${s.problems.join('\n')}`);
}
