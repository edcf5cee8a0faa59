import type { ReactNode } from 'react';
import { ConsoleShell } from '../../features/shell/console-shell';
import { currentUser } from '../../trpc/server';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { me, problem } = await currentUser();
  return (
    <ConsoleShell me={me} problem={problem}>
      {children}
    </ConsoleShell>
  );
}
