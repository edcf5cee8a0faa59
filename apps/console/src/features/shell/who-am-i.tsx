'use client';
/**
 * Who is signed in, at the bottom of the sidebar: the console user, whether it is an operator or
 * acts as a Kafka principal (whose ACLs then decide what it sees), change my password, log out.
 */
import { useState } from 'react';
import { Badge, Button } from '@tarn/ui';
import type { Me } from '../../lib/types';
import { ConsolePasswordDialog } from '../console-users/console-password-dialog';
import { MAPPING_MEANS } from '../console-users/role-field';

export function WhoAmI({ me }: { me: Me }) {
  const [leaving, setLeaving] = useState(false);
  const [changing, setChanging] = useState(false);
  const logout = async () => {
    setLeaving(true);
    await fetch('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    window.location.assign('/login');
  };
  return (
    <div className="c-who" aria-label="Signed in" role="group">
      <div className="t-row-between">
        <span className="c-who-name" title={me.via === 'token' ? 'Signed in with an API token' : 'Signed in'}>
          {me.user}
        </span>
        {me.operator ? (
          <Badge tone="accent" title="May do everything and manage console users">
            operator
          </Badge>
        ) : null}
      </div>
      {me.kafkaPrincipal !== null ? (
        <div className="t-muted c-who-principal" title={MAPPING_MEANS}>
          acting as <span className="t-mono">{me.kafkaPrincipal}</span>
        </div>
      ) : null}
      <div className="c-who-actions">
        {me.via === 'session' ? (
          <Button size="sm" variant="ghost" onClick={() => setChanging(true)}>
            Change password
          </Button>
        ) : (
          <span />
        )}
        <Button size="sm" variant="ghost" onClick={logout} busy={leaving}>
          Log out
        </Button>
      </div>
      <ConsolePasswordDialog username={changing ? me.user : null} self onClose={() => setChanging(false)} />
    </div>
  );
}
