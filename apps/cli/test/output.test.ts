// Output for people and for scripts: colour only on a terminal (and not with NO_COLOR), columns
// aligned on what shows (colour codes take no width), `-` for missing values as Kafka's tools print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Output } from '../src/output';

function capture(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = { isTTY, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

test('a table on a terminal is coloured and still aligned; piped it is plain', () => {
  const tty = capture(true);
  const saved = process.env.NO_COLOR;
  delete process.env.NO_COLOR;
  try {
    const o = new Output('text', tty.stream);
    o.table(
      ['GROUP', 'LAG', 'CLIENT-ID'],
      [
        ['g', o.yellow('12'), null],
        ['a-longer-group', '0', 'c'],
      ],
    );
    o.flush();
  } finally {
    if (saved !== undefined) process.env.NO_COLOR = saved;
  }
  assert.equal(
    tty.text(),
    '\u001b[1mGROUP          LAG CLIENT-ID\u001b[22m\ng              \u001b[33m12\u001b[39m  -\na-longer-group 0   c\n',
  );
  const pipe = capture(false);
  const o = new Output('text', pipe.stream);
  o.table(['GROUP', 'LAG'], [['g', o.yellow('12')]]);
  o.flush();
  assert.equal(pipe.text(), 'GROUP LAG\ng     12\n');
});
