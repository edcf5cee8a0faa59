'use client';
/**
 * Delete a console user after a confirmation: it can no longer log in, and its open sessions end.
 * Its Kafka principal and the ACLs naming it stay. The broker keeps one operator at least.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, ErrorPanel, Notice } from '@tarn/ui';
import type { ConsoleUser } from '../../lib/types';
import { describeError } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';

export function DeleteConsoleUserDialog({ user, me, onClose }: { user: ConsoleUser | null; me: string | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const del = useMutation(
    trpc.consoleUsers.delete.mutationOptions({
      onSuccess: async (_, input) => {
        // deleting oneself ends one's own session
        if (input.username === me) window.location.assign('/login');
        await queryClient.invalidateQueries({ queryKey: trpc.consoleUsers.list.queryKey() });
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
  return (
    <Dialog
      open={user !== null}
      onClose={close}
      onSubmit={() => {
        if (user !== null) del.mutate({ username: user.username });
      }}
      title={user !== null ? `Delete console user ${user.username}?` : 'Delete console user'}
      description={
        user?.kafkaPrincipal != null
          ? `They can no longer log in to the console, and their sessions end now. ${user.kafkaPrincipal} and the ACLs naming it stay.`
          : 'They can no longer log in to the console, and their sessions end now.'
      }
      footer={
        <>
          <Button onClick={close} disabled={del.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" busy={del.isPending}>
            {del.isPending ? 'Deleting…' : 'Delete console user'}
          </Button>
        </>
      }
    >
      {user !== null && user.username === me ? <Notice tone="warning">This is you: you are logged out at once.</Notice> : null}
      {del.isError ? <ErrorPanel title="The console user was not deleted" error={describeError(del.error)} /> : null}
    </Dialog>
  );
}
