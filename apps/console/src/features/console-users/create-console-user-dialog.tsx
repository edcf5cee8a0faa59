'use client';
/**
 * Create a console user: a name, a password typed twice and a role (an operator, or the Kafka
 * principal it acts as). The password is sent once, in the mutation; closing the dialog forgets it
 * (the form's state and the mutation's variables).
 */
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, ErrorPanel, Field, TextInput } from '@tarn/ui';
import { useTRPC } from '../../trpc/provider';
import {
  consoleUserInput,
  consoleUserServerErrors,
  emptyConsoleUserDraft,
  MIN_PASSWORD,
  withUsername,
  type ConsoleUserDraft,
  type ConsoleUserErrors,
} from './console-user-form';
import { PasswordFields } from './password-fields';
import { RoleField } from './role-field';

export function CreateConsoleUserDialog({
  open,
  suggestions,
  authorizerEnabled,
  onClose,
}: {
  open: boolean;
  suggestions: readonly string[];
  authorizerEnabled: boolean | undefined;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ConsoleUserDraft>(emptyConsoleUserDraft());
  const [errors, setErrors] = useState<ConsoleUserErrors>({});
  // gcTime 0: the mutation cache drops the finished mutation, and the password in its variables, at once
  const create = useMutation(
    trpc.consoleUsers.create.mutationOptions({
      gcTime: 0,
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.consoleUsers.list.queryKey() });
        forget();
        onClose();
      },
      onError: (err) => setErrors(consoleUserServerErrors(err)),
    }),
  );
  useEffect(() => {
    if (open) forget();
    // a new opening starts clean
  }, [open]);

  function forget() {
    setDraft(emptyConsoleUserDraft());
    setErrors({});
    create.reset();
  }
  const close = () => {
    if (create.isPending) return;
    forget();
    onClose();
  };
  const set = (c: Partial<ConsoleUserDraft>) => {
    setDraft((d) => ({ ...(c.username !== undefined ? withUsername(d, c.username) : d), ...c }));
    // a field's complaint goes once it is edited (and the confirmation's when either password is)
    setErrors((e) => {
      const next: ConsoleUserErrors = { ...e, form: undefined };
      for (const k of Object.keys(c)) next[k as keyof ConsoleUserErrors] = undefined;
      if ('password' in c) next.confirm = undefined;
      if ('username' in c || 'role' in c) next.principal = undefined;
      return next;
    });
  };
  const submit = () => {
    const { input, errors: found } = consoleUserInput(draft);
    setErrors(found);
    if (input !== null) create.mutate(input);
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      onSubmit={submit}
      title="Create a console user"
      description="Someone who logs in to this console. The broker keeps a salted hash of the password, never the password."
      footer={
        <>
          <Button onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create console user'}
          </Button>
        </>
      }
    >
      <Field id="console-user-name" label="Username" error={errors.username} hint="Letters, digits and . _ @ -">
        <TextInput
          id="console-user-name"
          mono
          value={draft.username}
          onChange={(e) => set({ username: e.target.value })}
          autoFocus
          invalid={errors.username !== undefined}
          autoComplete="off"
          placeholder="alice"
        />
      </Field>
      <PasswordFields
        id="console-user"
        draft={draft}
        errors={errors}
        hint={`At least ${MIN_PASSWORD} characters.`}
        onChange={(c) => set(c)}
      />
      <RoleField
        id="console-user"
        draft={draft}
        error={errors.principal}
        suggestions={suggestions}
        authorizerEnabled={authorizerEnabled}
        onChange={(c) => set(c)}
      />
      {errors.form !== undefined ? <ErrorPanel title="The console user was not created" error={{ message: errors.form }} /> : null}
    </Dialog>
  );
}
