import type { ReactNode } from 'react';
import { Button } from './button';
import { Card, PageHeader } from './card';
import { EmptyState } from './feedback';
import { TextInput } from './field';
import { formatNumber } from './format';

export interface ListSearch {
  /** The search box's id (its label points at it). */
  id: string;
  /** The label, read to screen readers only. */
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}

export interface ListCount {
  total: number;
  /** What is counted: one topic, 12 topics. */
  singular: string;
  plural: string;
  /** The search the total matches; '' for none. */
  query: string;
}

export interface ListPageProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Tabs between the header and the list, when the page shows one of several lists. */
  tabs?: ReactNode;
  search: ListSearch;
  /** More controls after the search box (checkboxes, selects). */
  filters?: ReactNode;
  /** How many items match; nothing is shown until it is known. */
  count?: ListCount;
  /** Shown in place of the list when the list could not be loaded. */
  error?: ReactNode;
  /** The list itself, usually a DataTable with its empty states. */
  children: ReactNode;
  /** Dialogs the page opens, after the list. */
  dialogs?: ReactNode;
}

/**
 * A page that lists things: header, then a card with a toolbar (search box, filters, how many
 * match) over the list, or over what went wrong when it could not be loaded. The caller keeps the
 * search, the filters and the paging wherever it likes (the console keeps them in the URL).
 */
export function ListPage({ title, description, actions, tabs, search, filters, count, error, children, dialogs }: ListPageProps) {
  return (
    <div className="t-stack">
      <PageHeader title={title} description={description} actions={actions} />
      {tabs !== undefined ? <div className="t-list-tabs">{tabs}</div> : null}
      <Card flush>
        <div className="t-toolbar">
          <div className="t-field" style={{ flex: '1 1 260px', maxWidth: 420 }}>
            <label className="t-visually-hidden" htmlFor={search.id}>
              {search.label}
            </label>
            <TextInput
              id={search.id}
              type="search"
              placeholder={search.placeholder}
              value={search.value}
              onChange={(e) => search.onChange(e.target.value)}
              autoComplete="off"
            />
          </div>
          {filters}
          <span className="t-spacer" />
          {count !== undefined ? (
            <span className="t-muted t-num" aria-live="polite">
              {formatNumber(count.total)} {count.total === 1 ? count.singular : count.plural}
              {count.query !== '' ? ` matching “${count.query}”` : ''}
            </span>
          ) : null}
        </div>
        {error !== undefined && error !== null ? <div style={{ padding: 'var(--t-space-4)' }}>{error}</div> : children}
      </Card>
      {dialogs}
    </div>
  );
}

export interface NoMatchesProps {
  /** What was searched for, singular: "No topic matches …". */
  noun: string;
  query: string;
  onClear: () => void;
  /** How the search matches. */
  children?: ReactNode;
}

/** The empty state of a search that matched nothing, with a button that clears it. */
export function NoMatches({ noun, query, onClear, children }: NoMatchesProps) {
  return (
    <EmptyState icon="⌕" title={`No ${noun} matches “${query}”`} action={<Button onClick={onClear}>Clear the search</Button>}>
      {children}
    </EmptyState>
  );
}
