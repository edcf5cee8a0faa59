'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, CommandBlock, Dialog, ErrorPanel } from '@tarn/ui';
import type { AclRow } from '../../lib/types';
import { describeError } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { aclSentence, bindingOfRow } from './acl-format';

/** Revoke exactly one ACL (kafka-acls --remove with every field given), after a confirmation that shows it. */
export function RevokeAclDialog({ acl, onClose }: { acl: AclRow | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.acls.delete.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.acls.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.acls.effective.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }),
        ]);
        revoke.reset();
        onClose();
      },
    }),
  );
  const close = () => {
    if (revoke.isPending) return;
    revoke.reset();
    onClose();
  };
  return (
    <Dialog
      open={acl !== null}
      onClose={close}
      onSubmit={() => {
        if (acl !== null) revoke.mutate(bindingOfRow(acl));
      }}
      title="Revoke this ACL?"
      description="Only this binding is removed; clients it allowed lose that access at their next request."
      footer={
        <>
          <Button onClick={close} disabled={revoke.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" busy={revoke.isPending}>
            {revoke.isPending ? 'Revoking…' : 'Revoke'}
          </Button>
        </>
      }
    >
      {acl !== null ? (
        <div className="t-stack-sm">
          <p>{aclSentence(acl)}</p>
          <CommandBlock command={acl.notation} label="The ACL in Kafka's notation" />
        </div>
      ) : null}
      {revoke.isError ? <ErrorPanel title="The ACL was not revoked" error={describeError(revoke.error)} /> : null}
    </Dialog>
  );
}
