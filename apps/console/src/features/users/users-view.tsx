'use client';
/**
 * /users, its Kafka users tab (see users-page-view): the SCRAM users in the metadata store
 * (kafka-configs --describe --entity-type users): each with its mechanisms and iteration counts,
 * the ACLs naming it; create a user, change a password, delete credentials. The header says on
 * which listeners clients log in with them.
 */
import { useState, type ReactNode } from 'react';
import Link from 'next/link';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, DataTable, EmptyState, formatNumber, ListPage, NoMatches } from '@tarn/ui';
import type { ScramUser, UsersList } from '../../lib/types';
import { isAuthorizationFailure } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { aclsHref } from '../acls/url-state';
import { QueryError } from '../common/query-error';
import { useListParams } from '../common/use-list-params';
import { DeleteUserDialog } from './delete-user-dialog';
import type { Mechanism } from './user-form';
import { UserPasswordDialog, type PasswordDialogState } from './user-password-dialog';
import { parseUserListParams, userListChanges, userPage } from './url-state';
import { UsersTabPanel } from './users-tabs';

function loginWhere(data: UsersList | undefined) {
  if (data === undefined) return 'SCRAM users, as clients log in with them.';
  if (data.listeners.length === 0) {
    return (
      <>
        SCRAM users, as clients log in with them. <strong>No listener of this broker uses SASL</strong>, so nobody can log in as these users
        until one does (listeners, listener.security.protocol.map).
      </>
    );
  }
  return (
    <>
      SCRAM users, as clients log in with them:{' '}
      {data.listeners.map((l, i) => (
        <span key={l.name}>
          {i > 0 ? '; ' : ''}
          <span className="t-mono">{l.address}</span> ({l.protocol}, {l.mechanisms.join(' or ')})
        </span>
      ))}
      .
    </>
  );
}

/** `tabs`: the Kafka / console users tabs, for operators. */
export function UsersView({ tabs }: { tabs?: ReactNode }) {
  const trpc = useTRPC();
  const { search, params, draft, setDraft, paging } = useListParams(parseUserListParams, userListChanges);
  const users = useQuery(trpc.users.list.queryOptions(undefined, { placeholderData: keepPreviousData, refetchInterval: 10_000 }));
  const [password, setPassword] = useState<PasswordDialogState>(search.get('create') === '1' ? { mode: 'create' } : null);
  const [deleting, setDeleting] = useState<ScramUser | null>(null);

  const data = users.data;
  const page = data !== undefined ? userPage(data.users, params) : undefined;
  return (
    <ListPage
      title="Users"
      description={loginWhere(data)}
      tabs={tabs}
      actions={
        // a principal refused the list (no Describe on the cluster) may not create users either
        isAuthorizationFailure(users.error) ? undefined : (
          <Button variant="primary" onClick={() => setPassword({ mode: 'create' })}>
            + Create user
          </Button>
        )
      }
      search={{ id: 'user-search', label: 'Search users', placeholder: 'Search users by name…', value: draft, onChange: setDraft }}
      count={page !== undefined ? { total: page.total, singular: 'user', plural: 'users', query: params.q } : undefined}
      error={
        users.isError && data === undefined ? (
          <QueryError title="Could not list the users" error={users.error} retry={() => void users.refetch()} />
        ) : null
      }
      dialogs={
        <>
          <UserPasswordDialog
            state={password}
            mechanisms={(data?.mechanisms ?? ['SCRAM-SHA-256', 'SCRAM-SHA-512']) as Mechanism[]}
            bounds={{ min: data?.minIterations ?? 4096, max: data?.maxIterations ?? 16384 }}
            onClose={() => setPassword(null)}
          />
          <DeleteUserDialog user={deleting} onClose={() => setDeleting(null)} />
        </>
      }
    >
      <UsersTabPanel view="kafka" tabbed={tabs !== undefined}>
        <DataTable<ScramUser>
          caption="Users"
          rows={page?.items ?? []}
          loading={data === undefined}
          rowKey={(u) => u.user}
          paging={paging(page?.total ?? 0)}
          empty={
            params.q !== '' ? (
              <NoMatches noun="user" query={params.q} onClear={() => setDraft('')}>
                Search looks for the text anywhere in a user&apos;s name.
              </NoMatches>
            ) : (
              <EmptyState
                icon="☺"
                title="No users yet"
                action={
                  <Button variant="primary" onClick={() => setPassword({ mode: 'create' })}>
                    Create a user
                  </Button>
                }
              >
                Create one here, or start the broker with scram.bootstrap.users.
              </EmptyState>
            )
          }
          columns={[
            {
              key: 'user',
              header: 'User',
              render: (u) => (
                <span className="t-row">
                  <span className="t-mono" style={{ fontWeight: 600 }}>
                    {u.user}
                  </span>
                  {u.superUser ? (
                    <Badge tone="accent" title="super.users: may do everything">
                      super user
                    </Badge>
                  ) : null}
                </span>
              ),
            },
            {
              key: 'mechanisms',
              header: 'Mechanisms',
              render: (u) => (
                <span className="t-row">
                  {u.credentials.map((c) => (
                    <Badge key={c.mechanism} mono title={`${formatNumber(c.iterations)} iterations`}>
                      {c.mechanism} · {formatNumber(c.iterations)}
                    </Badge>
                  ))}
                </span>
              ),
            },
            {
              key: 'acls',
              header: 'ACLs',
              align: 'right',
              render: (u) =>
                u.acls === null ? (
                  <span className="t-muted" title="The broker has no authorizer">
                    —
                  </span>
                ) : (
                  <Link href={aclsHref({ principal: u.principal })}>{u.acls === 1 ? '1 ACL' : `${formatNumber(u.acls)} ACLs`}</Link>
                ),
            },
            {
              key: 'actions',
              header: <span className="t-visually-hidden">Actions</span>,
              align: 'right',
              render: (u) => (
                <span className="t-row" style={{ justifyContent: 'flex-end' }}>
                  {data?.authorizerEnabled === true ? (
                    <Link className="t-btn" data-variant="ghost" data-size="sm" href={`${aclsHref({ principal: u.principal })}&grant=1`}>
                      Grant…
                    </Link>
                  ) : null}
                  <Button size="sm" onClick={() => setPassword({ mode: 'change', user: u })} aria-label={`Change ${u.user}'s password`}>
                    Change password
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setDeleting(u)} aria-label={`Delete ${u.user}`}>
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
