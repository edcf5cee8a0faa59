'use client';
/**
 * /users?view=console, for operators: who may log in to this console, each an operator or acting as
 * a Kafka principal; create one, change a password or a role, delete one. Warns when the broker has
 * no authorizer, since then a mapped user may do everything.
 */
import { useState, type ReactNode } from 'react';
import Link from 'next/link';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, DataTable, EmptyState, formatTimestamp, ListPage, NoMatches, Notice } from '@tarn/ui';
import type { ConsoleUser } from '../../lib/types';
import { useTRPC } from '../../trpc/provider';
import { aclsHref } from '../acls/url-state';
import { QueryError } from '../common/query-error';
import { useListParams } from '../common/use-list-params';
import { parseUserListParams, userListChanges, userPage } from '../users/url-state';
import { UsersTabPanel } from '../users/users-tabs';
import { ConsoleMappingDialog } from './console-mapping-dialog';
import { ConsolePasswordDialog } from './console-password-dialog';
import { principalSuggestions } from './console-user-form';
import { CreateConsoleUserDialog } from './create-console-user-dialog';
import { DeleteConsoleUserDialog } from './delete-console-user-dialog';
import { MAPPING_MEANS } from './role-field';

function Role({ user }: { user: ConsoleUser }) {
  if (user.kafkaPrincipal === null)
    return (
      <Badge tone="accent" title="May do everything and manage console users">
        Operator
      </Badge>
    );
  return (
    <span className="t-row" title={MAPPING_MEANS}>
      <span className="t-muted">Acts as</span>
      <span className="t-mono">{user.kafkaPrincipal}</span>
    </span>
  );
}

export function ConsoleUsersView({ tabs, me }: { tabs?: ReactNode; me: string | null }) {
  const trpc = useTRPC();
  const { search, params, draft, setDraft, paging } = useListParams(parseUserListParams, userListChanges);
  const list = useQuery(trpc.consoleUsers.list.queryOptions(undefined, { placeholderData: keepPreviousData, refetchInterval: 10_000 }));
  // the SCRAM users' principals, offered as roles (nothing is offered when they cannot be listed)
  const scram = useQuery(trpc.users.list.queryOptions(undefined, { staleTime: 60_000 }));
  const [creating, setCreating] = useState(search.get('create') === '1');
  const [password, setPassword] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ConsoleUser | null>(null);
  const [deleting, setDeleting] = useState<ConsoleUser | null>(null);

  const data = list.data;
  const page = data !== undefined ? userPage(data.users, params, (u) => u.username) : undefined;
  const suggestions = principalSuggestions(
    (scram.data?.users ?? []).map((u) => u.principal),
    (data?.users ?? []).map((u) => u.kafkaPrincipal),
  );
  const authorizerEnabled = data?.authorizerEnabled;
  const create = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      + Create console user
    </Button>
  );
  return (
    <ListPage
      title="Users"
      description="Who may log in to this console. Operators may do everything; a mapped user acts as its Kafka principal."
      actions={create}
      tabs={tabs}
      search={{
        id: 'console-user-search',
        label: 'Search console users',
        placeholder: 'Search console users…',
        value: draft,
        onChange: setDraft,
      }}
      count={page !== undefined ? { total: page.total, singular: 'console user', plural: 'console users', query: params.q } : undefined}
      error={
        list.isError && data === undefined ? (
          <QueryError title="Could not list the console users" error={list.error} retry={() => void list.refetch()} />
        ) : null
      }
      dialogs={
        <>
          <CreateConsoleUserDialog
            open={creating}
            suggestions={suggestions}
            authorizerEnabled={authorizerEnabled}
            onClose={() => setCreating(false)}
          />
          <ConsolePasswordDialog username={password} onClose={() => setPassword(null)} />
          <ConsoleMappingDialog
            user={mapping}
            me={me}
            suggestions={suggestions}
            authorizerEnabled={authorizerEnabled}
            onClose={() => setMapping(null)}
          />
          <DeleteConsoleUserDialog user={deleting} me={me} onClose={() => setDeleting(null)} />
        </>
      }
    >
      <UsersTabPanel view="console" tabbed={tabs !== undefined}>
        {authorizerEnabled === false ? (
          <div style={{ padding: 'var(--t-space-3) var(--t-space-4)' }}>
            <Notice tone="warning">
              <strong>The broker has no authorizer</strong>: every Kafka principal may do everything, so a console user mapped to one may
              too. Turn ACLs on (authorizer.class.name) for mappings to limit anyone.
            </Notice>
          </div>
        ) : null}
        <DataTable<ConsoleUser>
          caption="Console users"
          rows={page?.items ?? []}
          loading={data === undefined}
          rowKey={(u) => u.username}
          paging={paging(page?.total ?? 0)}
          empty={
            params.q !== '' ? (
              <NoMatches noun="console user" query={params.q} onClear={() => setDraft('')}>
                Search looks for the text anywhere in a user&apos;s name.
              </NoMatches>
            ) : (
              <EmptyState icon="☺" title="No console users" action={create} />
            )
          }
          columns={[
            {
              key: 'username',
              header: 'Username',
              render: (u) => (
                <span className="t-row">
                  <span className="t-mono" style={{ fontWeight: 600 }}>
                    {u.username}
                  </span>
                  {u.username === me ? <Badge tone="info">you</Badge> : null}
                </span>
              ),
            },
            { key: 'role', header: 'Role', render: (u) => <Role user={u} /> },
            {
              key: 'created',
              header: 'Created',
              render: (u) => <span className="t-num t-muted">{formatTimestamp(Date.parse(u.createdAt), { millis: false })}</span>,
            },
            {
              key: 'actions',
              header: <span className="t-visually-hidden">Actions</span>,
              align: 'right',
              render: (u) => (
                <span className="t-row" style={{ justifyContent: 'flex-end' }}>
                  {u.kafkaPrincipal !== null && authorizerEnabled === true ? (
                    <Link
                      className="t-btn"
                      data-variant="ghost"
                      data-size="sm"
                      href={`${aclsHref({ principal: u.kafkaPrincipal })}&grant=1`}
                      aria-label={`Grant ${u.kafkaPrincipal} access`}
                    >
                      Grant…
                    </Link>
                  ) : null}
                  <Button size="sm" onClick={() => setMapping(u)} aria-label={`Change ${u.username}'s role`}>
                    Change role
                  </Button>
                  <Button size="sm" onClick={() => setPassword(u.username)} aria-label={`Change ${u.username}'s password`}>
                    Change password
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setDeleting(u)} aria-label={`Delete ${u.username}`}>
                    Delete
                  </Button>
                </span>
              ),
            },
          ]}
        />
      </UsersTabPanel>
    </ListPage>
  );
}
