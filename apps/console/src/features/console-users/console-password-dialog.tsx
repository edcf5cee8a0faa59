'use client';
/**
 * A console user's new password, typed twice: an operator's for anyone, anyone's for themselves
 * (`self`, from the shell). The password is sent once, in the mutation; closing the dialog forgets it.
 * Sessions already open stay logged in.
 */
import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Dialog, ErrorPanel, Notice } from '@tarn/ui';
import { useTRPC } from '../../trpc/provider';
import { consoleUserServerErrors, MIN_PASSWORD, passwordInput, type ConsoleUserErrors, type PasswordDraft } from './console-user-form';
import { PasswordFields } from './password-fields';

const EMPTY: PasswordDraft = { password: '', confirm: '' };

export function ConsolePasswordDialog({
  username,
  self = false,
  onClose,
}: {
  /** Whose password; null: closed. */
  username: string | null;
  self?: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<PasswordDraft>(EMPTY);
  const [errors, setErrors] = useState<ConsoleUserErrors>({});
  const [done, setDone] = useState(false);
  // gcTime 0 and a reset once done: the password in the mutation's variables is dropped at once
  const change = useMutation(
    trpc.consoleUsers.setPassword.mutationOptions({
      gcTime: 0,
      onSuccess: () => {
        setDraft(EMPTY);
        setDone(true);
        change.reset();
      },
      onError: (err) => setErrors(consoleUserServerErrors(err)),
    }),
  );
  useEffect(() => {
    forget();
    // a new opening (or another user) starts clean
  }, [username]);

  function forget() {
    setDraft(EMPTY);
    setErrors({});
    setDone(false);
    change.reset();
  }
  const close = () => {
    if (change.isPending) return;
    forget();
    onClose();
  };
  const submit = () => {
    if (username === null) return;
    if (done) return close();
    const { input, errors: found } = passwordInput(username, draft);
    setErrors(found);
    if (input !== null) change.mutate(input);
  };
  const set = (c: Partial<PasswordDraft>) => {
    setDraft((d) => ({ ...d, ...c }));
    setErrors((e) => ({ ...e, form: undefined, confirm: undefined, ...('password' in c ? { password: undefined } : {}) }));
  };

  return (
    <Dialog
      open={username !== null}
      onClose={close}
      onSubmit={submit}
      title={self ? 'Change my password' : `Change ${username ?? ''}'s password`}
      description={
        self
          ? `The password you log in to this console with, as ${username ?? ''}.`
          : 'The password this console user logs in with from now on; sessions already open stay logged in.'
      }
      footer={
        done ? (
          <Button type="submit" variant="primary">
            Done
          </Button>
        ) : (
          <>
            <Button onClick={close} disabled={change.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" busy={change.isPending}>
              {change.isPending ? 'Saving…' : 'Change password'}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <Notice tone="success">
          {self ? 'Your password is changed: use it from your next login on.' : `${username ?? ''}'s password is changed.`}
        </Notice>
      ) : (
        <PasswordFields
          id="console-password"
          label="New password"
          draft={draft}
          errors={errors}
          hint={`At least ${MIN_PASSWORD} characters.`}
          autoFocus
          onChange={set}
        />
      )}
      {errors.form !== undefined ? <ErrorPanel title="The password was not changed" error={{ message: errors.form }} /> : null}
    </Dialog>
  );
}
