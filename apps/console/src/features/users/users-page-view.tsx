'use client';
/**
 * /users: the Kafka SCRAM users for everyone who may describe the cluster, and — for operators
 * only — a second tab with the console users. A user mapped to a Kafka principal never sees the
 * console users; `view=console` in its URL shows it the SCRAM users.
 */
import { useQuery } from '@tanstack/react-query';
import { useUrlState } from '../../lib/use-url-state';
import { useTRPC } from '../../trpc/provider';
import { ConsoleUsersView } from '../console-users/console-users-view';
import { parseUserView } from './url-state';
import { UsersTabs } from './users-tabs';
import { UsersView } from './users-view';

export function UsersPageView() {
  const trpc = useTRPC();
  const [search] = useUrlState();
  const me = useQuery(trpc.me.queryOptions(undefined, { staleTime: 60_000 }));
  const operator = me.data?.operator === true;
  const view = operator ? parseUserView(search) : 'kafka';
  const tabs = operator ? <UsersTabs value={view} /> : undefined;
  return view === 'console' ? <ConsoleUsersView tabs={tabs} me={me.data?.user ?? null} /> : <UsersView tabs={tabs} />;
}
