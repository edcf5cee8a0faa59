// A flood of closed connections cannot flood the log: at most N lines a window, then one line
// counting what was dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { LogRateLimiter } from '../src/network/log-rate-limiter';

test('at most perWindow lines per window; the next window reports how many were dropped', () => {
  const lines: Array<{ msg: string; suppressed?: number }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as { msg: string; suppressed?: number });
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  let now = 1_000;
  const limiter = new LogRateLimiter(3, 1000, () => now);
  for (let i = 0; i < 100; i++) limiter.log(logger, { i }, 'closing connection');
  assert.equal(lines.length, 3);
  now += 1000;
  limiter.log(logger, { i: 100 }, 'closing connection');
  assert.deepEqual(
    lines.slice(3).map((l) => [l.msg, l.suppressed]),
    [
      ["97 more 'closing connection' lines were not logged", 97],
      ['closing connection', undefined],
    ],
  );
});
