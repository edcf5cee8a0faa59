// Test support: a broker on free loopback ports with a temporary log dir, and a minimal Kafka
// client built on our own codecs for byte-level tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { decodeResponse, encodeRequest, type ApiKeyNumber, type ApiRequestMap, type ApiResponseMap } from '@tarn/protocol';
import { Broker } from '../src/index';

const cleanups: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

export function tempDir(prefix = 'tarn-broker-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

export interface TestBroker {
  broker: Broker;
  port: number;
  adminPort: number;
  logDir: string;
  stop(): Promise<void>;
}

export async function startBroker(overrides: Record<string, string> = {}, logDir = tempDir()): Promise<TestBroker> {
  const broker = new Broker({
    listeners: 'PLAINTEXT://127.0.0.1:0',
    'admin.listeners': 'http://127.0.0.1:0',
    'log.dirs': logDir,
    'log.level': process.env.TARN_TEST_LOG_LEVEL ?? 'warn',
    'group.initial.rebalance.delay.ms': '0',
    ...overrides,
  });
  await broker.start();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await broker.shutdown();
  };
  cleanups.push(stop);
  return { broker, port: broker.boundListeners()[0]!.port, adminPort: broker.adminServer.boundPort, logDir, stop };
}

/** A raw Kafka connection: send frames, read frames, see the connection close. */
export class TestConnection {
  private buffered = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  closed = false;
  private correlationId = 1;

  private constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, d]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  static open(port: number): Promise<TestConnection> {
    return new Promise((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => resolve(new TestConnection(s)));
      s.once('error', reject);
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private async waitFor(pred: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error('timed out waiting on the connection');
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }

  write(bytes: Buffer | Buffer[]): void {
    for (const b of Array.isArray(bytes) ? bytes : [bytes]) this.socket.write(b);
  }

  /** The next response frame (without its size prefix). */
  async readFrame(timeoutMs = 5000): Promise<Buffer> {
    await this.waitFor(
      () => this.closed || (this.buffered.length >= 4 && this.buffered.length >= 4 + this.buffered.readInt32BE(0)),
      timeoutMs,
    );
    if (this.buffered.length < 4 || this.buffered.length < 4 + this.buffered.readInt32BE(0))
      throw new Error('connection closed before a response');
    const size = this.buffered.readInt32BE(0);
    const frame = this.buffered.subarray(4, 4 + size);
    this.buffered = this.buffered.subarray(4 + size);
    return frame;
  }

  async expectClosed(timeoutMs = 5000): Promise<void> {
    await this.waitFor(() => this.closed, timeoutMs);
  }

  sendRequest<K extends ApiKeyNumber>(apiKey: K, version: number, body: ApiRequestMap[K], clientId = 'tarn-test'): number {
    const id = this.correlationId++;
    this.write(encodeRequest(apiKey, version, id, clientId, body));
    return id;
  }

  async request<K extends ApiKeyNumber>(apiKey: K, version: number, body: ApiRequestMap[K]): Promise<ApiResponseMap[K]> {
    const id = this.sendRequest(apiKey, version, body);
    const frame = await this.readFrame();
    const decoded = decodeResponse(apiKey, version, frame);
    if (decoded.correlationId !== id) throw new Error(`correlation id ${decoded.correlationId}, expected ${id}`);
    return decoded.body;
  }

  close(): void {
    this.socket.destroy();
  }
}

import { spawn } from 'node:child_process';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program without blocking the event loop (the broker under test lives in this process). */
export function run(
  cmd: string,
  args: string[],
  options: { input?: string | Buffer; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: options.env ?? process.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')} timed out; stderr: ${Buffer.concat(err).toString()}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

/** Debian's Python with python3-confluent-kafka and python3-kafka (the python3 on PATH lacks them). */
export const SYSTEM_PYTHON = '/usr/bin/python3';
