'use client';
import Link from 'next/link';
import { Badge, Button, Card, DataTable, EmptyState, formatDuration, formatNumber, Meter, Select, TextInput, type Column } from '@tarn/ui';
import type { TransactionRow } from '../../lib/types';
import { AGE_WARNING_SHARE, ageTone, elapsedSince, filterTransactions, isOpenState, tpName } from './transaction-format';
import { TransactionStatePill } from './transaction-state-pill';
import { isFiltered, TRANSACTION_STATES, type TransactionsParams } from './url-state';

export interface TransactionsTableProps {
  rows: readonly TransactionRow[] | undefined;
  params: TransactionsParams;
  /** The search box's text, which reaches the URL after a pause. */
  draft: string;
  setDraft: (q: string) => void;
  update: (p: Partial<TransactionsParams>) => void;
  /** When the rows arrived (client clock), and now: ages tick between two polls. */
  fetchedAt: number;
  now: number | null;
  onAbort: (t: TransactionRow) => void;
}

/** Every transactional id the coordinators know, filtered by id, state and whether it is open. */
export function TransactionsTable({ rows, params, draft, setDraft, update, fetchedAt, now, onAbort }: TransactionsTableProps) {
  const shown = rows === undefined ? [] : filterTransactions(rows, params);
  return (
    <Card
      title="Transactional ids"
      description="Each transactional producer as its coordinator sees it: the producer id and epoch it holds, the state of its current or last transaction, how long an open one has been running against its timeout, and the partitions in it."
      flush
    >
      <div className="t-toolbar c-txn-filters">
        <label className="t-visually-hidden" htmlFor="txn-search">
          Search transactional ids
        </label>
        <TextInput
          id="txn-search"
          type="search"
          mono
          placeholder="Transactional id…"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          autoComplete="off"
          style={{ width: 240 }}
        />
        <label className="t-visually-hidden" htmlFor="txn-state">
          State
        </label>
        <Select id="txn-state" value={params.state} onChange={(e) => update({ state: e.target.value as TransactionsParams['state'] })}>
          <option value="all">Any state</option>
          {TRANSACTION_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
        <label className="t-check">
          <input type="checkbox" checked={params.open} onChange={(e) => update({ open: e.target.checked })} />
          Only open
        </label>
        <span className="t-spacer" />
        {rows !== undefined ? (
          <span className="t-muted t-num" aria-live="polite">
            {shown.length === rows.length ? '' : `${formatNumber(shown.length)} of `}
            {formatNumber(rows.length)} transactional {rows.length === 1 ? 'id' : 'ids'}
          </span>
        ) : null}
      </div>
      <DataTable<TransactionRow>
        caption="Transactional ids"
        rows={shown}
        loading={rows === undefined}
        rowKey={(t) => t.transactionalId}
        empty={
          rows !== undefined && rows.length > 0 && isFiltered(params) ? (
            <EmptyState
              icon="⌕"
              title="No transactional id matches these filters"
              action={
                <Button
                  onClick={() => {
                    setDraft('');
                    update({ q: '', state: 'all', open: false });
                  }}
                >
                  Clear the filters
                </Button>
              }
            />
          ) : (
            <EmptyState icon="⇌" title="No transactional producers yet">
              A producer with a transactional.id appears here once it calls initTransactions; its transactions show while they are open, and
              its last one stays until transactional.id.expiration.ms passes.
            </EmptyState>
          )
        }
        columns={columns(fetchedAt, now, onAbort)}
      />
    </Card>
  );
}

function columns(fetchedAt: number, now: number | null, onAbort: (t: TransactionRow) => void): Array<Column<TransactionRow>> {
  return [
    {
      key: 'id',
      header: 'Transactional id',
      render: (t) => (
        <strong className="t-mono" data-testid="txn-id">
          {t.transactionalId}
        </strong>
      ),
    },
    { key: 'state', header: 'State', render: (t) => <TransactionStatePill state={t.state} /> },
    {
      key: 'producer',
      header: 'Producer id · epoch',
      render: (t) => (
        <span className="t-mono">
          {t.producerId} · {t.producerEpoch}
        </span>
      ),
    },
    { key: 'age', header: 'Age', width: 150, render: (t) => <AgeCell t={t} fetchedAt={fetchedAt} now={now} /> },
    { key: 'timeout', header: 'Timeout', align: 'right', render: (t) => <span className="t-num">{formatDuration(t.timeoutMs)}</span> },
    {
      key: 'partitions',
      header: 'Partitions',
      render: (t) =>
        t.partitions.length === 0 ? (
          <span className="t-faint">—</span>
        ) : (
          <span className="t-row" style={{ gap: 6 }}>
            {t.partitions.map((tp) => (
              <Link
                key={tpName(tp)}
                className="t-mono"
                href={`/topics/${encodeURIComponent(tp.topic)}`}
                title={`Partition ${tp.partition} of ${tp.topic}`}
              >
                {tpName(tp)}
              </Link>
            ))}
          </span>
        ),
    },
    { key: 'coordinator', header: 'Coordinator', align: 'right', render: (t) => <span className="t-mono">{t.coordinator}</span> },
    {
      key: 'actions',
      header: <span className="t-visually-hidden">Actions</span>,
      align: 'right',
      render: (t) =>
        t.state === 'Ongoing' ? (
          <Button size="sm" variant="danger" onClick={() => onAbort(t)} aria-label={`Abort the transaction of ${t.transactionalId}`}>
            Abort
          </Button>
        ) : null,
    },
  ];
}

/** How long the open transaction has run, ticking, and how much of its timeout that is. */
function AgeCell({ t, fetchedAt, now }: { t: TransactionRow; fetchedAt: number; now: number | null }) {
  if (!isOpenState(t.state)) return <span className="t-faint">—</span>;
  const age = elapsedSince(t.ageMs, fetchedAt, now);
  if (age === null) return <span className="t-faint">—</span>;
  const tone = ageTone(age, t.timeoutMs);
  return (
    <div className="t-stack-sm" style={{ gap: 4 }} data-testid={`txn-age-${t.transactionalId}`} data-age-ms={Math.floor(age)}>
      <span className="t-row" style={{ gap: 6 }}>
        <span className="t-num">{formatDuration(age)}</span>
        {tone === 'danger' ? (
          <Badge tone="danger" title="Open longer than its timeout: its coordinator aborts it">
            past timeout
          </Badge>
        ) : tone === 'warning' ? (
          <Badge
            tone="warning"
            title={`Open for over ${Math.round(AGE_WARNING_SHARE * 100)}% of its ${formatDuration(t.timeoutMs)} timeout`}
          >
            near timeout
          </Badge>
        ) : null}
      </span>
      <Meter value={t.timeoutMs > 0 ? age / t.timeoutMs : 0} label={`Age of ${t.transactionalId}'s transaction against its timeout`} />
    </div>
  );
}
