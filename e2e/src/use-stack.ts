/**
 * node:test around one shared Stack per file: tests run in order against it, and the first failure
 * prints the broker's and console's output (and what the browser complained about) once at the end.
 */
import { after, before, test } from 'node:test';
import { dumpOutput, startStack, type Stack } from './stack';

export function useStack(brokerOverrides: Record<string, string> = {}): {
  get(): Stack;
  step(name: string, fn: (s: Stack) => Promise<void>, timeoutMs?: number): void;
} {
  let stack: Stack | undefined;
  let failed = false;
  before(async () => {
    const t0 = Date.now();
    stack = await startStack(brokerOverrides);
    console.log(
      `# stack up in ${Date.now() - t0} ms (broker ${stack.broker.bootstrap}, admin ${stack.broker.adminUrl}, console ${stack.console.url})`,
    );
  });
  after(async () => {
    if (failed) dumpOutput(stack);
    await stack?.stop();
  });
  return {
    get: () => stack!,
    step(name, fn, timeoutMs = 60_000) {
      test(name, { timeout: timeoutMs }, async () => {
        if (stack === undefined) throw new Error('the stack did not start');
        const t0 = Date.now();
        try {
          await fn(stack);
        } catch (err) {
          failed = true;
          await stack.shot(`failed-${name.replace(/[^\w]+/g, '-').slice(0, 60)}`).catch(() => undefined);
          throw err;
        } finally {
          console.log(`# ${name}: ${Date.now() - t0} ms`);
        }
      });
    },
  };
}
