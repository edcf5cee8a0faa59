// Server rendering of the components: what a screen reader and the console's HTML get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  AppShell,
  AssignmentDiff,
  CommandBlock,
  DataTable,
  ErrorPanel,
  Field,
  isActive,
  LagStatusBadge,
  ListPage,
  nextSort,
  NoMatches,
  pageCount,
  PermissionMatrix,
  ReplicaSet,
  SegmentStrip,
  Tabs,
  TextInput,
  Timeline,
  type SegmentView,
} from '../src/index';

test('the data table marks the sorted column for assistive tech and pages', () => {
  const html = renderToStaticMarkup(
    <DataTable
      columns={[
        { key: 'name', header: 'Name', sortable: true, render: (r: { name: string }) => r.name },
        { key: 'size', header: 'Size', sortable: true, align: 'right', render: () => '1 KiB' },
        { key: 'x', header: 'X', render: () => 'x' },
      ]}
      rows={[{ name: 'orders' }, { name: 'payments' }]}
      rowKey={(r) => r.name}
      sort={{ key: 'size', direction: 'desc' }}
      onSortChange={() => {}}
      paging={{ page: 1, pageSize: 2, total: 5, onPageChange: () => {} }}
    />,
  );
  assert.match(html, /aria-sort="descending"[^>]*><button/);
  assert.match(html, /aria-sort="none"/);
  assert.match(html, /<td>orders<\/td>/);
  assert.match(html, /3–4 of 5/);
  assert.match(html, /Page 2 of 3/);
  assert.deepEqual(nextSort({ key: 'size', direction: 'desc' }, 'size'), { key: 'size', direction: 'asc' });
  assert.deepEqual(nextSort({ key: 'size', direction: 'desc' }, 'name'), { key: 'name', direction: 'asc' });
  assert.equal(pageCount(0, 50), 1);
  assert.equal(pageCount(101, 50), 3);
});

test('an empty table shows the empty state instead of rows', () => {
  const html = renderToStaticMarkup(
    <DataTable columns={[{ key: 'a', header: 'A', render: () => 'a' }]} rows={[]} rowKey={() => 'k'} empty={<p>No topics yet</p>} />,
  );
  assert.match(html, /No topics yet/);
  assert.doesNotMatch(html, /<tbody>/);
});

test('the error panel names the Kafka error and says what happened', () => {
  const html = renderToStaticMarkup(
    <ErrorPanel
      title="Could not create the topic"
      error={{ code: 17, name: 'INVALID_TOPIC_EXCEPTION', message: "'bad topic!' is not a valid topic name" }}
    />,
  );
  assert.match(html, /role="alert"/);
  assert.match(html, /INVALID_TOPIC_EXCEPTION/);
  assert.match(html, /is not a valid topic name/);
});

test('a field ties its label and inline error to the control', () => {
  const html = renderToStaticMarkup(
    <Field id="name" label="Name" error="Topic names use letters, digits, '.', '_' and '-'.">
      <TextInput id="name" invalid aria-describedby="name-error" />
    </Field>,
  );
  assert.match(html, /<label class="t-label" for="name">Name<\/label>/);
  assert.match(html, /aria-invalid="true"/);
  assert.match(html, /id="name-error" role="alert"/);
});

test('tabs are a tablist with one focusable selected tab', () => {
  const html = renderToStaticMarkup(
    <Tabs
      idPrefix="topic"
      label="Topic"
      value="segments"
      onChange={() => {}}
      items={[
        { id: 'partitions', label: 'Partitions' },
        { id: 'segments', label: 'Segments' },
      ]}
    />,
  );
  assert.match(html, /role="tablist"/);
  assert.match(html, /aria-selected="true" aria-controls="topic-panel-segments" tabindex="0"/);
  assert.match(html, /aria-selected="false" aria-controls="topic-panel-partitions" tabindex="-1"/);
});

test('the segment strip draws segments to scale, keyed by base offset, with their status', () => {
  const seg = (baseOffset: number, size: number, status: SegmentView['status']): SegmentView => ({
    baseOffset,
    nextOffset: baseOffset + 10,
    size,
    records: 10,
    firstTimestamp: 0,
    largestTimestamp: 0,
    indexEntries: 2,
    timeIndexEntries: 2,
    indexBytes: 36,
    status,
  });
  const html = renderToStaticMarkup(
    <SegmentStrip
      segments={[seg(0, 4000, 'deleted'), seg(10, 2000, 'sealed'), seg(20, 500, 'active')]}
      segmentBytes={4096}
      logStartOffset={10}
      logEndOffset={30}
    />,
  );
  assert.match(html, /data-status="deleted" data-base-offset="0" style="flex-grow:4000"/);
  assert.match(html, /data-status="sealed" data-base-offset="10" style="flex-grow:2000"/);
  assert.match(html, /data-status="active" data-base-offset="20" style="flex-grow:500"/);
  assert.match(html, /1 marked for deletion/);
  assert.match(html, /12\.2% of segment\.bytes 4\.0 KiB/);
  assert.match(html, /log start 10/);
});

test('replicas show the leader, in-sync and out-of-sync followers', () => {
  const html = renderToStaticMarkup(<ReplicaSet replicas={[1, 2, 3]} isr={[1, 3]} leader={1} />);
  assert.match(html, /data-state="leader"[^>]*>1</);
  assert.match(html, /data-state="out-of-sync"[^>]*>2</);
  assert.match(html, /data-state="in-sync"[^>]*>3</);
});

test('the shell marks the current section; disabled sections are not links', () => {
  const html = renderToStaticMarkup(
    <AppShell
      brand="tarn"
      pathname="/topics/orders"
      nav={[
        {
          items: [
            { href: '/', label: 'Overview' },
            { href: '/topics', label: 'Topics' },
            { href: '/groups', label: 'Consumer groups', disabled: true, note: 'soon' },
          ],
        },
      ]}
    >
      page
    </AppShell>,
  );
  assert.match(html, /href="\/topics" class="t-nav-link" aria-current="page"/);
  assert.doesNotMatch(html, /href="\/" class="t-nav-link" aria-current/);
  assert.doesNotMatch(html, /href="\/groups"/);
  assert.equal(isActive({ href: '/', label: 'Overview' }, '/topics'), false);
  assert.equal(isActive({ href: '/topics', label: 'Topics' }, '/topicsx'), false);
});

test('the timeline lists events with machine-readable times', () => {
  const html = renderToStaticMarkup(
    <Timeline label="ISR history" items={[{ id: '1', timeMs: Date.UTC(2024, 0, 1), title: 'ISR shrank', tone: 'warning' }]} />,
  );
  assert.match(html, /<ol class="t-timeline" aria-label="ISR history">/);
  assert.match(html, /data-tone="warning"/);
  assert.match(html, /dateTime="2024-01-01T00:00:00.000Z"|datetime="2024-01-01T00:00:00.000Z"/);
});

test('lag status badges carry their tone and meaning', () => {
  const html = renderToStaticMarkup(<LagStatusBadge status="STOP" />);
  assert.match(html, /data-tone="danger"/);
  assert.match(html, /title="Lagging and no commits for a while: the consumer stopped"/);
  assert.match(renderToStaticMarkup(<LagStatusBadge status="OK" />), /data-tone="success"[^>]*>OK</);
});

test('an assignment diff shows gained and lost partitions, or that nothing changed', () => {
  const html = renderToStaticMarkup(<AssignmentDiff added={{ work: [2, 3] }} removed={{ work: [0] }} />);
  assert.match(html, /data-kind="added"[^>]*>.*gained .*work\[2–3\]/);
  assert.match(html, /data-kind="removed"[^>]*>.*lost .*work\[0\]/);
  assert.match(renderToStaticMarkup(<AssignmentDiff added={{}} removed={{ work: [] }} />), /unchanged/);
});

test('a command block shows the command with a copy button', () => {
  const html = renderToStaticMarkup(
    <CommandBlock label="Equivalent command" command="kafka-consumer-groups.sh --reset-offsets --to-earliest" />,
  );
  assert.match(html, /aria-label="Equivalent command">kafka-consumer-groups\.sh --reset-offsets --to-earliest</);
  assert.match(html, /<button[^>]*>Copy<\/button>/);
});

test('a list page has a labelled search box, its filters and the count over the list, or the error instead of it', () => {
  const search = { id: 'topic-search', label: 'Search topics', placeholder: 'Search…', value: 'ord', onChange: () => {} };
  const html = renderToStaticMarkup(
    <ListPage
      title="Topics"
      search={search}
      filters={<label>internal</label>}
      count={{ total: 1, singular: 'topic', plural: 'topics', query: 'ord' }}
      dialogs={<dialog />}
    >
      <p>the table</p>
    </ListPage>,
  );
  assert.match(
    html,
    /<label class="t-visually-hidden" for="topic-search">Search topics<\/label><input id="topic-search" type="search"[^>]*value="ord"/,
  );
  assert.match(html, /<label>internal<\/label><span class="t-spacer"><\/span>/);
  assert.match(html, /aria-live="polite">1 topic matching “ord”<\/span>/);
  assert.match(html, /the table<\/p><\/div><\/section><dialog>/);
  const failed = renderToStaticMarkup(
    <ListPage title="Topics" search={search} error={<p>could not list</p>}>
      <p>the table</p>
    </ListPage>,
  );
  assert.match(failed, /could not list/);
  assert.doesNotMatch(failed, /the table|aria-live/);
  const none = renderToStaticMarkup(<NoMatches noun="topic" query="x" onClear={() => {}} />);
  assert.match(none, /No topic matches “x”/);
  assert.match(none, /Clear the search/);
});

test('the permission matrix says allowed or denied, and why, for every cell', () => {
  const html = renderToStaticMarkup(
    <PermissionMatrix
      caption="Who can do what on orders"
      columns={['Read', 'Write']}
      rows={[
        {
          key: 'carol',
          label: 'User:carol',
          note: 'any host',
          cells: [
            { allowed: true, reason: 'ALLOW READ' },
            { allowed: false, reason: 'no ACL allows it' },
          ],
        },
      ]}
    />,
  );
  assert.match(html, /<th scope="row"><span class="t-perm-who">User:carol<\/span><span class="t-perm-note">any host<\/span><\/th>/);
  assert.match(html, /data-allowed="true" title="ALLOW READ"/);
  assert.match(html, /Write: denied \(no ACL allows it\)/);
});
