// Config values checked against the broker's definitions before a form sends them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configHint, configValueProblem } from '../src/features/topics/config-values';
import type { ConfigDefinition } from '../src/lib/types';

const defs = new Map<string, ConfigDefinition>(
  [
    { name: 'segment.bytes', type: 'int', default: '1073741824', oneOf: null, min: 14, max: null, doc: 'segment file size' },
    {
      name: 'retention.ms',
      type: 'long',
      default: '604800000',
      oneOf: null,
      min: -1,
      max: null,
      doc: 'age after which segments are deleted',
    },
    { name: 'min.cleanable.dirty.ratio', type: 'double', default: '0.5', oneOf: null, min: 0, max: 1, doc: 'dirty share' },
    {
      name: 'cleanup.policy',
      type: 'list',
      default: 'delete',
      oneOf: ['delete', 'compact'],
      min: null,
      max: null,
      doc: 'delete or compact',
    },
    { name: 'compression.type', type: 'string', default: 'producer', oneOf: ['producer', 'gzip'], min: null, max: null, doc: 'codec' },
    { name: 'preallocate', type: 'boolean', default: 'false', oneOf: null, min: null, max: null, doc: 'preallocate' },
  ].map((d) => [d.name, d as ConfigDefinition]),
);

test('values of the right type and range pass', () => {
  for (const [name, value] of [
    ['segment.bytes', '2048'],
    ['retention.ms', '-1'],
    ['retention.ms', '9223372036854775807'],
    ['min.cleanable.dirty.ratio', '0.25'],
    ['cleanup.policy', 'compact, delete'],
    ['compression.type', 'gzip'],
    ['preallocate', 'TRUE'],
  ] as const)
    assert.equal(configValueProblem(name, value, defs), null, `${name}=${value}`);
});

test('bad values say what is expected', () => {
  assert.equal(configValueProblem('segment.bytes', '5', defs), 'segment.bytes must be at least 14; 5 is out of range.');
  assert.equal(configValueProblem('segment.bytes', '3000000000', defs), 'segment.bytes must fit in an int (at most 2147483647).');
  assert.equal(configValueProblem('retention.ms', 'forever', defs), 'retention.ms must be a whole number, at least -1.');
  assert.equal(
    configValueProblem('min.cleanable.dirty.ratio', '1.5', defs),
    'min.cleanable.dirty.ratio must be between 0 and 1; 1.5 is out of range.',
  );
  assert.match(configValueProblem('cleanup.policy', 'delete,shred', defs)!, /not shred/);
  assert.match(configValueProblem('compression.type', 'brotli', defs)!, /one of: producer, gzip/);
  assert.match(configValueProblem('preallocate', 'yes', defs)!, /true or false/);
  assert.match(configValueProblem('no.such.config', '1', defs)!, /not a topic config/);
  assert.match(configValueProblem('segment.bytes', ' ', defs)!, /Enter a value/);
  assert.equal(configHint(defs.get('segment.bytes')!), 'segment file size — ≥ 14; default 1073741824');
});
