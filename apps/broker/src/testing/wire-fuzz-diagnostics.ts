/**
 * What the wire fuzzer learns about a broker beyond its exit status and liveness probes: where its
 * main thread is when it hangs or grows (`inspectorStacks`), and the error-level lines it logs
 * (`BrokerLogScanner`) — an uncaught exception the broker survived is a failure all the same, and
 * the grouped errors go into the report.
 */
import { WebSocket } from 'ws';
import type { BrokerLogError } from './wire-fuzz-report';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Where the broker's main thread is, sampled through the inspector (the broker runs with
 * --inspect on a loopback port): Debugger.pause interrupts running JavaScript, so a hung event loop
 * shows the functions it is stuck in — a signal-triggered diagnostic report would only run once
 * the loop is free again. `samples` pauses `intervalMs` apart; null when the inspector is unreachable.
 */
export async function inspectorStacks(inspectPort: number, samples = 3, intervalMs = 700): Promise<string | null> {
  let url: string;
  try {
    const list = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`, { signal: AbortSignal.timeout(3000) })).json()) as Array<{
      webSocketDebuggerUrl: string;
    }>;
    url = list[0]!.webSocketDebuggerUrl;
  } catch {
    return null;
  }
  const ws = new WebSocket(url);
  let nextId = 1;
  const waiting = new Map<number, () => void>();
  let pausedWaiter: ((frames: string[]) => void) | null = null;
  const scripts = new Map<string, string>();
  ws.on('message', (data: Buffer) => {
    const msg = JSON.parse(data.toString()) as {
      id?: number;
      method?: string;
      params?: {
        scriptId?: string;
        url?: string;
        callFrames?: Array<{ functionName: string; url: string; location: { scriptId: string; lineNumber: number } }>;
      };
    };
    if (msg.id !== undefined) waiting.get(msg.id)?.();
    if (msg.method === 'Debugger.scriptParsed' && msg.params?.scriptId !== undefined)
      scripts.set(msg.params.scriptId, msg.params.url ?? '');
    if (msg.method === 'Debugger.paused') {
      const where = (f: { url: string; location: { scriptId: string } }) =>
        (f.url || scripts.get(f.location.scriptId) || '?').replace(/^file:\/\//, '').replace(/\?.*$/, '');
      // tsx compiles each module to one line: the function name and file say more than the line
      const frames = (msg.params?.callFrames ?? []).map((f) => `${f.functionName || '(anonymous)'} (${where(f)})`);
      pausedWaiter?.(frames);
    }
  });
  const send = (method: string) =>
    new Promise<void>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method }));
      setTimeout(resolve, 5000).unref();
    });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await send('Debugger.enable');
    const out: string[] = [];
    for (let i = 0; i < samples; i++) {
      const frames = await new Promise<string[] | null>((resolve) => {
        pausedWaiter = resolve;
        void send('Debugger.pause');
        setTimeout(() => resolve(null), 5000).unref();
      });
      pausedWaiter = null;
      out.push(
        `sample ${i + 1}: ${frames === null ? '(did not pause within 5 s: blocked outside JavaScript?)' : frames.length === 0 ? '(idle)' : ''}`,
      );
      for (const f of (frames ?? []).slice(0, 18)) out.push(`    ${f}`);
      if (frames !== null) await send('Debugger.resume');
      await sleep(intervalMs);
    }
    return out.join('\n');
  } catch {
    return null;
  } finally {
    ws.terminate();
  }
}

/** Groups the broker's error-level JSON log lines (pino level >= 50). */
export class BrokerLogScanner {
  private partial = '';
  readonly errors = new Map<string, BrokerLogError>();
  /** An uncaught exception or unhandled rejection the broker logged and survived: a bug all the same. */
  onUncaught: (message: string) => void = () => {};

  feed(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      let entry: { level?: number; msg?: string; err?: { message?: string; stack?: string }; apiKey?: number; apiVersion?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue;
      }
      if ((entry.level ?? 0) < 50) continue;
      if (/uncaught|unhandled/i.test(entry.msg ?? ''))
        this.onUncaught(`${entry.msg}: ${entry.err?.stack ?? entry.err?.message ?? ''}`.slice(0, 3000));
      const key =
        `${entry.msg ?? ''}${entry.apiKey !== undefined ? ` (api ${entry.apiKey} v${entry.apiVersion})` : ''}: ${entry.err?.message ?? ''}`.slice(
          0,
          300,
        );
      const e = this.errors.get(key);
      if (e !== undefined) e.count++;
      else this.errors.set(key, { message: key, count: 1, example: (entry.err?.stack ?? line).slice(0, 2000) });
    }
  }
}
