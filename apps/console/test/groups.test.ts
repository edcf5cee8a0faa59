// Consumer-group pages: URL state, the lag chart's series, rebalance events from the bus, and the
// offset-reset form turned into API input with a message per field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeRebalance, nextPending, parseGroupEvent, rebalanceFromEvent } from '../src/features/groups/group-events';
import { appendPoint, chartTopics, pointFromLag, pointsFromHistory } from '../src/features/groups/lag-series';
import { offsetRangeProblem, planErrors, resetInput, EMPTY_DRAFT, type ResetDraft } from '../src/features/groups/reset-form';
import type { GroupLag, ResetPlan } from '../src/lib/types';
import { groupHref, groupListInput, parseGroupListParams, parseGroupParams } from '../src/features/groups/url-state';
import { routeParam } from '../src/lib/url-state';
import { toLocalInput } from '../src/lib/local-time';

test('the group list and group pages parse their URLs; odd group ids survive the round trip', () => {
  assert.deepEqual(groupListInput(parseGroupListParams({ q: 'pay', page: '2', size: '100' })), { search: 'pay', page: 1, pageSize: 100 });
  assert.deepEqual(groupListInput(parseGroupListParams(new URLSearchParams('page=0&size=7'))), { search: '', page: 0, pageSize: 50 });
  assert.equal(parseGroupParams({ tab: 'reset' }).tab, 'reset');
  assert.equal(parseGroupParams({ tab: 'x' }).tab, 'lag');
  const id = 'billing/eu 50%?#';
  const href = groupHref(id, 'members');
  assert.equal(href, '/groups/billing%2Feu%2050%25%3F%23?tab=members');
  assert.equal(routeParam(href.slice('/groups/'.length, href.indexOf('?'))), id);
  assert.equal(routeParam('100%'), '100%', 'a malformed escape is kept as typed');
  assert.equal(groupHref('g'), '/groups/g');
});

const lag = (parts: Array<[string, number, number]>): GroupLag => ({
  groupId: 'g',
  state: 'Stable',
  totalLag: parts.reduce((n, p) => n + p[2], 0),
  maxLagMs: 0,
  status: 'OK',
  partitions: parts.map(([topic, partition, l]) => ({
    topic,
    partition,
    committedOffset: 0,
    logEndOffset: l,
    highWatermark: l,
    lastStableOffset: l,
    heldByTransaction: false,
    logStartOffset: 0,
    lag: l,
    lagMs: 0,
    status: 'OK',
    windowComplete: false,
    lastCommitMs: null,
  })),
});

test('lag history is summed per sample time and per topic; live samples extend it within a window', () => {
  const history = [
    {
      topic: 'a',
      partition: 0,
      samples: [
        { timeMs: 1000, lag: 5 },
        { timeMs: 2000, lag: 7 },
      ],
    },
    {
      topic: 'a',
      partition: 1,
      samples: [
        { timeMs: 1000, lag: 1 },
        { timeMs: 2000, lag: 0 },
      ],
    },
    { topic: 'b', partition: 0, samples: [{ timeMs: 2000, lag: 3 }] },
  ];
  const points = pointsFromHistory(history);
  assert.deepEqual(points, [
    { timeMs: 1000, total: 6, byTopic: { a: 6 } },
    { timeMs: 2000, total: 10, byTopic: { a: 7, b: 3 } },
  ]);
  const live = pointFromLag(
    3000,
    lag([
      ['a', 0, 2],
      ['b', 0, 4],
    ]),
  );
  assert.deepEqual(live, { timeMs: 3000, total: 6, byTopic: { a: 2, b: 4 } });
  assert.equal(appendPoint(points, { ...live, timeMs: 1500 }), points, 'an older sample is ignored');
  const windowed = appendPoint(points, live, 1500);
  assert.deepEqual(
    windowed.map((p) => p.timeMs),
    [2000, 3000],
    'points older than the window drop out',
  );
  assert.deepEqual(pointFromLag(4000, null), { timeMs: 4000, total: 0, byTopic: {} });
});

test('the chart draws up to five topics, else the busiest four and "other"', () => {
  const few = chartTopics([{ timeMs: 1, total: 3, byTopic: { b: 1, a: 2 } }]);
  assert.deepEqual(few, { topics: ['a', 'b'], other: false });
  const byTopic = Object.fromEntries(['t1', 't2', 't3', 't4', 't5', 't6'].map((t, i) => [t, i]));
  assert.deepEqual(chartTopics([{ timeMs: 1, total: 15, byTopic }]), { topics: ['t3', 't4', 't5', 't6'], other: true });
});

const completed = {
  type: 'group-rebalance-completed',
  group: 'g',
  generation: 2,
  protocolType: 'consumer',
  protocol: 'RoundRobinAssigner',
  leader: 'm1',
  startedAtMs: 100,
  completedAtMs: 350,
  durationMs: 250,
  cause: 'join',
  reason: 'member m2 joined',
  joined: [{ memberId: 'm2', groupInstanceId: null, clientId: 'c2', reason: 'join', timeMs: 110 }],
  left: [],
  members: [
    { memberId: 'm1', groupInstanceId: null, clientId: 'c1', clientHost: '/127.0.0.1', assignment: { work: [0] } },
    { memberId: 'm2', groupInstanceId: null, clientId: 'c2', clientHost: '/127.0.0.1', assignment: { work: [1] } },
  ],
  diff: { m1: { added: {}, removed: { work: [1] } }, m2: { added: { work: [1] }, removed: {} } },
};

test('rebalance events from the bus are checked, merged into the history once, and fold a rebalance under way', () => {
  const e = parseGroupEvent(completed);
  assert.ok(e !== null && e.type === 'group-rebalance-completed');
  const r = rebalanceFromEvent(e);
  assert.equal(r.generation, 2);
  assert.equal('type' in r, false);
  const once = mergeRebalance([], r);
  assert.equal(mergeRebalance(once, r), once, 'the same generation is not added twice');
  assert.deepEqual(
    mergeRebalance([{ ...r, generation: 3, completedAtMs: 900 }], r).map((x) => x.generation),
    [2, 3],
    'kept oldest first',
  );
  assert.equal(parseGroupEvent({ type: 'group-rebalance-completed', group: 'g' }), null, 'a malformed event is ignored');
  assert.equal(parseGroupEvent({ type: 'group-offsets-committed', group: 'g' }), null);

  let pending = nextPending(
    null,
    parseGroupEvent({
      type: 'group-member-joined',
      group: 'g',
      memberId: 'm3',
      groupInstanceId: null,
      clientId: 'c3',
      clientHost: '/x',
      reason: 'join',
    })!,
    '7',
    1000,
  );
  pending = nextPending(
    pending,
    parseGroupEvent({ type: 'group-rebalance-started', group: 'g', generation: 2, cause: 'join', reason: 'member m3 joined' })!,
    '8',
    1001,
  );
  assert.equal(pending?.startedAtMs, 1000);
  assert.deepEqual(
    pending?.changes.map((c) => [c.kind, c.memberId]),
    [['joined', 'm3']],
  );
  assert.equal(nextPending(pending, e, '9', 1200), null, 'a completed generation ends it');
});

const draft = (d: Partial<ResetDraft>): ResetDraft => ({ ...EMPTY_DRAFT, ...d });
const NOW = Date.UTC(2024, 4, 1, 12);

test('the reset form becomes API input, or a message next to each bad field', () => {
  assert.deepEqual(resetInput('g', draft({}), NOW), {
    input: { groupId: 'g', scope: { kind: 'group' }, strategy: { kind: 'earliest' } },
    errors: {},
  });
  assert.deepEqual(
    resetInput('g', draft({ scope: 'partitions', partitions: ['a.b:c:2', 'x:0'], strategy: 'offset', offset: ' 42 ' }), NOW).input,
    {
      groupId: 'g',
      scope: {
        kind: 'partitions',
        partitions: [
          { topic: 'a.b:c', partition: 2 },
          { topic: 'x', partition: 0 },
        ],
      },
      strategy: { kind: 'offset', offset: 42 },
    },
  );
  assert.deepEqual(resetInput('g', draft({ strategy: 'shift', shift: '-100' }), NOW).input?.strategy, { kind: 'shift', by: -100 });
  assert.deepEqual(resetInput('g', draft({ strategy: 'duration', duration: '2', durationUnit: 'hours' }), NOW).input?.strategy, {
    kind: 'duration',
    durationMs: 7_200_000,
  });
  const at = NOW - 3_600_000;
  assert.deepEqual(resetInput('g', draft({ strategy: 'timestamp', time: toLocalInput(at) }), NOW).input?.strategy, {
    kind: 'timestamp',
    timestampMs: at,
  });

  const bad = (d: Partial<ResetDraft>) => resetInput('g', draft(d), NOW);
  assert.match(bad({ scope: 'topics' }).errors.scope!, /at least one topic/);
  assert.match(bad({ scope: 'partitions' }).errors.scope!, /at least one partition/);
  assert.match(bad({ strategy: 'offset', offset: '12abc' }).errors.offset!, /not an offset/);
  assert.match(bad({ strategy: 'offset', offset: '-1' }).errors.offset!, /not an offset/);
  assert.match(bad({ strategy: 'offset', offset: '99999999999999999999' }).errors.offset!, /not an offset/);
  assert.match(bad({ strategy: 'shift', shift: '1.5' }).errors.shift!, /not a whole number/);
  assert.match(bad({ strategy: 'shift', shift: '0' }).errors.shift!, /changes nothing/);
  assert.match(bad({ strategy: 'duration', duration: 'soon' }).errors.duration!, /not a positive whole number of hours/);
  assert.match(bad({ strategy: 'timestamp', time: '' }).errors.time!, /Pick a date/);
  assert.match(bad({ strategy: 'timestamp', time: toLocalInput(NOW + 86_400_000) }).errors.time!, /future/);
  assert.equal(bad({ strategy: 'offset', offset: 'x' }).input, null, 'nothing to send while a field is bad');
});

test('an offset outside the partitions\u2019 range is refused with where the range is; per-partition plan errors are listed', () => {
  const plan = (entries: Array<Partial<ResetPlan['partitions'][number]>>): ResetPlan => ({
    groupId: 'g',
    state: 'Empty',
    strategy: { kind: 'offset', offset: 0 },
    createdAtMs: 0,
    applicable: true,
    reason: null,
    command: '',
    partitions: entries.map((e, i) => ({
      topic: 'work',
      partition: i,
      currentOffset: 5,
      targetOffset: 5,
      logStartOffset: 0,
      logEndOffset: 20,
      error: null,
      warning: null,
      ...e,
    })),
  });
  const d = draft({ strategy: 'offset', offset: '500' });
  assert.equal(
    offsetRangeProblem(plan([{}, { logEndOffset: 600 }]), d),
    'Offset 500 is beyond the log end of work-0 (20). Pick an offset up to the log end.',
  );
  assert.match(
    offsetRangeProblem(plan([{ logStartOffset: 10 }]), draft({ strategy: 'offset', offset: '3' }))!,
    /below the log start of work-0 \(10\)/,
  );
  assert.equal(offsetRangeProblem(plan([{}]), draft({ strategy: 'offset', offset: '20' })), null, 'the log end itself is fine');
  assert.equal(offsetRangeProblem(plan([{}]), draft({ strategy: 'earliest' })), null);
  assert.deepEqual(
    planErrors(plan([{ error: 'Cannot shift offset for partition work-0 since there is no current committed offset' }, {}])),
    ['Cannot shift offset for partition work-0 since there is no current committed offset'],
  );
});
