// URL state: the server route and the client component must parse a URL to the same query input
// (that is what makes the prefetched data hydrate), and junk in a shared link must not break a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listParamChanges, parseListParams, withParams } from '../src/lib/url-state';
import {
  browseInput,
  parseTopicListParams,
  parseTopicParams,
  segmentsInput,
  topicListChanges,
  topicListInput,
} from '../src/features/topics/url-state';
import { defaultIsrTopic, parseIsrParams } from '../src/features/isr/url-state';
import { safeNext } from '../src/features/login/safe-next';
import { configNameInMessage } from '../src/features/topics/config-values';

test('the topic list parses the same from Next searchParams and from URLSearchParams', () => {
  const record = { q: 'ord', page: '3', size: '100', sort: 'size', dir: 'desc', internal: '1' };
  const a = topicListInput(parseTopicListParams(record));
  const b = topicListInput(parseTopicListParams(new URLSearchParams(record)));
  assert.deepEqual(a, b);
  assert.deepEqual(a, { page: 2, pageSize: 100, sort: 'size', direction: 'desc', search: 'ord', includeInternal: true });
});

test('junk in the URL falls back to defaults', () => {
  assert.deepEqual(topicListInput(parseTopicListParams({ page: '-1', size: '7', sort: 'drop table', dir: 'sideways' })), {
    page: 0,
    pageSize: 50,
    sort: 'name',
    direction: 'asc',
    search: '',
    includeInternal: false,
  });
  const p = parseTopicParams({ tab: 'nope', partition: 'x', seek: 'offset', offset: '-5', limit: '7' });
  assert.equal(p.tab, 'partitions');
  assert.equal(p.partition, null);
  assert.deepEqual(
    browseInput('t', p),
    { topic: 't', partition: null, seek: { type: 'newest' }, limit: 50 },
    'an offset seek without a valid offset reads the newest',
  );
});

test('topic tabs: seeks by offset and by time, segments default to partition 0', () => {
  const byOffset = parseTopicParams(new URLSearchParams('tab=messages&partition=2&seek=offset&offset=35&limit=20'));
  assert.deepEqual(browseInput('orders', byOffset), { topic: 'orders', partition: 2, seek: { type: 'offset', offset: 35 }, limit: 20 });
  const byTime = parseTopicParams({ tab: 'messages', seek: 'timestamp', ts: '2024-05-01T12:00:00.000Z' });
  assert.deepEqual(browseInput('orders', byTime).seek, { type: 'timestamp', timestamp: Date.UTC(2024, 4, 1, 12) });
  assert.deepEqual(parseTopicParams({ ts: '1714564800000' }).ts, 1714564800000);
  assert.deepEqual(segmentsInput('orders', parseTopicParams({ tab: 'segments' })), { topic: 'orders', partition: 0 });
  assert.equal(parseTopicParams({ filter: 'x'.repeat(500) }).filter.length, 200);
});

test('list params written to the URL parse back the same; defaults leave the URL', () => {
  const topics = parseTopicListParams({ q: 'ord', page: '3', size: '100', sort: 'size', dir: 'desc', internal: '1' });
  assert.deepEqual(parseTopicListParams(new URLSearchParams(withParams('', topicListChanges(topics)))), topics);
  assert.equal(withParams('', topicListChanges(parseTopicListParams({}))), '');
  const groups = parseListParams({ q: 'pay', page: '2', size: '25' });
  assert.equal(withParams('', listParamChanges(groups)), 'q=pay&page=2&size=25');
  assert.equal(withParams('q=pay&page=2&size=25', listParamChanges({ ...groups, page: 0, size: 50 })), 'q=pay');
});

test('query strings change only what is asked; empty values disappear', () => {
  assert.equal(withParams('tab=messages&partition=1', { partition: null, seek: 'offset', offset: 5 }), 'tab=messages&seek=offset&offset=5');
  assert.equal(withParams('', { internal: true, q: '' }), 'internal=1');
  assert.equal(withParams('internal=1', { internal: false }), '');
});

test('the ISR page picks the first non-internal topic by default', () => {
  assert.equal(parseIsrParams({}).topic, null);
  assert.equal(defaultIsrTopic(['__consumer_offsets', 'orders']), 'orders');
  assert.equal(defaultIsrTopic(['__consumer_offsets']), '__consumer_offsets');
  assert.equal(defaultIsrTopic([]), null);
});

test('after login only paths on this console are followed', () => {
  assert.equal(safeNext('/topics/orders?tab=segments'), '/topics/orders?tab=segments');
  assert.equal(safeNext('//evil.example'), '/');
  assert.equal(safeNext('https://evil.example'), '/');
  assert.equal(safeNext('/\\evil.example'), '/');
  assert.equal(safeNext('/login?next=/login'), '/');
  assert.equal(safeNext(null), '/');
});

test('an INVALID_CONFIG message is matched to the config row it is about', () => {
  const message = 'Invalid value forever for configuration retention.ms: Not a number of type LONG';
  assert.equal(configNameInMessage(message, ['segment.bytes', 'retention.ms']), 'retention.ms');
  assert.equal(configNameInMessage('Unknown topic config name: foo.bar', ['x', 'foo.bar']), 'foo.bar');
  assert.equal(configNameInMessage('something else', ['a']), null);
});
