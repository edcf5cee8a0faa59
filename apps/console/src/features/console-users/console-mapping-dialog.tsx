'use client';
/**
 * Change a console user's role: make it an operator, or map it to the Kafka principal it acts as.
 * The change applies to its open sessions at once. The broker keeps one operator at least, and says
 * so here when this would remove the last.
 */
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, ErrorPanel, Notice } from '@tarn/ui';
import type { ConsoleUser } from '../../lib/types';
import { useTRPC } from '../../trpc/provider';
import { consoleUserServerErrors, mappingInput, roleDraftOf, type ConsoleUserErrors, type RoleDraft } from './console-user-form';
import { RoleField } from './role-field';

export function ConsoleMappingDialog({
  user,
  me,
  suggestions,
  authorizerEnabled,
  onClose,
}: {
  user: ConsoleUser | null;
  /** The signed-in user: mapping oneself ends one's operator rights. */
  me: string | null;
  suggestions: readonly string[];
  authorizerEnabled: boolean | undefined;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<RoleDraft>(roleDraftOf(null));
  const [errors, setErrors] = useState<ConsoleUserErrors>({});
  const save = useMutation(
    trpc.consoleUsers.setKafkaPrincipal.mutationOptions({
      onSuccess: async (_, input) => {
        // mapping oneself away: the console changes for this session too
        if (input.username === me) window.location.assign('/');
        await queryClient.invalidateQueries({ queryKey: trpc.consoleUsers.list.queryKey() });
        save.reset();
        onClose();
      },
      onError: (err) => setErrors(consoleUserServerErrors(err)),
    }),
  );
  useEffect(() => {
    if (user === null) return;
    setDraft(roleDraftOf(user.kafkaPrincipal));
    setErrors({});
    save.reset();
    // a new opening starts from the user's role; the user object itself changes on every refetch
  }, [user?.username]);

  const close = () => {
    if (save.isPending) return;
    save.reset();
    onClose();
  };
  const submit = () => {
    if (user === null) return;
    const { input, errors: found } = mappingInput(user.username, draft);
    setErrors(found);
    if (input !== null) save.mutate(input);
  };
  const self = user !== null && user.username === me;
  return (
    <Dialog
      open={user !== null}
      onClose={close}
      onSubmit={submit}
      title={user !== null ? `Change ${user.username}'s role` : 'Change the role'}
      description="Applies at once, to sessions already open too."
      footer={
        <>
          <Button onClick={close} disabled={save.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save role'}
          </Button>
        </>
      }
    >
      <RoleField
        id="console-mapping"
        draft={draft}
        error={errors.principal}
        suggestions={suggestions}
        authorizerEnabled={authorizerEnabled}
        onChange={(c) => {
          setDraft((d) => ({ ...d, ...c }));
          setErrors({});
        }}
      />
      {self && draft.role === 'mapped' ? (
        <Notice tone="warning">
          This is you: you stop being an operator at once, and can no longer manage console users or do what the principal may not.
        </Notice>
      ) : null}
      {errors.form !== undefined ? <ErrorPanel title="The role was not changed" error={{ message: errors.form }} /> : null}
    </Dialog>
  );
}
