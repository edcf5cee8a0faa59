'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell, ErrorPanel, ThemeToggle, type NavSection } from '@tarn/ui';
import type { Me } from '../../lib/types';
import { WhoAmI } from './who-am-i';

/** The console's navigation; a page is one item here and a route folder. */
export const NAV: readonly NavSection[] = [
  {
    title: 'Cluster',
    items: [
      { href: '/', label: 'Overview', icon: '◎' },
      { href: '/brokers', label: 'Brokers', icon: '▤' },
      { href: '/isr', label: 'Replicas & ISR', icon: '⇆' },
    ],
  },
  {
    title: 'Data',
    items: [
      { href: '/topics', label: 'Topics', icon: '≡' },
      { href: '/groups', label: 'Consumer groups', icon: '⚇' },
      { href: '/transactions', label: 'Transactions', icon: '⇌' },
    ],
  },
  {
    title: 'Security',
    items: [
      { href: '/users', label: 'Users', icon: '☺' },
      { href: '/acls', label: 'ACLs', icon: '⚖' },
    ],
  },
];

export function ConsoleShell({ me, problem, children }: { me: Me | null; problem: string | null; children: ReactNode }) {
  const pathname = usePathname();
  return (
    <AppShell
      pathname={pathname}
      link={Link}
      nav={NAV}
      brand={
        <>
          <span className="t-brand-mark" aria-hidden="true">
            ▲
          </span>
          tarn <small>console</small>
        </>
      }
      footer={
        <>
          <ThemeToggle />
          {me !== null ? <WhoAmI me={me} /> : null}
        </>
      }
    >
      {problem !== null ? (
        <div className="c-banner">
          <ErrorPanel title="The broker is not answering" error={{ message: problem }} />
        </div>
      ) : null}
      {children}
    </AppShell>
  );
}
