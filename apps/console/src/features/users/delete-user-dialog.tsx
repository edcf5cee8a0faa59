'use client';
import { useEffect, useState } from 'react';
import Link from 'next/link';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, ErrorPanel, Field, SegmentedControl } from '@tarn/ui';
import type { ScramUser } from '../../lib/types';
import { describeError } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { aclsHref } from '../acls/url-state';
import type { Mechanism } from './user-form';

/**
 * Delete a user's credentials (kafka-configs --delete-config SCRAM-SHA-512): all of them, or one
 * mechanism when the user has several. Its ACLs stay, as in Kafka; the dialog says how many.
 */
export function DeleteUserDialog({ user, onClose }: { user: ScramUser | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [which, setWhich] = useState<'all' | Mechanism>('all');
  useEffect(() => setWhich('all'), [user?.user]);
  const del = useMutation(
    trpc.users.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        del.reset();
        onClose();
      },
    }),
  );
  const close = () => {
    if (del.isPending) return;
    del.reset();
    onClose();
  };
  const several = (user?.credentials.length ?? 0) > 1;
  const all = which === 'all' || !several;
  return (
    <Dialog
      open={user !== null}
      onClose={close}
      onSubmit={() => {
        if (user !== null) del.mutate({ user: user.user, ...(all ? {} : { mechanism: which as Mechanism }) });
      }}
      title={user !== null ? `Delete ${user.user}?` : 'Delete user'}
      description={
        all
          ? 'The user can no longer log in; connections already open stay until they re-authenticate or close.'
          : `Clients using ${which} can no longer log in as this user.`
      }
      footer={
        <>
          <Button onClick={close} disabled={del.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" busy={del.isPending}>
            {del.isPending ? 'Deleting…' : all ? 'Delete user' : `Delete ${which}`}
          </Button>
        </>
      }
    >
      {user !== null && several ? (
        <Field id="delete-which" label="What to delete">
          <SegmentedControl<'all' | Mechanism>
            name="delete-which"
            label="Credentials to delete"
            value={which}
            onChange={setWhich}
            options={[
              { value: 'all', label: 'Every credential' },
              ...user.credentials.map((c) => ({ value: c.mechanism as Mechanism, label: `Only ${c.mechanism}` })),
            ]}
          />
        </Field>
      ) : null}
      {user !== null && user.acls !== null && user.acls > 0 ? (
        <p>
          {user.acls === 1 ? 'One ACL names' : `${user.acls} ACLs name`} <span className="t-mono">{user.principal}</span> and will stay, as
          Kafka keeps them: <Link href={aclsHref({ principal: user.principal })}>review them</Link>.
        </p>
      ) : null}
      {del.isError ? <ErrorPanel title="The user was not deleted" error={describeError(del.error)} /> : null}
    </Dialog>
  );
}
