'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { AppShell, Button, ErrorPanel, ThemeToggle, type NavSection } from '@tarn/ui';

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

export function ConsoleShell({ user, problem, children }: { user: string | null; problem: string | null; children: ReactNode }) {
  const pathname = usePathname();
  const [leaving, setLeaving] = useState(false);
  const logout = async () => {
    setLeaving(true);
    await fetch('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    window.location.assign('/login');
  };
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
          {user !== null ? (
            <div className="t-row-between">
              <span className="t-muted" title="Signed in">
                {user}
              </span>
              <Button size="sm" variant="ghost" onClick={logout} busy={leaving}>
                Log out
              </Button>
            </div>
          ) : null}
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
